import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import {
  type ExpenseRequestView,
  expenseRequestBody,
  expenseRequestUpdateBody,
} from '../../../common/schemas/funds';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { CategoryPicker, FUNDS_KEY, toFen, YuanInput } from './fundsShared';

/**
 * 经费申请: raised as a draft; the detail page submits it into the approval chain.
 * Given `request` (a draft of one's own), the same form edits it, sending the version it was read at.
 */
export function RequestFormModal({
  open,
  onClose,
  request,
}: {
  open: boolean;
  onClose: () => void;
  request?: ExpenseRequestView;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <FormModal
      title={request ? `修改经费申请 ${request.no}` : '新建经费申请'}
      open={open}
      onClose={onClose}
      schema={request ? expenseRequestUpdateBody : expenseRequestBody}
      initialValues={
        request && {
          purpose: request.purpose,
          categoryId: request.categoryId,
          amount: request.amountFen / 100,
          payee: request.payee,
          note: request.note ?? undefined,
        }
      }
      toBody={(v) => ({
        purpose: v.purpose ?? '',
        categoryId: v.categoryId,
        amountFen: toFen(v.amount),
        payee: v.payee ?? '',
        note: v.note || undefined,
        ...(request && { version: request.version }),
      })}
      submitText={request ? '保存修改' : '保存草稿'}
      onSubmit={async (body) => {
        if (request) {
          await api.put(`/funds/requests/${request.id}`, body);
          message.success('已保存修改');
          onClose();
          await queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
          return;
        }
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
