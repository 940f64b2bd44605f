import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { ZodType } from 'zod';
import {
  AID_ACTION_LABELS,
  AID_APPROVAL_LEVEL_LABELS,
  AID_SOURCE_LABELS,
  AID_STATE_LABELS,
  type AidAction,
  type AidCaseView,
  type AidChecklistItemView,
  aidApproveBody,
  aidNoticeBody,
  aidPayBody,
  aidRecommendBody,
  aidRefuseBody,
  aidReviewBody,
} from '../../../../common/schemas/aid';
import { AID_KIND_LABELS } from '../../../../common/schemas/care';
import { yuan } from '../../../../common/schemas/funds';
import { api } from '../../../api';
import { FileUploadButton } from '../../../components/FileUploadButton';
import { FormModal } from '../../../components/FormModal';
import { StoredFileLink } from '../../../components/StoredFileLink';
import { formatDateTime } from '../../../format';
import { dateStringItem } from '../../../forms';
import { YuanInput } from '../../funds/fundsShared';
import { AID_KEY, AidStateTag, amountText } from './aidShared';

type Step = AidAction;
const STEP_ORDER: Step[] = ['recommend', 'review', 'approve', 'notice', 'pay', 'refuse'];
const SCHEMAS: Record<Step, ZodType> = {
  recommend: aidRecommendBody,
  review: aidReviewBody,
  approve: aidApproveBody,
  notice: aidNoticeBody,
  pay: aidPayBody,
  refuse: aidRefuseBody,
};

/** One aid case: what the viewer may see of it, its materials checklist, its timeline and the next step. */
export default function AidDetailPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Step | null>(null);
  const { data: c, error } = useQuery({
    queryKey: [...AID_KEY, 'case', id],
    queryFn: () => api.get<{ data: AidCaseView }>(`/care/aid/${id}`).then((r) => r.data),
    // Every fetch is an audited look at health and family details: no refetch on focus.
    refetchOnWindowFocus: false,
  });
  if (error) return <Card>{error.message}</Card>;
  if (!c) return <Card loading />;
  const refresh = () => queryClient.invalidateQueries({ queryKey: AID_KEY });
  const steps = STEP_ORDER.filter((s) => c.abilities[s]);
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          救助申请 · {c.memberName} <Tag>{AID_KIND_LABELS[c.kind]}</Tag> <AidStateTag state={c.state} />
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {steps.map((s) => (
            <Button
              key={s}
              type={s === 'refuse' ? 'default' : 'primary'}
              danger={s === 'refuse'}
              onClick={() => setDialog(s)}
            >
              {AID_ACTION_LABELS[s]}
            </Button>
          ))}
        </Flex>
      }
    >
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'member', label: '申请人', children: c.memberName },
          { key: 'dept', label: '科室', children: c.departmentName },
          { key: 'applied', label: '申请日期', children: c.appliedOn },
          { key: 'by', label: '经办', children: c.appliedByName ?? '—' },
          ...(c.source
            ? [
                {
                  key: 'source',
                  label: '来源',
                  children: AID_SOURCE_LABELS[c.source.module] ?? c.source.module,
                },
              ]
            : []),
          { key: 'asked', label: '申请金额', children: amountText(c.amountAskedFen) },
          {
            key: 'granted',
            label: '核定金额',
            children:
              c.amountAskedFen === null
                ? '***'
                : c.amountGrantedFen === null
                  ? '—'
                  : amountText(c.amountGrantedFen),
          },
          ...(c.rule
            ? [
                {
                  key: 'rule',
                  label: '适用标准',
                  span: 2,
                  children: `${c.rule.effectiveFrom}起：标准${yuan(c.rule.standardFen)}元${
                    c.rule.yearlyCapFen === null ? '' : `，每人年度上限${yuan(c.rule.yearlyCapFen)}元`
                  }${c.rule.committeeAboveFen === null ? '' : `，超过${yuan(c.rule.committeeAboveFen)}元提交工会委员会研究`}`,
                },
              ]
            : []),
          ...(c.approvalLevel
            ? [{ key: 'level', label: '审批', children: AID_APPROVAL_LEVEL_LABELS[c.approvalLevel] }]
            : []),
          ...(c.committeeMeetingOn
            ? [
                {
                  key: 'meeting',
                  label: '委员会会议',
                  children: `${c.committeeMeetingOn} ${c.committeeResolution ?? ''}`,
                },
              ]
            : []),
          ...(c.noticeFrom
            ? [{ key: 'notice', label: '公示期', children: `${c.noticeFrom} 至 ${c.noticeUntil}` }]
            : []),
          ...(c.paidOn ? [{ key: 'paid', label: '发放日期', children: c.paidOn }] : []),
          ...(c.refusedReason
            ? [{ key: 'refused', label: '不予救助理由', span: 2, children: c.refusedReason }]
            : []),
          ...(c.reason !== null ? [{ key: 'reason', label: '申请理由', span: 2, children: c.reason }] : []),
        ]}
      />
      {c.checklist && <Materials c={c} onChange={refresh} />}
      <Card type="inner" title="办理过程" style={{ marginTop: 16 }}>
        <Timeline
          items={c.events.map((e, i) => ({
            key: i,
            color: e.toState === 'refused' ? 'red' : e.toState === 'paid' ? 'green' : 'blue',
            content: (
              <>
                <div>
                  <b>{e.action === 'apply' ? '提交申请' : AID_ACTION_LABELS[e.action as AidAction]}</b>
                  {' → '}
                  {AID_STATE_LABELS[e.toState]}
                  <span style={{ color: '#999' }}>
                    {' '}
                    {e.actorName} {formatDateTime(e.createdAt)}
                  </span>
                </div>
                {e.note && <div style={{ color: '#666' }}>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {dialog && (
        <FormModal
          title={AID_ACTION_LABELS[dialog]}
          open
          onClose={() => setDialog(null)}
          schema={SCHEMAS[dialog]}
          initialValues={
            dialog === 'notice'
              ? { days: 5 }
              : dialog === 'review'
                ? { amountGranted: (c.amountAskedFen ?? 0) / 100 }
                : {}
          }
          toBody={(v) => {
            const { amountGranted, ...rest } = v;
            const body: Record<string, unknown> = { ...rest, version: c.version };
            if (typeof amountGranted === 'number') body.amountGrantedFen = Math.round(amountGranted * 100);
            for (const k of Object.keys(body)) if (body[k] === '' || body[k] === undefined) delete body[k];
            return body;
          }}
          submitText={AID_ACTION_LABELS[dialog]}
          onSubmit={async (body) => {
            await api.post(`/care/aid/${c.id}/${dialog}`, body);
            message.success(`已${AID_ACTION_LABELS[dialog]}`);
            setDialog(null);
            await refresh();
          }}
        >
          <StepFields step={dialog} c={c} />
        </FormModal>
      )}
    </Card>
  );
}

function StepFields({ step, c }: { step: Step; c: AidCaseView }) {
  switch (step) {
    case 'recommend':
      return (
        <Form.Item name="note" label="推荐意见">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      );
    case 'review':
      return (
        <>
          <Form.Item
            name="amountGranted"
            label="核定金额"
            required
            extra={`申请金额${amountText(c.amountAskedFen)}；不超过年度上限`}
          >
            <YuanInput />
          </Form.Item>
          <Form.Item name="note" label="审核意见">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'approve':
      return (
        <>
          {c.approvalLevel === 'committee' && (
            <>
              <Form.Item name="committeeMeetingOn" label="工会委员会会议日期" required {...dateStringItem}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="committeeResolution" label="会议决议" required>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
          <Form.Item name="note" label="审批意见">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      );
    case 'notice':
      return (
        <Form.Item
          name="days"
          label="公示天数"
          required
          extra="公示内容仅含姓氏、科室、救助类型和金额；公示期满后发放"
        >
          <InputNumber min={1} max={30} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'pay':
      return (
        <>
          <Form.Item name="paidOn" label="发放日期（默认今天）" {...dateStringItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="payMethod" label="发放方式">
            <Radio.Group
              options={[
                { value: 'transfer', label: '转账' },
                { value: 'cash', label: '现金' },
              ]}
            />
          </Form.Item>
          <Form.Item name="voucherNo" label="凭证号">
            <Input maxLength={50} />
          </Form.Item>
        </>
      );
    case 'refuse':
      return (
        <Form.Item name="reason" label="不予救助的理由" required>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      );
  }
}

/** The kind's checklist: each item with its files and, before the review, an upload button. */
function Materials({ c, onChange }: { c: AidCaseView; onChange: () => void }) {
  const row = (item: AidChecklistItemView) => (
    <Flex
      key={item.key}
      gap={8}
      align="center"
      wrap
      style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
    >
      <span style={{ minWidth: 150 }}>
        {item.label}
        {item.required && <span style={{ color: '#cf1322' }}> *</span>}
      </span>
      {item.files.length === 0 ? (
        <Tag color={item.required ? 'warning' : 'default'}>{item.required ? '未上传' : '可选'}</Tag>
      ) : (
        item.files.map((f) => (
          <StoredFileLink
            key={f.id}
            url={`/care/aid/${c.id}/files/${f.id}`}
            fileName={f.fileName}
            deleteTitle="确定删除该材料？"
            onDeleted={c.abilities.upload ? onChange : undefined}
          />
        ))
      )}
      {c.abilities.upload && (
        <FileUploadButton
          url={`/care/aid/${c.id}/files?item=${item.key}`}
          successText={`${item.label}已上传`}
          ariaLabel={`上传${item.label}`}
          onUploaded={onChange}
        >
          上传
        </FileUploadButton>
      )}
    </Flex>
  );
  return (
    <Card type="inner" title="申请材料（PDF、JPG、PNG，每个不超过5MB；* 为必备）" style={{ marginTop: 16 }}>
      {(c.checklist ?? []).map(row)}
    </Card>
  );
}
