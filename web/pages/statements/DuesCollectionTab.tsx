import { useQuery } from '@tanstack/react-query';
import { Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { yuan } from '../../../common/schemas/funds';
import type {
  DuesCollectionDepartment,
  DuesCollectionMonth,
  DuesCollectionStatement,
} from '../../../common/schemas/statements';
import { api } from '../../api';
import { STATEMENTS_KEY } from '../dues/duesFormat';
import { ExportButton, NotesUnder, Toolbar, YearPicker } from './statementParts';

/** 会费收缴: expected against collected, per month and per department. */
export function DuesCollectionTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, isLoading } = useQuery({
    queryKey: [...STATEMENTS_KEY, 'dues', year],
    queryFn: () =>
      api
        .get<{ data: DuesCollectionStatement }>(`/statements/dues-collection?year=${year}`)
        .then((r) => r.data),
  });
  return (
    <>
      <Toolbar>
        <YearPicker value={year} onChange={setYear} />
        <ExportButton path="dues-collection" query={{ year }} />
      </Toolbar>
      {data && (
        <Typography.Paragraph>{`全年应缴 ${yuan(data.expectedFen)} 元，实缴 ${yuan(data.collectedFen)} 元`}</Typography.Paragraph>
      )}
      <Flex vertical gap={16}>
        <Table<DuesCollectionMonth>
          title={() => '按月'}
          rowKey="month"
          size="small"
          loading={isLoading}
          dataSource={data?.months}
          pagination={false}
          columns={[
            { title: '月份', dataIndex: 'month' },
            { title: '应缴人数', dataIndex: 'dueMembers', align: 'right' },
            { title: '实缴人数', dataIndex: 'payers', align: 'right' },
            { title: '应缴金额（元）', dataIndex: 'expectedFen', align: 'right', render: yuan },
            { title: '实缴金额（元）', dataIndex: 'collectedFen', align: 'right', render: yuan },
          ]}
        />
        <Table<DuesCollectionDepartment>
          title={() => '按科室'}
          rowKey="departmentId"
          size="small"
          loading={isLoading}
          dataSource={data?.departments}
          pagination={false}
          columns={[
            { title: '科室', dataIndex: 'departmentName' },
            { title: '缴费人次', dataIndex: 'payments', align: 'right' },
            { title: '应缴金额（元）', dataIndex: 'expectedFen', align: 'right', render: yuan },
            { title: '实缴金额（元）', dataIndex: 'collectedFen', align: 'right', render: yuan },
          ]}
        />
      </Flex>
      <NotesUnder notes={data?.reviewNotes} />
    </>
  );
}
