import { Tag } from 'antd';
import { SATISFACTION_LABELS, type Satisfaction } from '../../../common/schemas/handling';
import { PROPOSAL_STATE_LABELS, type ProposalState } from '../../../common/schemas/proposal';

const STATE_COLORS: Record<ProposalState, string> = {
  draft: 'default',
  awaitingCosigners: 'gold',
  submitted: 'blue',
  accepted: 'cyan',
  notAccepted: 'default',
  assigned: 'processing',
  answered: 'purple',
  rated: 'green',
  closed: 'success',
};

export function ProposalStateTag({ state, overdue }: { state: ProposalState; overdue?: boolean }) {
  return (
    <>
      <Tag color={STATE_COLORS[state]}>{PROPOSAL_STATE_LABELS[state]}</Tag>
      {overdue && <Tag color="error">逾期</Tag>}
    </>
  );
}

const SATISFACTION_COLORS: Record<Satisfaction, string> = {
  satisfied: 'success',
  basicallySatisfied: 'warning',
  dissatisfied: 'error',
};

export function SatisfactionTag({ value }: { value: Satisfaction | null }) {
  return value ? <Tag color={SATISFACTION_COLORS[value]}>{SATISFACTION_LABELS[value]}</Tag> : null;
}
