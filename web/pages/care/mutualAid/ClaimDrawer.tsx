import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { yuan } from '../../../../common/schemas/funds';
import {
  CLAIM_KIND_LABELS,
  type ClaimView,
  claimApproveBody,
  claimPayBody,
  claimRefuseBody,
} from '../../../../common/schemas/mutualAid';
import { useCan } from '../../../access';
import { api } from '../../../api';
import { FileUploadButton } from '../../../components/FileUploadButton';
import { FormModal } from '../../../components/FormModal';
import { StoredFileLink } from '../../../components/StoredFileLink';
import { formatDateTime } from '../../../format';
import { dateStringItem } from '../../../forms';
import { YuanInput } from '../../funds/fundsShared';
import { ClaimStatusTag, fen, MUTUAL_AID_KEY } from './mutualAidShared';

/** One claim (each open is audited): its figures, documents, and the next step. */
export function ClaimDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mayWrite = useCan('care:write');
  const [dialog, setDialog] = useState<'approve' | 'refuse' | 'pay' | null>(null);
  const { data: c, error } = useQuery({
    queryKey: [...MUTUAL_AID_KEY, 'claim', id],
    queryFn: () => api.get<{ data: ClaimView }>(`/care/mutual-aid/claims/${id}`).then((r) => r.data),
    refetchOnWindowFocus: false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: MUTUAL_AID_KEY });
  const done = async (text: string) => {
    setDialog(null);
    message.success(text);
    await refresh();
  };
  const open = c && (c.status === 'submitted' || c.status === 'approved');
  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={
        c ? (
          <Flex gap={8}>
            互助金申请 · {c.memberName} <ClaimStatusTag status={c.status} />
          </Flex>
        ) : (
          '互助金申请'
        )
      }
      extra={
        c &&
        mayWrite && (
          <Flex gap={8}>
            {c.status === 'submitted' && (
              <>
                <Button type="primary" onClick={() => setDialog('approve')}>
                  核准
                </Button>
                <Button danger onClick={() => setDialog('refuse')}>
                  不予给付
                </Button>
              </>
            )}
            {c.status === 'approved' && (
              <Button type="primary" onClick={() => setDialog('pay')}>
                登记给付
              </Button>
            )}
          </Flex>
        )
      }
    >
      {error?.message}
      {c && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'plan', label: '保障计划', children: c.planName },
              { key: 'dept', label: '科室', children: c.departmentName },
              { key: 'kind', label: '类别', children: CLAIM_KIND_LABELS[c.kind] },
              { key: 'date', label: '发生日期', children: c.occurredOn },
              { key: 'claimed', label: '申请金额（元）', children: yuan(c.claimedFen) },
              ...(c.note ? [{ key: 'note', label: '情况说明', children: c.note }] : []),
              ...(c.approvedFen !== null
                ? [{ key: 'approved', label: '核准金额（元）', children: yuan(c.approvedFen) }]
                : []),
              ...(c.refuseReason ? [{ key: 'refuse', label: '不予给付理由', children: c.refuseReason }] : []),
              ...(c.decidedByName
                ? [
                    {
                      key: 'by',
                      label: '审核',
                      children: `${c.decidedByName} ${formatDateTime(c.decidedAt)}`,
                    },
                  ]
                : []),
              ...(c.payoutFen !== null
                ? [
                    {
                      key: 'paid',
                      label: '给付',
                      children: `${c.paidOn} ${yuan(c.payoutFen)}元 ${c.payoutRef ?? ''}（由承办机构直接给付职工）`,
                    },
                  ]
                : []),
              {
                key: 'created',
                label: '登记',
                children: `${c.createdByName ?? ''} ${formatDateTime(c.createdAt)}`,
              },
            ]}
          />
          <Flex vertical gap={4} style={{ marginTop: 16 }}>
            <Flex justify="space-between">
              <b>申请材料（PDF、JPG、PNG）</b>
              {mayWrite && open && (
                <FileUploadButton url={`/care/mutual-aid/claims/${c.id}/documents`} onUploaded={refresh}>
                  上传材料
                </FileUploadButton>
              )}
            </Flex>
            {c.documents.length === 0 && <span style={{ color: '#999' }}>暂无材料</span>}
            {c.documents.map((d) => (
              <StoredFileLink
                key={d.id}
                url={`/care/mutual-aid/claims/${c.id}/documents/${d.id}`}
                fileName={d.fileName}
              />
            ))}
          </Flex>
          <FormModal
            title="核准"
            open={dialog === 'approve'}
            onClose={() => setDialog(null)}
            schema={claimApproveBody}
            initialValues={{ approvedFen: c.claimedFen / 100 }}
            toBody={(v) => ({ approvedFen: fen(v.approvedFen), version: c.version })}
            submitText="核准"
            onSubmit={async (body) => {
              await api.post(`/care/mutual-aid/claims/${c.id}/approve`, body);
              await done('已核准');
            }}
          >
            <Form.Item name="approvedFen" label="核准金额" required>
              <YuanInput />
            </Form.Item>
          </FormModal>
          <FormModal
            title="不予给付"
            open={dialog === 'refuse'}
            onClose={() => setDialog(null)}
            schema={claimRefuseBody}
            toBody={(v) => ({ reason: v.reason ?? '', version: c.version })}
            submitText="确认"
            onSubmit={async (body) => {
              await api.post(`/care/mutual-aid/claims/${c.id}/refuse`, body);
              await done('已记录');
            }}
          >
            <Form.Item name="reason" label="理由" required>
              <Input.TextArea rows={2} maxLength={200} />
            </Form.Item>
          </FormModal>
          <FormModal
            title="登记给付"
            intro={<p>互助金由承办机构（上级工会或保险机构）直接给付职工，此处登记给付结果，不记工会账。</p>}
            open={dialog === 'pay'}
            onClose={() => setDialog(null)}
            schema={claimPayBody}
            initialValues={{ payoutFen: (c.approvedFen ?? 0) / 100, paidOn: dayjs().format('YYYY-MM-DD') }}
            toBody={(v) => ({
              payoutFen: fen(v.payoutFen),
              paidOn: v.paidOn,
              payoutRef: v.payoutRef || null,
              version: c.version,
            })}
            submitText="登记"
            onSubmit={async (body) => {
              await api.post(`/care/mutual-aid/claims/${c.id}/pay`, body);
              await done('给付已登记');
            }}
          >
            <Form.Item name="payoutFen" label="给付金额" required>
              <YuanInput />
            </Form.Item>
            <Form.Item name="paidOn" label="给付日期" required {...dateStringItem}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="payoutRef" label="给付凭证号">
              <Input maxLength={50} />
            </Form.Item>
          </FormModal>
        </>
      )}
    </Drawer>
  );
}
