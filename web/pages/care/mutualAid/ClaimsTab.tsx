import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { yuan } from '../../../../common/schemas/funds';
import {
  CLAIM_KIND_LABELS,
  CLAIM_STATUS_LABELS,
  type ClaimKind,
  type ClaimListItem,
  claimCreateBody,
  type MutualAidPlanView,
} from '../../../../common/schemas/mutualAid';
import type { Paged } from '../../../../common/schemas/shared';
import { useCan } from '../../../access';
import { api, queryString } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { FilterBar, SelectFilter, YearFilter } from '../../../components/ListFilters';
import { PagedTable } from '../../../components/PagedTable';
import { dateStringItem } from '../../../forms';
import { useListParams } from '../../../useListParams';
import { YuanInput } from '../../funds/fundsShared';
import { MemberSelect } from '../hardship/MemberSelect';
import { ClaimDrawer } from './ClaimDrawer';
import { ClaimStatusTag, fen, MUTUAL_AID_KEY } from './mutualAidShared';

/** 互助金申请: registered by the officer for an enrolled member, then approved or refused and paid out. */
export function ClaimsTab() {
  const list = useListParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const plans = useQuery({
    queryKey: [...MUTUAL_AID_KEY, 'plans'],
    queryFn: () => api.get<{ data: MutualAidPlanView[] }>('/care/mutual-aid/plans').then((r) => r.data),
  });
  const planOptions = (plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year}年${p.name}` }));
  const query = queryString({
    page: list.page,
    pageSize: list.pageSize,
    planId: list.params.planId,
    year: list.params.year,
    status: list.params.status,
  });
  const result = useQuery({
    queryKey: [...MUTUAL_AID_KEY, 'claims', query],
    queryFn: () => api.get<Paged<ClaimListItem>>(`/care/mutual-aid/claims${query}`),
  });
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <FilterBar list={list}>
          <YearFilter list={list} label="计划年度" width={170} />
          <SelectFilter list={list} name="planId" placeholder="保障计划" width={260} options={planOptions} />
          <SelectFilter
            list={list}
            name="status"
            placeholder="状态"
            width={120}
            options={Object.entries(CLAIM_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </FilterBar>
        {mayWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            登记申请
          </Button>
        )}
      </Flex>
      <PagedTable<ClaimListItem>
        list={list}
        result={{ data: result.data, isFetching: result.isFetching, error: result.error }}
        emptyText="暂无互助金申请"
        onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '职工',
            dataIndex: 'memberName',
            render: (v: string, c) => <a onClick={() => setOpen(c.id)}>{v}</a>,
          },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '计划', dataIndex: 'planName' },
          { title: '类别', dataIndex: 'kind', render: (k: ClaimKind) => CLAIM_KIND_LABELS[k] },
          { title: '发生日期', dataIndex: 'occurredOn' },
          { title: '申请金额（元）', dataIndex: 'claimedFen', render: (v: number) => yuan(v) },
          {
            title: '核准（元）',
            dataIndex: 'approvedFen',
            render: (v: number | null) => (v === null ? '—' : yuan(v)),
          },
          {
            title: '给付（元）',
            dataIndex: 'payoutFen',
            render: (v: number | null) => (v === null ? '—' : yuan(v)),
          },
          { title: '状态', dataIndex: 'status', render: (_, c) => <ClaimStatusTag status={c.status} /> },
        ]}
      />
      {open && <ClaimDrawer id={open} onClose={() => setOpen(null)} />}
      <FormDrawer
        title="登记互助金申请"
        open={creating}
        onClose={() => setCreating(false)}
        schema={claimCreateBody}
        initialValues={{
          occurredOn: dayjs().format('YYYY-MM-DD'),
          kind: 'hospitalisation',
          planId: list.params.planId,
        }}
        toBody={(v) => ({ ...v, claimedFen: fen(v.claimedFen), note: v.note || null })}
        onSubmit={async (body) => {
          const created = await api.post<{ data: { id: string } }>('/care/mutual-aid/claims', body);
          setCreating(false);
          message.success('申请已登记');
          await queryClient.invalidateQueries({ queryKey: MUTUAL_AID_KEY });
          setOpen(created.data.id);
        }}
      >
        <Form.Item name="planId" label="所属计划" required>
          <Select options={planOptions} />
        </Form.Item>
        <Form.Item name="memberId" label="职工（须已参保）" required>
          <MemberSelect />
        </Form.Item>
        <Form.Item name="kind" label="类别" required>
          <Select options={Object.entries(CLAIM_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label="发生日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="claimedFen" label="申请金额" required>
          <YuanInput />
        </Form.Item>
        <Form.Item name="note" label="情况说明">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </FormDrawer>
    </Flex>
  );
}
