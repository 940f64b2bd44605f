import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { MEMBERSHIP_ACTION_LABELS, type MembershipAction } from '../../../common/enums';
import { type MemberView, membershipChangeBody } from '../../../common/schemas/member';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { dateStringItem, withoutEmpty } from '../../forms';
import { MEMBERS_KEY } from './memberQueries';

interface Props {
  open: boolean;
  member: MemberView;
  action: MembershipAction;
  onClose: () => void;
}

/** Asks for the date and reason of a membership change (and the card number when approving). */
export function MembershipActionModal({ open, member, action, onClose }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const label = MEMBERSHIP_ACTION_LABELS[action];

  async function submit(body: unknown) {
    await api.post<{ data: MemberView }>(`/members/${member.id}/membership`, body);
    await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
    message.success(`已${label}`);
    onClose();
  }

  return (
    <FormModal
      title={`${label}：${member.name}`}
      open={open}
      onClose={onClose}
      schema={membershipChangeBody}
      initialValues={{ date: dayjs().format('YYYY-MM-DD'), memberNo: member.memberNo ?? undefined }}
      toBody={(v) => ({ ...withoutEmpty(v), action, version: member.version })}
      onSubmit={submit}
      submitText="确定"
    >
      <Form.Item name="date" label="日期" required {...dateStringItem}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {action === 'approve' && (
        <Form.Item name="memberNo" label="会员证号">
          <Input />
        </Form.Item>
      )}
      <Form.Item name="reason" label="原因">
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
