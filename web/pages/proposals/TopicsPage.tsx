import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { HANDLING_STATE_LABELS } from '../../../common/schemas/handling';
import {
  type ProposalListItem,
  proposalWindowBody,
  type TopicView,
  topicCreateBody,
} from '../../../common/schemas/proposal';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { dateStringItem } from '../../forms';
import { useListParams } from '../../useListParams';
import { useMeetings } from '../congress/congressQueries';
import { SatisfactionTag } from './ProposalTags';
import { useProposals, useRefreshProposals, useTopics, useWindow } from './proposalQueries';

/** 并案与交办: per meeting, the accepted proposals still to handle, merging them into topics, and the topics. */
export default function TopicsPage() {
  const list = useListParams();
  const meetings = useMeetings();
  const meetingId = list.params.meetingId ?? meetings.data?.[0]?.id;
  const accepted = useProposals({ meetingId, state: 'accepted', pageSize: 200 });
  const topics = useTopics(meetingId);
  const window = useWindow(meetingId);
  const refresh = useRefreshProposals();
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'merge' | 'window' | null>(null);
  const close = () => setDialog(null);
  const unmerged = (accepted.data?.data ?? []).filter((p) => !p.topicId);

  return (
    <ListPage
      title="并案与交办"
      actions={
        <>
          <Select
            style={{ width: 260 }}
            placeholder="选择会议"
            value={meetingId}
            onChange={(v) => list.setFilters({ meetingId: v })}
            options={(meetings.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
          />
          <Button disabled={!meetingId} onClick={() => setDialog('window')}>
            提案征集设置
          </Button>
        </>
      }
    >
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center">
          <strong>已立案、待并案或交办的提案（{unmerged.length}）</strong>
          <Button type="primary" disabled={selected.length === 0} onClick={() => setDialog('merge')}>
            并案（{selected.length}）
          </Button>
        </Flex>
        <Table<ProposalListItem>
          rowKey="id"
          size="small"
          dataSource={unmerged}
          loading={accepted.isFetching}
          pagination={false}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          columns={[
            { title: '编号', dataIndex: 'number', width: 130 },
            {
              title: '案由',
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/proposals/${r.id}`}>{v}</Link>,
            },
            { title: '类别', dataIndex: 'category', width: 100 },
            { title: '提案人', dataIndex: 'proposerName', width: 100 },
          ]}
        />
        <strong>办理事项（{topics.data?.length ?? 0}）</strong>
        <Table<TopicView>
          rowKey="id"
          size="small"
          dataSource={topics.data}
          loading={topics.isFetching}
          pagination={false}
          columns={[
            {
              title: '办理事项',
              dataIndex: 'title',
              render: (v: string, r) => <Link to={`/proposals/topics/${r.id}`}>{v}</Link>,
            },
            { title: '提案', render: (_, r) => r.proposals.map((p) => p.number).join('、') },
            { title: '主办部门', render: (_, r) => r.handling?.leadDepartmentName ?? '—' },
            { title: '期限', render: (_, r) => r.handling?.dueDate ?? '—' },
            {
              title: '状态',
              render: (_, r) =>
                r.handling ? (
                  <>
                    {HANDLING_STATE_LABELS[r.handling.state]}{' '}
                    {r.handling.overdue && <Tag color="error">逾期</Tag>}
                  </>
                ) : (
                  '待交办'
                ),
            },
            {
              title: '满意度',
              render: (_, r) => <SatisfactionTag value={r.handling?.satisfaction ?? null} />,
            },
          ]}
        />
      </Flex>
      <FormModal
        title="并案"
        open={dialog === 'merge'}
        onClose={close}
        schema={topicCreateBody}
        initialValues={{ title: unmerged.find((p) => p.id === selected[0])?.title }}
        toBody={(v) => ({ ...v, proposalIds: selected })}
        submitText="并案"
        onSubmit={async (body) => {
          await api.post('/proposal-topics', body);
          setSelected([]);
          await refresh();
          close();
        }}
      >
        <Form.Item name="title" label="并案标题" required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="提案征集设置"
        open={dialog === 'window'}
        onClose={close}
        schema={proposalWindowBody}
        initialValues={window.data ?? { minCosigners: 2 }}
        toBody={(v) => ({ ...v, version: window.data?.version })}
        onSubmit={async (body) => {
          await api.put(`/proposal-windows/${meetingId}`, body);
          await refresh();
          close();
        }}
      >
        <Form.Item name="opensOn" label="征集开始日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="closesOn" label="征集截止日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="minCosigners" label="最少附议人数" required>
          <InputNumber min={0} max={20} />
        </Form.Item>
        <Form.Item name="categories" label="提案类别（留空使用默认类别）">
          <Select mode="tags" />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
