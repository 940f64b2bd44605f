import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { APPROVAL_STEP_LABELS, type ExpenseRequestView } from '../../../common/schemas/funds';
import type { Paged } from '../../../common/schemas/shared';
import { can, useMe } from '../../access';
import { api, queryString } from '../../api';
import { useListParams } from '../../useListParams';
import { FUNDS_KEY, money, RequestStatusTag, useCategories } from './fundsShared';
import { RequestFormModal } from './RequestFormModal';

/** 经费申请: my approval inbox, my requests, and (for funds readers and approvers) all requests. */
export default function RequestsPage() {
  const me = useMe();
  const list = useListParams();
  const seesAll = can(me, 'funds:read') || can(me, 'funds:approve');
  const approves = can(me, 'funds:approve');
  const view = list.params.view ?? (approves ? 'inbox' : 'mine');
  const [open, setOpen] = useState(false);
  // Loaded with the page so the form's category tree is ready when the dialog opens.
  useCategories();
  const query = { view, q: list.params.q, page: list.page, pageSize: list.pageSize };
  const { data, isLoading } = useQuery({
    queryKey: [...FUNDS_KEY, 'requests', query],
    queryFn: () => api.get<Paged<ExpenseRequestView>>(`/funds/requests${queryString(query)}`),
  });
  const tabs = [
    ...(approves ? [{ key: 'inbox', label: '待我审批' }] : []),
    ...(can(me, 'funds:request') ? [{ key: 'mine', label: '我的申请' }] : []),
    ...(seesAll ? [{ key: 'all', label: '全部申请' }] : []),
  ];
  return (
    <Card
      title="经费申请"
      extra={
        can(me, 'funds:request') && (
          <Button type="primary" onClick={() => setOpen(true)}>
            新建申请
          </Button>
        )
      }
    >
      <Tabs activeKey={view} onChange={(k) => list.setFilters({ view: k })} items={tabs} />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder="编号、用途、收款方"
          allowClear
          defaultValue={list.params.q}
          onSearch={(q) => list.setFilters({ q })}
          style={{ width: 280 }}
        />
      </Flex>
      <Table<ExpenseRequestView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.data}
        pagination={list.pagination(data?.page.total)}
        columns={[
          {
            title: '编号',
            dataIndex: 'no',
            render: (no, r) => <Link to={`/funds/requests/${r.id}`}>{no}</Link>,
          },
          { title: '用途', dataIndex: 'purpose' },
          { title: '科目', dataIndex: 'categoryName' },
          { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: money },
          { title: '收款方', dataIndex: 'payee' },
          { title: '申请人', dataIndex: 'requestedByName' },
          {
            title: '状态',
            key: 'status',
            render: (_, r) => (
              <Flex gap={4}>
                <RequestStatusTag status={r.status} />
                {r.currentStep && <Tag>{APPROVAL_STEP_LABELS[r.currentStep]}</Tag>}
                {r.overBudget && <Tag color="warning">超预算</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      <RequestFormModal open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
