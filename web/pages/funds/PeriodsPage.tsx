import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import type { PeriodView } from '../../../common/schemas/funds';
import { useCan } from '../../access';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { FUNDS_KEY, YearSelect } from './fundsShared';

/** 结账: months close in order and stay closed; corrections go into an open month. */
export default function PeriodsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('funds:write');
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, isLoading } = useQuery({
    queryKey: [...FUNDS_KEY, 'periods', year],
    queryFn: () => api.get<{ data: PeriodView[] }>(`/funds/periods?year=${year}`).then((r) => r.data),
  });
  const onDone = {
    onSuccess: () => {
      message.success('已结账');
      queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
    },
    onError: (e: Error) => message.error(e.message),
  };
  const close = useMutation({
    mutationFn: (period: string) => api.post('/funds/periods/close', { period }),
    ...onDone,
  });
  const closeYear = useMutation({
    mutationFn: () => api.post('/funds/periods/close-year', { year }),
    ...onDone,
  });
  const nextOpen = data?.find((p) => !p.closed)?.period;
  return (
    <Card
      title="期间结账"
      extra={
        <>
          <YearSelect value={year} onChange={setYear} />{' '}
          {canWrite && year < new Date().getFullYear() && nextOpen && (
            <Popconfirm
              title={`将${year}年未结账的月份全部结账，结账后不能再记账。确定？`}
              onConfirm={() => closeYear.mutate()}
            >
              <Button>年度结账</Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Table<PeriodView>
        rowKey="period"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '期间', dataIndex: 'period' },
          { title: '记账笔数', dataIndex: 'entryCount', align: 'right' },
          {
            title: '状态',
            dataIndex: 'closed',
            render: (closed: boolean) =>
              closed ? <Tag color="default">已结账</Tag> : <Tag color="processing">未结账</Tag>,
          },
          { title: '结账时间', dataIndex: 'closedAt', render: (v) => (v ? formatDateTime(v) : '') },
          { title: '结账人', dataIndex: 'closedByName' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r: PeriodView) =>
                    r.period === nextOpen && (
                      <Popconfirm
                        title={`${r.period} 结账后不能再记账，也不能反结账。确定？`}
                        onConfirm={() => close.mutate(r.period)}
                      >
                        <Button type="link" size="small">
                          结账
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
