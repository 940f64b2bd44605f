import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { VisitReason, WelfareRuleView } from '../../../../common/schemas/care';
import { yuan } from '../../../../common/schemas/funds';
import { type VisitView, visitCreateBody } from '../../../../common/schemas/visit';
import { api, queryString } from '../../../api';
import { FormDrawer } from '../../../components/FormDrawer';
import { dateStringItem, withoutEmpty } from '../../../forms';
import { toFen, YuanInput } from '../../funds/fundsShared';
import { MemberSelect } from '../hardship/MemberSelect';
import { reasonOptions } from './visitsShared';

export interface VisitSubject {
  memberId?: string;
  memberName?: string;
  reason?: VisitReason;
  eventId?: string;
}

/** The 福利标准 in force for the chosen occasion and date: what the visit pays by default. */
function RuleHint() {
  const form = Form.useFormInstance();
  const reason = Form.useWatch('reason', form);
  const date = Form.useWatch('visitDate', form);
  const rules = useQuery({
    queryKey: ['care', 'rules', 'visit', date],
    queryFn: () =>
      api
        .get<{ data: WelfareRuleView[] }>(`/care/rules${queryString({ subject: 'visit', on: date })}`)
        .then((r) => r.data),
    enabled: !!date,
  });
  const rule = rules.data?.find((r) => r.code === reason);
  if (!reason || !rule) return null;
  const limits = [
    rule.yearlyCapFen !== null ? `每人每年不超过${yuan(rule.yearlyCapFen)}元` : '',
    rule.yearlyTimes !== null ? `每人每年${rule.yearlyTimes}次` : '',
  ].filter(Boolean);
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title={`福利标准：慰问金${yuan(rule.standardFen)}元${rule.giftNote ? `，慰问品“${rule.giftNote}”` : ''}${limits.length ? `；${limits.join('，')}` : ''}`}
      description="慰问金和慰问品不填时按标准；慰问金可低于标准，不能高于标准。"
    />
  );
}

/** 登记慰问: one visit, optionally answering a reported event (the member and occasion come from it). */
export function VisitFormDrawer(props: { open: boolean; onClose: () => void; subject: VisitSubject }) {
  const { subject } = props;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <FormDrawer
      title={subject.memberName ? `登记慰问：${subject.memberName}` : '登记慰问'}
      open={props.open}
      onClose={props.onClose}
      schema={visitCreateBody}
      initialValues={{
        memberId: subject.memberId,
        reason: subject.reason,
        eventId: subject.eventId,
        visitDate: dayjs().format('YYYY-MM-DD'),
      }}
      toBody={(v) => {
        // Typed in 元 under the body's own name, so a refusal lands on the field.
        const { cashFen: cash, ...rest } = withoutEmpty(v);
        return { ...rest, cashFen: cash === null || cash === undefined ? undefined : toFen(cash) };
      }}
      onSubmit={async (body) => {
        const res = await api.post<{ data: VisitView }>('/care/visits', body);
        message.success(res.data.ledgerEntryId ? '慰问已登记，慰问金已入账' : '慰问已登记');
        props.onClose();
        await queryClient.invalidateQueries({ queryKey: ['care'] });
      }}
    >
      <Form.Item name="eventId" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="memberId" label="慰问对象" required hidden={!!subject.memberId}>
        <MemberSelect />
      </Form.Item>
      <Form.Item name="reason" label="慰问事由" required>
        <Select options={reasonOptions} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="visitDate" label="慰问日期" required {...dateStringItem}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <RuleHint />
      <Form.Item name="visitors" label="慰问人" required>
        <Input maxLength={200} placeholder="如：王主席、赵干事" />
      </Form.Item>
      <Form.Item name="gift" label="慰问品">
        <Input maxLength={100} placeholder="不填按福利标准" />
      </Form.Item>
      <Form.Item name="cashFen" label="慰问金" extra="不填按福利标准">
        <YuanInput />
      </Form.Item>
      <Form.Item name="notes" label="备注">
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}
