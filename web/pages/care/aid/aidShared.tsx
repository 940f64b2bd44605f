import { Tag } from 'antd';
import { AID_STATE_LABELS, type AidState } from '../../../../common/schemas/aid';
import { AID_KIND_LABELS } from '../../../../common/schemas/care';
import { yuan } from '../../../../common/schemas/funds';

export const AID_KEY = ['care', 'aid'] as const;

const STATE_COLORS: Record<AidState, string> = {
  submitted: 'default',
  recommended: 'processing',
  reviewed: 'warning',
  approved: 'cyan',
  noticed: 'purple',
  paid: 'success',
  refused: 'error',
};

export function AidStateTag({ state }: { state: AidState }) {
  return <Tag color={STATE_COLORS[state]}>{AID_STATE_LABELS[state]}</Tag>;
}

/** An amount, or *** where the viewer may not see the case's money. */
export const amountText = (fen: number | null) => (fen === null ? '***' : `${yuan(fen)}元`);

export const kindOptions = Object.entries(AID_KIND_LABELS).map(([value, label]) => ({ value, label }));
export const stateOptions = Object.entries(AID_STATE_LABELS).map(([value, label]) => ({ value, label }));
