import { Tag } from 'antd';
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from '../../common/enums';

const COLORS: Record<MembershipStatus, string> = {
  nonMember: 'default',
  applied: 'processing',
  member: 'success',
  transferredOut: 'warning',
  left: 'error',
  retired: 'purple',
};

export function StatusTag({ status }: { status: MembershipStatus }) {
  return <Tag color={COLORS[status]}>{MEMBERSHIP_STATUS_LABELS[status] ?? status}</Tag>;
}
