import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useState } from 'react';
import { yuan } from '../../../common/schemas/funds';
import type { BySourceRow, BySourceStatement } from '../../../common/schemas/statements';
import { api, queryString } from '../../api';
import { STATEMENTS_KEY } from '../dues/duesFormat';
import { ExportButton, MonthInput, NotesUnder, Toolbar, validMonth } from './statementParts';

/** Receipts and payments by the module they came from (visits, aid, activities, dues, manual…). */
export function BySourceTab() {
  const year = new Date().getFullYear();
  const [fromMonth, setFrom] = useState(`${year}-01`);
  const [toMonth, setTo] = useState(`${year}-12`);
  const query = { fromMonth, toMonth };
  const { data, isLoading } = useQuery({
    queryKey: [...STATEMENTS_KEY, 'source', query],
    enabled: validMonth(fromMonth) && validMonth(toMonth),
    queryFn: () =>
      api.get<{ data: BySourceStatement }>(`/statements/by-source${queryString(query)}`).then((r) => r.data),
  });
  return (
    <>
      <Toolbar>
        <MonthInput label="起始月份" value={fromMonth} onChange={setFrom} />
        <MonthInput label="截止月份" value={toMonth} onChange={setTo} />
        <ExportButton path="by-source" query={query} />
      </Toolbar>
      <Table<BySourceRow>
        rowKey="sourceModule"
        size="small"
        loading={isLoading}
        dataSource={data?.rows}
        pagination={false}
        columns={[
          { title: '来源', dataIndex: 'label' },
          { title: '收入笔数', dataIndex: 'incomeCount', align: 'right' },
          { title: '收入金额（元）', dataIndex: 'incomeFen', align: 'right', render: yuan },
          { title: '支出笔数', dataIndex: 'expenseCount', align: 'right' },
          { title: '支出金额（元）', dataIndex: 'expenseFen', align: 'right', render: yuan },
        ]}
        summary={() =>
          data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} />
              <Table.Summary.Cell index={2} align="right">
                {yuan(data.incomeFen)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} />
              <Table.Summary.Cell index={4} align="right">
                {yuan(data.expenseFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <NotesUnder notes={data?.reviewNotes} />
    </>
  );
}
