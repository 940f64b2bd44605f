import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { type ExpenseRequestView, expenseRequestBody } from '../../../common/schemas/funds';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { CategoryPicker, FUNDS_KEY, toFen, YuanInput } from './fundsShared';

/** 经费申请: raised as a draft; the detail page submits it into the approval chain. */
export function RequestFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <FormModal
      title="新建经费申请"
      open={open}
      onClose={onClose}
      schema={expenseRequestBody}
      toBody={(v) => ({
        purpose: v.purpose ?? '',
        categoryId: v.categoryId,
        amountFen: toFen(v.amount),
        payee: v.payee ?? '',
        note: v.note || undefined,
      })}
      submitText="保存草稿"
      onSubmit={async (body) => {
        const r = await api.post<{ data: ExpenseRequestView }>('/funds/requests', body);
        message.success('已保存草稿，请核对后提交审批');
        onClose();
        queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
        navigate(`/funds/requests/${r.data.id}`);
      }}
    >
      <Form.Item name="purpose" label="用途" required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="categoryId" label="支出科目" required>
        <CategoryPicker kind="expense" leafOnly />
      </Form.Item>
      <Form.Item name="amount" label="申请金额" required>
        <YuanInput />
      </Form.Item>
      <Form.Item name="payee" label="收款方" required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
    </FormModal>
  );
}
