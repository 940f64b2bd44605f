import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Progress, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import {
  ADJUSTMENT_STATUS_LABELS,
  type AdjustmentView,
  adjustmentCreateBody,
  budgetSetBody,
  type ExecutionRow,
} from '../../../common/schemas/funds';
import { useCan, useMe } from '../../access';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { CategoryPicker, FUNDS_KEY, money, toFen, YearSelect, YuanInput } from './fundsShared';

type Row = ExecutionRow & { children?: Row[] };

function tree(rows: ExecutionRow[]): Row[] {
  const byParent = new Map<string | null, Row[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), { ...r }]);
  const attach = (list: Row[]): Row[] =>
    list.map((r) => {
      const children = byParent.get(r.categoryId);
      return children ? { ...r, children: attach(children) } : r;
    });
  return attach(byParent.get(null) ?? []);
}

/** How much of the budget is spent (paid) and bound (committed). */
function ExecutionBar({ row }: { row: Row }) {
  if (row.budgetFen <= 0) return row.paidFen > 0 ? <Tag color="warning">无预算</Tag> : <span>—</span>;
  const paid = (row.paidFen / row.budgetFen) * 100;
  const bound = ((row.paidFen + row.committedFen) / row.budgetFen) * 100;
  return (
    <Progress
      percent={Math.min(100, Math.round(bound))}
      success={{ percent: Math.min(100, Math.round(paid)) }}
      status={bound > 100 ? 'exception' : 'normal'}
      size="small"
      format={() => `${Math.round(bound)}%`}
    />
  );
}

function ExecutionTab({ year }: { year: number }) {
  const canWrite = useCan('funds:write');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Row | null>(null);
  const { data, isLoading } = useQuery({
    queryKey: [...FUNDS_KEY, 'budget', year],
    queryFn: () => api.get<{ data: ExecutionRow[] }>(`/funds/budget?year=${year}`).then((r) => r.data),
  });
  return (
    <>
      {(['expense', 'income'] as const).map((kind) => (
        <Table<Row>
          // Re-mounted once loaded: antd expands all rows only on the first render with rows.
          key={`${kind}-${data ? 'loaded' : 'loading'}`}
          title={() => (kind === 'expense' ? '支出预算' : '收入预算')}
          rowKey="categoryId"
          size="small"
          loading={isLoading}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          dataSource={tree((data ?? []).filter((r) => r.kind === kind))}
          style={{ marginBottom: 24 }}
          columns={[
            { title: '科目', key: 'name', render: (_, r) => `${r.code} ${r.name}` },
            { title: '预算（元）', dataIndex: 'budgetFen', align: 'right', render: money },
            ...(kind === 'expense'
              ? [
                  {
                    title: '已批未付（元）',
                    dataIndex: 'committedFen',
                    align: 'right' as const,
                    render: money,
                  },
                ]
              : []),
            {
              title: kind === 'expense' ? '已支付（元）' : '已收入（元）',
              dataIndex: 'paidFen',
              align: 'right',
              render: money,
            },
            ...(kind === 'expense'
              ? [
                  { title: '剩余（元）', dataIndex: 'remainingFen', align: 'right' as const, render: money },
                  {
                    title: '执行',
                    key: 'bar',
                    width: 180,
                    render: (_: unknown, r: Row) => <ExecutionBar row={r} />,
                  },
                ]
              : []),
            ...(canWrite
              ? [
                  {
                    title: '操作',
                    key: 'op',
                    render: (_: unknown, r: Row) =>
                      r.leaf && (
                        <Button type="link" size="small" onClick={() => setEditing(r)}>
                          编制预算
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      ))}
      <FormModal
        title={`编制预算：${editing?.name ?? ''}（${year}年）`}
        open={!!editing}
        onClose={() => setEditing(null)}
        schema={budgetSetBody}
        initialValues={{ amount: editing ? editing.originalFen / 100 : undefined }}
        toBody={(v) => ({
          year,
          categoryId: editing?.categoryId,
          amountFen: toFen(v.amount),
          note: v.note || undefined,
        })}
        onSubmit={async (body) => {
          await api.put('/funds/budget', body);
          message.success('预算已保存');
          setEditing(null);
          queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
        }}
      >
        <Form.Item name="amount" label="年初预算" required>
          <YuanInput />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function AdjustmentsTab({ year }: { year: number }) {
  const me = useMe();
  const canWrite = useCan('funds:write');
  const isChair = me.roles.includes('chair');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { data, isLoading } = useQuery({
    queryKey: [...FUNDS_KEY, 'adjustments', year],
    queryFn: () =>
      api.get<{ data: AdjustmentView[] }>(`/funds/budget/adjustments?year=${year}`).then((r) => r.data),
  });
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      api.post(`/funds/budget/adjustments/${id}/decide`, { approve }),
    onSuccess: () => {
      message.success('已审批');
      queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Flex vertical gap={12}>
      {canWrite && (
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setOpen(true)}>
            申请调整预算
          </Button>
        </Flex>
      )}
      <Table<AdjustmentView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '科目', dataIndex: 'categoryName' },
          { title: '调整金额（元）', dataIndex: 'deltaFen', align: 'right', render: money },
          { title: '原因', dataIndex: 'reason' },
          { title: '申请人', dataIndex: 'requestedByName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: AdjustmentView['status']) => (
              <Tag color={s === 'approved' ? 'success' : s === 'refused' ? 'error' : 'processing'}>
                {ADJUSTMENT_STATUS_LABELS[s]}
              </Tag>
            ),
          },
          { title: '审批人', dataIndex: 'decidedByName' },
          ...(isChair
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r: AdjustmentView) =>
                    r.status === 'pending' && (
                      <Space>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => decide.mutate({ id: r.id, approve: true })}
                        >
                          批准
                        </Button>
                        <Button
                          size="small"
                          type="link"
                          danger
                          onClick={() => decide.mutate({ id: r.id, approve: false })}
                        >
                          不批准
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title={`申请调整预算（${year}年）`}
        open={open}
        onClose={() => setOpen(false)}
        schema={adjustmentCreateBody}
        toBody={(v) => ({ year, categoryId: v.categoryId, deltaFen: toFen(v.delta), reason: v.reason ?? '' })}
        onSubmit={async (body) => {
          await api.post('/funds/budget/adjustments', body);
          message.success('已提交，待主席审批');
          setOpen(false);
          queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
        }}
      >
        <Form.Item name="categoryId" label="科目" required>
          <CategoryPicker leafOnly />
        </Form.Item>
        <Form.Item name="delta" label="调整金额（增加为正，减少为负）" required>
          <YuanInput allowNegative />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" required>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

/** 预算管理: the year's budget tree with execution bars, and adjustments approved by the chair. */
export default function BudgetPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [tab, setTab] = useState('execution');
  return (
    <Card title="预算管理" extra={<YearSelect value={year} onChange={setYear} />}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'execution', label: '预算执行', children: <ExecutionTab year={year} /> },
          { key: 'adjustments', label: '预算调整', children: <AdjustmentsTab year={year} /> },
        ]}
      />
    </Card>
  );
}
