import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { GENDER_LABELS } from '../../../../common/enums';
import {
  ATTENDANCE_LABELS,
  ATTENDANCES,
  type Attendance,
  type CheckupBatchView,
  type CheckupParticipantView,
  type CheckupProgrammeView,
} from '../../../../common/schemas/checkup';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { DepartmentTreeSelect } from '../../../components/DepartmentTreeSelect';
import { useDialog } from '../../../components/useDialog';
import { labelOptions } from '../../../options';
import { AttendanceTag, CHECKUPS_KEY } from './checkupShared';
import { AidCaseDialog, FollowUpDialog } from './FollowUpDialogs';

interface Filters {
  departmentId?: string;
  batchId?: string;
  attendance?: Attendance;
  followUp?: 'true';
  q?: string;
}

/** The frozen list: filter, select and mark attendance or a batch in bulk; flag follow-ups one by one. */
export function ParticipantsPanel({ programme: p }: { programme: CheckupProgrammeView }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const seesFollowUp = useCan('care:read');
  const open = p.status === 'published';
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const following = useDialog<CheckupParticipantView | null>(null);
  const aiding = useDialog<CheckupParticipantView | null>(null);
  const query = queryString({ ...filters, ...page });
  const result = useQuery({
    queryKey: [...CHECKUPS_KEY, 'participants', p.id, query],
    queryFn: () => api.get<Paged<CheckupParticipantView>>(`/care/checkups/${p.id}/participants${query}`),
  });
  const batches = useQuery({
    queryKey: [...CHECKUPS_KEY, 'batches', p.id],
    queryFn: () =>
      api.get<{ data: CheckupBatchView[] }>(`/care/checkups/${p.id}/batches`).then((r) => r.data),
  });
  const batchOptions = (batches.data ?? []).map((b) => ({ value: b.id, label: b.label }));
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((pg) => ({ ...pg, page: 1 }));
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: CHECKUPS_KEY });

  async function bulk(url: string, body: object, text: string) {
    try {
      await api.post(`/care/checkups/${p.id}/${url}`, body);
      message.success(text);
      setSelected([]);
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <DepartmentTreeSelect
          style={{ width: 200 }}
          value={filters.departmentId}
          onChange={(departmentId) => filter({ departmentId })}
        />
        <Select
          allowClear
          placeholder="批次"
          style={{ width: 260 }}
          value={filters.batchId}
          options={[{ value: 'none', label: '未安排批次' }, ...batchOptions]}
          onChange={(batchId) => filter({ batchId })}
        />
        <Select
          allowClear
          placeholder="到检情况"
          style={{ width: 120 }}
          value={filters.attendance}
          options={labelOptions(ATTENDANCE_LABELS, ATTENDANCES)}
          onChange={(attendance) => filter({ attendance })}
        />
        {seesFollowUp && (
          <Select
            allowClear
            placeholder="复查标记"
            style={{ width: 120 }}
            value={filters.followUp}
            options={[{ value: 'true', label: '需复查' }]}
            onChange={(followUp) => filter({ followUp })}
          />
        )}
        <Input.Search
          allowClear
          placeholder="姓名"
          style={{ width: 160 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
      </Flex>
      {open && (
        <Flex gap={8} wrap align="center">
          <Typography.Text type="secondary">已选 {selected.length} 人：</Typography.Text>
          {(['attended', 'absent', 'rescheduled', 'pending'] as const).map((a) => (
            <Button
              key={a}
              size="small"
              disabled={!selected.length}
              onClick={() =>
                bulk(
                  'attendance',
                  { participantIds: selected, attendance: a },
                  `已标记为${ATTENDANCE_LABELS[a]}`,
                )
              }
            >
              标记{ATTENDANCE_LABELS[a]}
            </Button>
          ))}
          <Select
            size="small"
            placeholder="安排到批次"
            style={{ width: 260 }}
            disabled={!selected.length}
            value={null}
            options={batchOptions}
            onChange={(batchId) => bulk('assign', { batchId, participantIds: selected }, '已安排批次')}
          />
        </Flex>
      )}
      <Table<CheckupParticipantView>
        rowKey="id"
        size="small"
        loading={result.isFetching}
        dataSource={result.data?.data}
        scroll={{ x: 'max-content' }}
        rowSelection={
          open ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
        }
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: result.data?.page.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 人`,
          onChange: (pg, pageSize) => setPage({ page: pageSize === page.pageSize ? pg : 1, pageSize }),
        }}
        locale={{ emptyText: result.error ? `加载失败：${result.error.message}` : '没有符合筛选条件的人员' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '性别',
            dataIndex: 'gender',
            render: (g: CheckupParticipantView['gender']) => GENDER_LABELS[g],
          },
          { title: '年龄', dataIndex: 'age' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '加项', dataIndex: 'extraItems', render: (i: string[]) => i.join('、') || '—' },
          { title: '批次', dataIndex: 'batchLabel', render: (l: string | null) => l ?? '未安排' },
          {
            title: '到检情况',
            dataIndex: 'attendance',
            render: (a: Attendance) => <AttendanceTag attendance={a} />,
          },
          ...(seesFollowUp
            ? [
                {
                  title: '复查标记',
                  key: 'followUp',
                  render: (_: unknown, r: CheckupParticipantView) => (
                    <Flex gap={4} align="center" wrap>
                      {r.followUp && <Tag color="orange">需复查</Tag>}
                      {r.followUpNote && <Typography.Text type="secondary">{r.followUpNote}</Typography.Text>}
                      {r.attendance === 'attended' && (
                        <Button size="small" type="link" onClick={() => following.show(r)}>
                          {r.followUp ? '修改' : '标记需复查'}
                        </Button>
                      )}
                      {r.followUp && !r.aidCaseId && (
                        <Button size="small" type="link" onClick={() => aiding.show(r)}>
                          转救助申请
                        </Button>
                      )}
                      {r.aidCaseId && <Link to={`/care/aid/${r.aidCaseId}`}>查看救助申请</Link>}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FollowUpDialog
        programmeId={p.id}
        participant={following.subject}
        open={following.open}
        onClose={following.close}
        onDone={refresh}
      />
      <AidCaseDialog
        programmeId={p.id}
        participant={aiding.subject}
        open={aiding.open}
        onClose={aiding.close}
        onDone={refresh}
      />
    </Flex>
  );
}
