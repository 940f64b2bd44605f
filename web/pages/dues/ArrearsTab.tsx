import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { type DuesArrearsRow, FOLLOW_UP_ARREARS_MONTHS } from '../../../common/schemas/dues';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';
import { DUES_KEY } from './duesFormat';

/** 欠缴名单: members with unpaid imported months (default: 6 or more, for follow-up), exportable. */
export function ArrearsTab() {
  const [minMonths, setMinMonths] = useState(FOLLOW_UP_ARREARS_MONTHS);
  const [year, setYear] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const filter = { minMonths, year };
  const { data, isLoading } = useQuery({
    queryKey: [...DUES_KEY, 'arrears', minMonths, year, page],
    queryFn: () =>
      api.get<Paged<DuesArrearsRow>>(`/dues/arrears${queryString({ ...filter, page, pageSize: 50 })}`),
  });
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        欠缴月数不少于
        <InputNumber
          aria-label="欠缴月数"
          min={1}
          max={600}
          value={minMonths}
          onChange={(v) => v && setMinMonths(v)}
        />
        仅统计年度
        <InputNumber
          aria-label="统计年度"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(v ?? null)}
        />
        <Button icon={<DownloadOutlined />} href={`/api/dues/arrears/export${queryString(filter)}`} download>
          导出欠缴名单
        </Button>
      </Flex>
      <Table<DuesArrearsRow>
        rowKey="memberId"
        size="small"
        loading={isLoading}
        dataSource={data?.data}
        pagination={{
          current: page,
          pageSize: 50,
          total: data?.page.total,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '会员证号', dataIndex: 'memberNo' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '入会日期', dataIndex: 'joinedAt' },
          { title: '应缴月数', dataIndex: 'dueMonths', align: 'right' },
          { title: '欠缴月数', dataIndex: 'arrearsMonths', align: 'right' },
          { title: '欠缴月份', dataIndex: 'missingMonths', render: (m: string[]) => m.join('、') },
          { title: '最近缴费', dataIndex: 'lastPaidMonth' },
        ]}
      />
    </Flex>
  );
}
