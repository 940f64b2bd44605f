import { Tag } from 'antd';
import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../../../../common/schemas/mutualAid';

export const MUTUAL_AID_KEY = ['care', 'mutualAid'] as const;

const COLORS: Record<ClaimStatus, string> = {
  submitted: 'processing',
  approved: 'warning',
  refused: 'error',
  paid: 'success',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  return <Tag color={COLORS[status]}>{CLAIM_STATUS_LABELS[status]}</Tag>;
}

/** Money typed in 元, sent as integer 分. */
export const fen = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) : v);
