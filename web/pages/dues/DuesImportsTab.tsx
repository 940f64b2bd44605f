import { useQuery } from '@tanstack/react-query';
import { Flex, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DuesImportView, DuesPaymentView } from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';
import type { Paged } from '../../../common/schemas/shared';
import { api, queryString } from '../../api';
import { formatDateTime } from '../../format';
import { deductionColumns } from './deductionColumns';
import { DUES_KEY } from './duesFormat';

/** The imported months of a year; a month opens its deductions (salaries: funds roles only). */
export function DuesImportsTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [month, setMonth] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const imports = useQuery({
    queryKey: [...DUES_KEY, 'imports', year],
    queryFn: () => api.get<{ data: DuesImportView[] }>(`/dues/imports?year=${year}`).then((r) => r.data),
  });
  const payments = useQuery({
    queryKey: [...DUES_KEY, 'payments', month, page],
    enabled: !!month,
    queryFn: () =>
      api.get<Paged<DuesPaymentView>>(`/dues/payments${queryString({ month, page, pageSize: 50 })}`),
  });
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center">
        年度
        <InputNumber aria-label="年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
      </Flex>
      <Table<DuesImportView>
        rowKey="id"
        size="small"
        loading={imports.isLoading}
        dataSource={imports.data}
        pagination={false}
        onRow={(r) => ({
          onClick: () => {
            if (r.status !== 'committed') return;
            setMonth(r.month);
            setPage(1);
          },
        })}
        columns={[
          { title: '月份', dataIndex: 'month' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => (s === 'committed' ? <Tag color="green">有效</Tag> : <Tag>已替换</Tag>),
          },
          { title: '人数', dataIndex: 'rowCount', align: 'right' },
          { title: '会费合计（元）', dataIndex: 'totalFen', align: 'right', render: yuan },
          { title: '文件', dataIndex: 'fileName' },
          { title: '导入时间', dataIndex: 'committedAt', render: formatDateTime },
        ]}
      />
      {month && (
        <Table<DuesPaymentView>
          title={() => `${month} 代扣明细（点击上表月份切换）`}
          rowKey="id"
          size="small"
          loading={payments.isLoading}
          dataSource={payments.data?.data}
          pagination={{
            current: page,
            pageSize: 50,
            total: payments.data?.page.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={deductionColumns<DuesPaymentView>()}
        />
      )}
    </Flex>
  );
}
