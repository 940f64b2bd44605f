import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SOURCE_MODULE_LABELS, yuan } from '../../../common/schemas/funds';
import type { MonthlyLedgerRow, MonthlyLedgerStatement } from '../../../common/schemas/statements';
import { api } from '../../api';
import { STATEMENTS_KEY } from '../dues/duesFormat';
import { ExportButton, MonthInput, NotesUnder, Toolbar, thisMonth, validMonth } from './statementParts';

const money = (v: number | null) => (v === null ? '' : yuan(v));

/** 明细账: one month's entries in order, with the opening balance and the running balance. */
export function MonthlyLedgerTab() {
  const [month, setMonth] = useState(thisMonth());
  const { data, isLoading } = useQuery({
    queryKey: [...STATEMENTS_KEY, 'ledger', month],
    enabled: validMonth(month),
    queryFn: () =>
      api
        .get<{ data: MonthlyLedgerStatement }>(`/statements/monthly-ledger?month=${month}`)
        .then((r) => r.data),
  });
  return (
    <>
      <Toolbar>
        <MonthInput label="月份" value={month} onChange={setMonth} />
        <ExportButton path="monthly-ledger" query={{ month }} />
        {data?.closed && <Tag color="blue">已结账</Tag>}
      </Toolbar>
      {data && (
        <Typography.Paragraph>
          {`期初余额 ${yuan(data.openingFen)} 元；本月收入 ${yuan(data.incomeFen)} 元，支出 ${yuan(data.expenseFen)} 元；期末余额 ${yuan(data.closingFen)} 元`}
        </Typography.Paragraph>
      )}
      <Table<MonthlyLedgerRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '日期', dataIndex: 'entryDate' },
          { title: '凭证号', dataIndex: 'voucherNo' },
          {
            title: '摘要',
            dataIndex: 'summary',
            render: (v: string, r) => (r.reversal ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
          { title: '科目', dataIndex: 'categoryName' },
          { title: '来源', dataIndex: 'sourceModule', render: (v: string) => SOURCE_MODULE_LABELS[v] ?? v },
          { title: '收入', dataIndex: 'incomeFen', align: 'right', render: money },
          { title: '支出', dataIndex: 'expenseFen', align: 'right', render: money },
          { title: '余额', dataIndex: 'balanceFen', align: 'right', render: money },
        ]}
      />
      <NotesUnder notes={data?.reviewNotes} />
    </>
  );
}
