import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table } from 'antd';
import { useState } from 'react';
import { yuan } from '../../../common/schemas/funds';
import type { BudgetExecutionRow, BudgetExecutionStatement } from '../../../common/schemas/statements';
import { api, queryString } from '../../api';
import { STATEMENTS_KEY } from '../dues/duesFormat';
import { ExportButton, MonthInput, NotesUnder, Toolbar, validMonth, YearPicker } from './statementParts';

const money = (v: number) => yuan(v);

/** 收支预算执行情况表: the category tree with budget and actual for a year or a month range. */
export function BudgetExecutionTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [fromMonth, setFrom] = useState(`${year}-01`);
  const [toMonth, setTo] = useState(`${year}-12`);
  const query = { year, fromMonth, toMonth };
  const ok = validMonth(fromMonth) && validMonth(toMonth);
  const { data, error, isLoading } = useQuery({
    queryKey: [...STATEMENTS_KEY, 'budget', query],
    enabled: ok,
    queryFn: () =>
      api
        .get<{ data: BudgetExecutionStatement }>(`/statements/budget-execution${queryString(query)}`)
        .then((r) => r.data),
  });
  const changeYear = (y: number) => {
    setYear(y);
    setFrom(`${y}-01`);
    setTo(`${y}-12`);
  };
  return (
    <>
      <Toolbar>
        <YearPicker value={year} onChange={changeYear} />
        <MonthInput label="起始月份" value={fromMonth} onChange={setFrom} />
        <MonthInput label="截止月份" value={toMonth} onChange={setTo} />
        <ExportButton path="budget-execution" query={query} />
      </Toolbar>
      {error && <div style={{ color: 'red' }}>{error.message}</div>}
      {data && (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'i', label: '收入合计（元）', children: yuan(data.totals.incomeActualFen) },
            { key: 'e', label: '支出合计（元）', children: yuan(data.totals.expenseActualFen) },
            { key: 'b', label: '收支差额（元）', children: yuan(data.totals.balanceFen) },
          ]}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<BudgetExecutionRow>
        rowKey="categoryId"
        size="small"
        loading={isLoading}
        dataSource={data?.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '项目',
            dataIndex: 'name',
            render: (v: string, r) => (
              <span
                style={{ paddingLeft: r.depth * 20 }}
              >{`${r.kind === 'income' ? '收' : '支'} · ${v}`}</span>
            ),
          },
          { title: '编码', dataIndex: 'code' },
          { title: '年初预算', dataIndex: 'originalFen', align: 'right', render: money },
          { title: '预算调整', dataIndex: 'adjustmentFen', align: 'right', render: money },
          { title: '调整后预算', dataIndex: 'budgetFen', align: 'right', render: money },
          { title: '本期执行', dataIndex: 'actualFen', align: 'right', render: money },
          {
            title: '执行率',
            dataIndex: 'rate',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`),
          },
        ]}
      />
      <NotesUnder notes={data?.reviewNotes} />
    </>
  );
}
