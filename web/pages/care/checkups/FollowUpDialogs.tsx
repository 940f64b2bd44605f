import { Alert, App, Form, Input, Select, Switch } from 'antd';
import { AID_KIND_LABELS, AID_KINDS } from '../../../../common/schemas/care';
import {
  type CheckupParticipantView,
  checkupAidCaseBody,
  checkupFollowUpBody,
} from '../../../../common/schemas/checkup';
import { api } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { withoutEmpty } from '../../../forms';
import { labelOptions } from '../../../options';
import { toFen, YuanInput } from '../../funds/fundsShared';

interface DialogProps {
  programmeId: string;
  participant: CheckupParticipantView | null;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}

/** 需复查: a flag and a short note on what to do next. The system keeps no diagnosis. */
export function FollowUpDialog({ programmeId, participant: r, open, onClose, onDone }: DialogProps) {
  const { message } = App.useApp();
  return (
    <FormModal
      title={`复查标记：${r?.name ?? ''}`}
      open={open}
      onClose={onClose}
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="本系统不记录诊断结果和病情。只标记是否需要复查或关注，说明请写下一步安排（如“三个月内复查”），不要填写病名。"
        />
      }
      schema={checkupFollowUpBody}
      initialValues={{ followUp: true, note: r?.followUpNote ?? undefined }}
      toBody={(v) => {
        const body = withoutEmpty(v) as { followUp: boolean; note?: string };
        return body.followUp ? body : { followUp: false };
      }}
      onSubmit={async (body) => {
        await api.put(`/care/checkups/${programmeId}/participants/${r?.id}/follow-up`, body);
        message.success(body.followUp ? '已标记需复查' : '已取消复查标记');
        onClose();
        await onDone();
      }}
    >
      <Form.Item name="followUp" label="需复查 / 需关注" valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="note" label="说明（非诊断）">
        <Input maxLength={100} placeholder="如：建议三个月内复查" />
      </Form.Item>
    </FormModal>
  );
}

/** Opens an aid case for a flagged person; it then follows the aid workflow (review, approval, payment). */
export function AidCaseDialog({ programmeId, participant: r, open, onClose, onDone }: DialogProps) {
  const { message } = App.useApp();
  return (
    <FormModal
      title={`为 ${r?.name ?? ''} 发起救助申请`}
      open={open}
      onClose={onClose}
      schema={checkupAidCaseBody}
      initialValues={{ kind: 'illness' }}
      toBody={(v) => {
        const { amountAskedFen, ...rest } = withoutEmpty(v);
        return { ...rest, amountAskedFen: toFen(amountAskedFen) };
      }}
      onSubmit={async (body) => {
        await api.post(`/care/checkups/${programmeId}/participants/${r?.id}/aid-case`, body);
        message.success('已发起救助申请，请在“救助申请”中继续审核');
        onClose();
        await onDone();
      }}
    >
      <Form.Item name="kind" label="救助类型" required>
        <Select options={labelOptions(AID_KIND_LABELS, AID_KINDS)} />
      </Form.Item>
      <Form.Item name="amountAskedFen" label="申请金额（元）" required>
        <YuanInput />
      </Form.Item>
      <Form.Item name="reason" label="申请理由" required extra="加密保存，仅有关爱详情权限的人员可见">
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
