import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  FUND_KIND_LABELS,
  FUND_KINDS,
  type LedgerEntryView,
  ledgerCreateBody,
  reverseBody,
  SOURCE_MODULE_LABELS,
} from '../../../common/schemas/funds';
import type { Paged } from '../../../common/schemas/shared';
import { useCan } from '../../access';
import { api, queryString } from '../../api';
import { FormModal } from '../../components/FormModal';
import { dateStringItem } from '../../forms';
import { useListParams } from '../../useListParams';
import { CategoryPicker, FUNDS_KEY, money, toFen, YuanInput } from './fundsShared';

/** 收支明细账: every receipt and payment; a correction is a reversal (红字冲销), never an edit. */
export default function LedgerPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('funds:write');
  const list = useListParams();
  const [creating, setCreating] = useState(false);
  const [reversing, setReversing] = useState<LedgerEntryView | null>(null);
  const p = list.params;
  const query = {
    period: p.period,
    kind: p.kind,
    categoryId: p.categoryId,
    sourceModule: p.sourceModule,
    q: p.q,
    page: list.page,
    pageSize: list.pageSize,
  };
  const { data, isLoading, error } = useQuery({
    queryKey: [...FUNDS_KEY, 'ledger', query],
    queryFn: () => api.get<Paged<LedgerEntryView>>(`/funds/ledger${queryString(query)}`),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
  return (
    <Card
      title="收支明细账"
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            记账
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          placeholder="期间"
          value={p.period ? dayjs(`${p.period}-01`) : null}
          onChange={(d) => list.setFilters({ period: d ? d.format('YYYY-MM') : undefined })}
        />
        <Select
          allowClear
          placeholder="收支"
          style={{ width: 100 }}
          value={p.kind}
          onChange={(kind) => list.setFilters({ kind })}
          options={FUND_KINDS.map((k) => ({ value: k, label: FUND_KIND_LABELS[k] }))}
        />
        <CategoryPicker
          allowClear
          value={p.categoryId}
          onChange={(categoryId) => list.setFilters({ categoryId })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder="来源"
          style={{ width: 130 }}
          value={p.sourceModule}
          onChange={(sourceModule) => list.setFilters({ sourceModule })}
          options={Object.entries(SOURCE_MODULE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          allowClear
          placeholder="摘要、收付款方、凭证号"
          defaultValue={p.q}
          onSearch={(q) => list.setFilters({ q })}
          style={{ width: 240 }}
        />
        <Button onClick={list.clear}>重置</Button>
      </Flex>
      {error && <div style={{ color: 'red' }}>{error.message}</div>}
      <Table<LedgerEntryView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.data}
        pagination={list.pagination(data?.page.total)}
        rowClassName={(r) => (p.entry === r.id ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '日期', dataIndex: 'entryDate', width: 110 },
          { title: '凭证号', dataIndex: 'voucherNo', width: 100 },
          { title: '科目', key: 'category', render: (_, r) => `${r.categoryCode} ${r.categoryName}` },
          { title: '摘要', dataIndex: 'summary' },
          { title: '收付款方', dataIndex: 'counterparty' },
          {
            title: '收入（元）',
            key: 'in',
            align: 'right',
            render: (_, r) => (r.kind === 'income' ? <Amount fen={r.amountFen} /> : null),
          },
          {
            title: '支出（元）',
            key: 'out',
            align: 'right',
            render: (_, r) => (r.kind === 'expense' ? <Amount fen={r.amountFen} /> : null),
          },
          {
            title: '来源',
            key: 'source',
            render: (_, r) =>
              r.sourceModule === 'funds' && r.expenseRequestId ? (
                <Link to={`/funds/requests/${r.expenseRequestId}`}>经费申请</Link>
              ) : (
                (SOURCE_MODULE_LABELS[r.sourceModule] ?? r.sourceModule)
              ),
          },
          {
            title: '标记',
            key: 'flags',
            render: (_, r) => (
              <Flex gap={4}>
                {r.reversesEntryId && <Tag color="red">冲销</Tag>}
                {r.reversedByEntryId && <Tag>已冲销</Tag>}
                {r.overBudget && (
                  <Tooltip title="入账时已超出该科目剩余预算">
                    <Tag color="warning">超预算</Tag>
                  </Tooltip>
                )}
              </Flex>
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r: LedgerEntryView) =>
                    !r.reversesEntryId &&
                    !r.reversedByEntryId && (
                      <Button type="link" size="small" danger onClick={() => setReversing(r)}>
                        冲销
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title="记账"
        open={creating}
        onClose={() => setCreating(false)}
        schema={ledgerCreateBody}
        initialValues={{ entryDate: dayjs().format('YYYY-MM-DD'), kind: 'income' }}
        toBody={(v) => ({
          entryDate: v.entryDate,
          kind: v.kind,
          categoryId: v.categoryId,
          amountFen: toFen(v.amount),
          counterparty: v.counterparty ?? '',
          summary: v.summary ?? '',
          voucherNo: v.voucherNo || undefined,
        })}
        onSubmit={async (body) => {
          await api.post('/funds/ledger', body);
          message.success('已记账');
          setCreating(false);
          refresh();
        }}
      >
        <Form.Item name="entryDate" label="记账日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label="收支" required>
          <Select options={FUND_KINDS.map((k) => ({ value: k, label: FUND_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) => (
            <Form.Item name="categoryId" label="科目" required>
              <CategoryPicker kind={getFieldValue('kind')} leafOnly />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="amount" label="金额" required>
          <YuanInput />
        </Form.Item>
        <Form.Item name="counterparty" label="收付款方" required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label="摘要" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号">
          <Input maxLength={40} />
        </Form.Item>
      </FormModal>
      <FormModal
        title={reversing ? `冲销：${reversing.summary}（${money(reversing.amountFen)} 元）` : '冲销'}
        open={!!reversing}
        onClose={() => setReversing(null)}
        schema={reverseBody}
        intro={<p>冲销会新增一笔金额相反的红字记录，原记录保持不变。冲销日期须在未结账期间。</p>}
        initialValues={{ entryDate: dayjs().format('YYYY-MM-DD') }}
        toBody={(v) => ({
          entryDate: v.entryDate,
          reason: v.reason ?? '',
          voucherNo: v.voucherNo || undefined,
        })}
        submitText="冲销"
        onSubmit={async (body) => {
          await api.post(`/funds/ledger/${reversing?.id}/reverse`, body);
          message.success('已冲销');
          setReversing(null);
          refresh();
        }}
      >
        <Form.Item name="entryDate" label="冲销日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="冲销原因" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号">
          <Input maxLength={40} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Amount({ fen }: { fen: number }) {
  return <span style={fen < 0 ? { color: '#cf1322' } : undefined}>{money(fen)}</span>;
}
