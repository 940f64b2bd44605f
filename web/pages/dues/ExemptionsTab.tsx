import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { type DuesExemptionView, duesExemptionCreateBody } from '../../../common/schemas/dues';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { DUES_KEY } from './duesFormat';

interface MemberOption {
  id: string;
  name: string;
  memberNo: string | null;
  departmentName: string;
}

/** Picks a member by name or card number through the funds lookup (the treasurer has no roster access). */
function MemberSearch(props: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: [...DUES_KEY, 'members', q],
    enabled: q.length > 0,
    queryFn: () =>
      api.get<{ data: MemberOption[] }>(`/dues/members?q=${encodeURIComponent(q)}`).then((r) => r.data),
  });
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={isFetching}
      placeholder="输入姓名或会员证号搜索"
      notFoundContent={q ? '无匹配会员' : '请输入姓名'}
      options={(data ?? []).map((m) => ({
        value: m.id,
        label: `${m.name}（${m.departmentName}${m.memberNo ? `，${m.memberNo}` : ''}）`,
      }))}
    />
  );
}

/** 免缴: per-member exemptions with reason and months; retirees are exempt by rule and need none. */
export function ExemptionsTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('funds:write');
  const [open, setOpen] = useState(false);
  const { data, isLoading } = useQuery({
    queryKey: [...DUES_KEY, 'exemptions'],
    queryFn: () => api.get<{ data: DuesExemptionView[] }>('/dues/exemptions').then((r) => r.data),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.del(`/dues/exemptions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DUES_KEY }),
    onError: (e) => message.error(e.message),
  });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <span>退休人员按规则免缴，无需登记；其他情况（如长期病休）在此登记免缴期间。</span>
        {canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            登记免缴
          </Button>
        )}
      </Flex>
      <Table<DuesExemptionView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'memberName' },
          { title: '会员证号', dataIndex: 'memberNo' },
          { title: '科室', dataIndex: 'departmentName' },
          { title: '原因', dataIndex: 'reason' },
          { title: '起始月份', dataIndex: 'fromMonth' },
          { title: '截止月份', dataIndex: 'toMonth', render: (v: string | null) => v ?? '长期' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'op',
                  render: (_: unknown, r: DuesExemptionView) => (
                    <Popconfirm title="撤销该免缴记录？" onConfirm={() => remove.mutate(r.id)}>
                      <Button type="link" danger size="small">
                        撤销
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        title="登记免缴"
        open={open}
        onClose={() => setOpen(false)}
        schema={duesExemptionCreateBody}
        toBody={(v) => ({ ...v, toMonth: v.toMonth || null, reason: v.reason ?? '' })}
        onSubmit={async (body) => {
          await api.post('/dues/exemptions', body);
          message.success('已登记');
          setOpen(false);
          queryClient.invalidateQueries({ queryKey: DUES_KEY });
        }}
      >
        <Form.Item name="memberId" label="会员" required>
          <MemberSearch />
        </Form.Item>
        <Form.Item name="reason" label="免缴原因" required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="fromMonth" label="起始月份" required>
          <Input placeholder="YYYY-MM" />
        </Form.Item>
        <Form.Item name="toMonth" label="截止月份（留空为长期）">
          <Input placeholder="YYYY-MM" />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
