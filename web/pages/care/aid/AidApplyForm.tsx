import { DatePicker, Form, Input, Select } from 'antd';
import { useCan } from '../../../access';
import { dateStringItem } from '../../../forms';
import { YuanInput } from '../../funds/fundsShared';
import { MemberSelect } from '../hardship/MemberSelect';
import { kindOptions } from './aidShared';

/**
 * The fields of an aid application. A member applying for themself sees only the kind, amount and
 * reason (kept short for a phone); a group leader or an officer also picks the member, and an officer
 * may date a paper application registered later.
 */
export function AidApplyFields({ forOthers }: { forOthers: boolean }) {
  const officer = useCan('care:write');
  return (
    <>
      {forOthers && (
        <Form.Item name="memberId" label="申请人（职工）" required>
          <MemberSelect />
        </Form.Item>
      )}
      <Form.Item name="kind" label="救助类型" required>
        <Select options={kindOptions} placeholder="请选择" />
      </Form.Item>
      <Form.Item name="amountAsked" label="申请金额" required>
        <YuanInput />
      </Form.Item>
      <Form.Item name="reason" label="申请理由" required extra="病情、家庭困难情况等，仅经办人员可见">
        <Input.TextArea rows={5} maxLength={2000} />
      </Form.Item>
      {officer && (
        <Form.Item name="appliedOn" label="申请日期（补录纸质申请时填写）" {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}

/** Form values → request body: yuan to fen; one's own member id when applying for oneself. */
export function toApplyBody(v: Record<string, unknown>, ownMemberId: string | null) {
  return {
    memberId: (v.memberId as string | undefined) ?? ownMemberId ?? undefined,
    kind: v.kind,
    amountAskedFen: typeof v.amountAsked === 'number' ? Math.round(v.amountAsked * 100) : undefined,
    reason: v.reason,
    appliedOn: v.appliedOn || undefined,
  };
}
