import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  APPROVAL_STEP_LABELS,
  type AttachmentView,
  approveBody,
  type ExpenseRequestEventView,
  type ExpenseRequestView,
  PAY_METHOD_LABELS,
  PAY_METHODS,
  payBody,
  refuseBody,
} from '../../../common/schemas/funds';
import { can, useMe } from '../../access';
import { api, uploadFile } from '../../api';
import { FormModal } from '../../components/FormModal';
import { formatDateTime } from '../../format';
import { dateStringItem } from '../../forms';
import { FUNDS_KEY, money, RequestStatusTag } from './fundsShared';
import { RequestFormModal } from './RequestFormModal';

type Detail = ExpenseRequestView & { events: ExpenseRequestEventView[]; attachments: AttachmentView[] };

const ACTION_LABELS: Record<string, string> = {
  create: '创建',
  submit: '提交审批',
  approve: '批准',
  refuse: '不批准',
  withdraw: '撤回',
  pay: '支付',
};

/** One expense request: its figures, its approval chain and timeline, and the step the user may take. */
export default function RequestDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'approve' | 'refuse' | 'pay' | null>(null);
  const { data: r, error } = useQuery({
    queryKey: [...FUNDS_KEY, 'request', id],
    queryFn: () => api.get<{ data: Detail }>(`/funds/requests/${id}`).then((x) => x.data),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
  const simple = useMutation({
    mutationFn: (action: 'submit' | 'withdraw') =>
      api.post(`/funds/requests/${id}/${action}`, { version: r?.version }),
    onSuccess: () => {
      message.success('操作成功');
      refresh();
    },
    onError: (e) => message.error(e.message),
  });
  if (error) return <Card>{error.message}</Card>;
  if (!r) return <Card loading />;
  const done = async () => {
    setDialog(null);
    message.success('操作成功');
    await refresh();
  };
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          经费申请 {r.no} <RequestStatusTag status={r.status} />
          {r.overBudget && <Tag color="warning">超预算</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {r.abilities.edit && <Button onClick={() => setDialog('edit')}>修改</Button>}
          {r.abilities.submit && (
            <Popconfirm
              title="提交后进入审批，不能再修改。确定提交？"
              onConfirm={() => simple.mutate('submit')}
            >
              <Button type="primary">提交审批</Button>
            </Popconfirm>
          )}
          {r.abilities.approve && (
            <Button type="primary" onClick={() => setDialog('approve')}>
              批准
            </Button>
          )}
          {r.abilities.refuse && (
            <Button danger onClick={() => setDialog('refuse')}>
              不批准
            </Button>
          )}
          {r.abilities.pay && (
            <Button type="primary" onClick={() => setDialog('pay')}>
              支付
            </Button>
          )}
          {r.abilities.withdraw && (
            <Popconfirm title="确定撤回该申请？" onConfirm={() => simple.mutate('withdraw')}>
              <Button>撤回</Button>
            </Popconfirm>
          )}
        </Flex>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'purpose', label: '用途', children: r.purpose },
          { key: 'category', label: '支出科目', children: r.categoryName },
          { key: 'amount', label: '申请金额（元）', children: money(r.amountFen) },
          { key: 'payee', label: '收款方', children: r.payee },
          { key: 'by', label: '申请人', children: r.requestedByName },
          {
            key: 'steps',
            label: '审批流程',
            children: r.steps.length
              ? r.steps.map((s, i) => (
                  <Tag
                    key={s}
                    color={
                      i < r.step
                        ? 'success'
                        : i === r.step && r.status === 'pending'
                          ? 'processing'
                          : 'default'
                    }
                  >
                    {APPROVAL_STEP_LABELS[s]}
                  </Tag>
                ))
              : '提交后按金额确定',
          },
          ...(r.committeeMinutesRef
            ? [
                {
                  key: 'committee',
                  label: '集体研究',
                  children: `${r.committeeMeetingDate} ${r.committeeMinutesRef}`,
                },
              ]
            : []),
          ...(r.refusalReason ? [{ key: 'refusal', label: '不批准理由', children: r.refusalReason }] : []),
          ...(r.paidDate
            ? [
                {
                  key: 'paid',
                  label: '支付',
                  children: (
                    <>
                      {r.paidDate} {r.payMethod ? PAY_METHOD_LABELS[r.payMethod] : ''} 凭证号 {r.voucherNo}{' '}
                      {r.ledgerEntryId && <Link to={`/funds/ledger?entry=${r.ledgerEntryId}`}>查看账目</Link>}
                    </>
                  ),
                },
              ]
            : []),
          ...(r.note ? [{ key: 'note', label: '说明', children: r.note, span: 2 }] : []),
        ]}
      />
      <Attachments request={r} onChange={refresh} />
      <Card type="inner" title="办理记录" style={{ marginTop: 16 }}>
        <Timeline
          items={r.events.map((e) => ({
            key: e.id,
            color: e.action === 'refuse' ? 'red' : e.action === 'pay' ? 'purple' : 'blue',
            content: (
              <>
                <div>
                  {formatDateTime(e.createdAt)} {e.actorName}{' '}
                  <b>
                    {e.step ? `${APPROVAL_STEP_LABELS[e.step as keyof typeof APPROVAL_STEP_LABELS]}：` : ''}
                    {ACTION_LABELS[e.action] ?? e.action}
                  </b>
                </div>
                {e.comment && <div style={{ color: '#666' }}>{e.comment}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {r.abilities.edit && (
        <RequestFormModal request={r} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      )}
      <FormModal
        title={`批准（${r.currentStep ? APPROVAL_STEP_LABELS[r.currentStep] : ''}）`}
        open={dialog === 'approve'}
        onClose={() => setDialog(null)}
        schema={approveBody}
        toBody={(v) => ({
          version: r.version,
          comment: v.comment || undefined,
          committeeMeetingDate: v.committeeMeetingDate || undefined,
          committeeMinutesRef: v.committeeMinutesRef || undefined,
        })}
        submitText="批准"
        onSubmit={async (body) => {
          await api.post(`/funds/requests/${id}/approve`, body);
          await done();
        }}
      >
        {r.currentStep === 'committee' && (
          <>
            <Form.Item name="committeeMeetingDate" label="集体研究会议日期" required {...dateStringItem}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="committeeMinutesRef" label="会议纪要编号" required>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item name="comment" label="审批意见">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="不批准"
        open={dialog === 'refuse'}
        onClose={() => setDialog(null)}
        schema={refuseBody}
        toBody={(v) => ({ version: r.version, reason: v.reason ?? '' })}
        submitText="不批准"
        onSubmit={async (body) => {
          await api.post(`/funds/requests/${id}/refuse`, body);
          await done();
        }}
      >
        <Form.Item name="reason" label="不批准理由" required>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </FormModal>
      <FormModal
        title={`支付 ${money(r.amountFen)} 元给 ${r.payee}`}
        open={dialog === 'pay'}
        onClose={() => setDialog(null)}
        schema={payBody}
        initialValues={{ paidDate: dayjs().format('YYYY-MM-DD'), payMethod: 'transfer' }}
        toBody={(v) => ({
          version: r.version,
          paidDate: v.paidDate,
          payMethod: v.payMethod,
          voucherNo: v.voucherNo ?? '',
        })}
        submitText="确认支付"
        onSubmit={async (body) => {
          await api.post(`/funds/requests/${id}/pay`, body);
          await done();
        }}
      >
        <Form.Item name="paidDate" label="支付日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="payMethod" label="支付方式" required>
          <Select options={PAY_METHODS.map((m) => ({ value: m, label: PAY_METHOD_LABELS[m] }))} />
        </Form.Item>
        <Form.Item name="voucherNo" label="凭证号" required>
          <Input maxLength={40} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** Supporting material (the requester, before approval) and the invoice (the treasurer, once approved). */
function Attachments({ request: r, onChange }: { request: Detail; onChange: () => void }) {
  const { message } = App.useApp();
  const me = useMe();
  const mayMaterial = r.requestedBy === me.id && (r.status === 'draft' || r.status === 'pending');
  const mayInvoice = can(me, 'funds:write') && (r.status === 'approved' || r.status === 'paid');
  const picker = (purpose: 'material' | 'invoice', label: string) => (
    <Upload
      accept=".pdf,.jpg,.jpeg,.png"
      showUploadList={false}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(`/funds/requests/${r.id}/attachments?purpose=${purpose}`, file as File, () => {})
          .then((res) => {
            onSuccess?.(res);
            message.success('已上传');
            onChange();
          })
          .catch((e: Error) => {
            onError?.(e);
            message.error(e.message);
          });
      }}
    >
      <Button size="small">{label}</Button>
    </Upload>
  );
  return (
    <Card
      type="inner"
      title="附件（PDF、JPG、PNG，每个不超过5MB）"
      style={{ marginTop: 16 }}
      extra={
        <Flex gap={8}>
          {mayMaterial && picker('material', '上传申请材料')}
          {mayInvoice && picker('invoice', '上传发票')}
        </Flex>
      }
    >
      {r.attachments.length === 0 ? (
        <span style={{ color: '#999' }}>暂无附件</span>
      ) : (
        <Flex vertical gap={4}>
          {r.attachments.map((a) => (
            <span key={a.id}>
              <Tag>{a.purpose === 'invoice' ? '发票' : '申请材料'}</Tag>
              <a href={`/api/funds/requests/${r.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
                {a.fileName}
              </a>{' '}
              <span style={{ color: '#999' }}>{Math.ceil(a.sizeBytes / 1024)} KB</span>
            </span>
          ))}
        </Flex>
      )}
    </Card>
  );
}
