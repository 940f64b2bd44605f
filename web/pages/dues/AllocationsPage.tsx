import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import {
  type AllocationView,
  allocationAmounts,
  allocationCreateBody,
  DEFAULT_ALLOCATION_RATE_BP,
  DEFAULT_RETAINED_BP,
} from '../../../common/schemas/dues';
import { yuan } from '../../../common/schemas/funds';
import { useCan } from '../../access';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { dateStringItem } from '../../forms';
import { DUES_KEY, fenOf, formatBp, STATEMENTS_KEY } from './duesFormat';

/** The computed amounts as the form is filled in, so the treasurer checks them against the bank slip. */
function Computed() {
  const form = Form.useFormInstance();
  const payroll = fenOf(Form.useWatch('payrollYuan', form));
  const rate = Form.useWatch('ratePercent', form);
  const retained = Form.useWatch('retainedPercent', form);
  if (!payroll || !rate || !retained) return null;
  const a = allocationAmounts(payroll, Math.round(rate * 100), Math.round(retained * 100));
  return (
    <Typography.Paragraph>
      {`拨缴经费 ${yuan(a.amountFen)} 元，工会留成 ${yuan(a.retainedFen)} 元（记入拨缴经费收入）`}
    </Typography.Paragraph>
  );
}

/** 拨缴经费: payroll × 2 %, of which the union's share is booked as income. */
export default function AllocationsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('funds:write');
  const [open, setOpen] = useState(false);
  const { data, isLoading } = useQuery({
    queryKey: [...DUES_KEY, 'allocations'],
    queryFn: () => api.get<{ data: AllocationView[] }>('/dues/allocations').then((r) => r.data),
  });
  return (
    <ListPage
      title="拨缴经费"
      actions={
        canWrite && (
          <Button type="primary" onClick={() => setOpen(true)}>
            登记拨缴经费
          </Button>
        )
      }
    >
      <Table<AllocationView>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '所属期间',
            key: 'period',
            render: (_, r) => (r.fromMonth === r.toMonth ? r.fromMonth : `${r.fromMonth} 至 ${r.toMonth}`),
          },
          { title: '到账日期', dataIndex: 'receivedOn' },
          { title: '工资总额（元）', dataIndex: 'payrollTotalFen', align: 'right', render: yuan },
          { title: '拨缴比例', dataIndex: 'rateBp', render: formatBp },
          { title: '拨缴经费（元）', dataIndex: 'amountFen', align: 'right', render: yuan },
          { title: '留成比例', dataIndex: 'retainedBp', render: formatBp },
          { title: '留成收入（元）', dataIndex: 'retainedFen', align: 'right', render: yuan },
          { title: '凭证号', dataIndex: 'voucherNo' },
          { title: '备注', dataIndex: 'note' },
        ]}
      />
      <FormModal
        title="登记拨缴经费"
        open={open}
        onClose={() => setOpen(false)}
        schema={allocationCreateBody}
        initialValues={{
          ratePercent: DEFAULT_ALLOCATION_RATE_BP / 100,
          retainedPercent: DEFAULT_RETAINED_BP / 100,
        }}
        toBody={(v) => ({
          fromMonth: v.fromMonth || undefined,
          toMonth: v.toMonth || undefined,
          receivedOn: v.receivedOn,
          payrollTotalFen: fenOf(v.payrollYuan as number | undefined),
          rateBp: typeof v.ratePercent === 'number' ? Math.round(v.ratePercent * 100) : undefined,
          retainedBp: typeof v.retainedPercent === 'number' ? Math.round(v.retainedPercent * 100) : undefined,
          voucherNo: v.voucherNo || undefined,
          note: v.note || undefined,
        })}
        onSubmit={async (body) => {
          await api.post('/dues/allocations', body);
          message.success('已登记并记账');
          setOpen(false);
          queryClient.invalidateQueries({ queryKey: DUES_KEY });
          queryClient.invalidateQueries({ queryKey: STATEMENTS_KEY });
        }}
      >
        <Form.Item name="fromMonth" label="起始月份" required>
          <Input placeholder="YYYY-MM" />
        </Form.Item>
        <Form.Item name="toMonth" label="截止月份" required>
          <Input placeholder="YYYY-MM" />
        </Form.Item>
        <Form.Item name="receivedOn" label="到账日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="payrollYuan" label="工资总额（元）" required>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ratePercent" label="拨缴比例（%）" required>
          <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="retainedPercent" label="工会留成比例（%）" required>
          <InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Computed />
        <Form.Item name="voucherNo" label="凭证号">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
