import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { DEFAULT_DUES_RATE_BP, type DuesRateView, duesRateCreateBody } from '../../../common/schemas/dues';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { DUES_KEY, formatBp } from './duesFormat';

/** 会费比例 with the month each applies from; without any, the default 0.5 % applies. */
export function RatesTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('funds:write');
  const [open, setOpen] = useState(false);
  const key = [...DUES_KEY, 'rates'];
  const { data, isLoading } = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ data: DuesRateView[] }>('/dues/rates').then((r) => r.data),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del(`/dues/rates/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DUES_KEY }),
    onError: (e) => message.error(e.message),
  });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <span>{`未设置时按默认比例 ${formatBp(DEFAULT_DUES_RATE_BP)} 计算；某月适用生效月份不晚于该月的最新比例。`}</span>
        {canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            新增费率
          </Button>
        )}
      </Flex>
      <Table<DuesRateView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '生效月份', dataIndex: 'effectiveFrom' },
          { title: '会费比例', dataIndex: 'rateBp', render: formatBp },
          { title: '备注', dataIndex: 'note' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r: DuesRateView) => (
                    <Popconfirm title="删除该费率？" onConfirm={() => remove.mutate(r.id)}>
                      <Button type="link" danger size="small">
                        删除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title="新增费率"
        open={open}
        onClose={() => setOpen(false)}
        schema={duesRateCreateBody}
        toBody={(v) => ({
          effectiveFrom: v.effectiveFrom || undefined,
          rateBp: typeof v.percent === 'number' ? Math.round(v.percent * 100) : undefined,
          note: v.note || undefined,
        })}
        onSubmit={async (body) => {
          await api.post('/dues/rates', body);
          message.success('已保存');
          setOpen(false);
          queryClient.invalidateQueries({ queryKey: DUES_KEY });
        }}
      >
        <Form.Item name="effectiveFrom" label="生效月份" required>
          <Input placeholder="YYYY-MM，如 2025-01" />
        </Form.Item>
        <Form.Item name="percent" label="会费比例（%）" required>
          <InputNumber min={0.01} max={10} step={0.1} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
