import {
  type ApprovalStep,
  EXPENSE_REQUEST_STATUS_LABELS,
  type ExpenseRequestStatus,
  type FundSettingsView,
} from '../../../common/schemas/funds.js';

// The expense request (经费申请) machine: draft → pending (step n of the chain) → approved → paid,
// or refused / withdrawn. The chain of steps is fixed at submission from the amount.

export const REQUEST_ACTIONS = ['submit', 'approve', 'refuse', 'withdraw', 'pay'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
export const REQUEST_ACTION_LABELS: Record<RequestAction, string> = {
  submit: '提交',
  approve: '批准',
  refuse: '不批准',
  withdraw: '撤回',
  pay: '支付',
};

export interface RequestState {
  status: ExpenseRequestStatus;
  step: number;
  steps: readonly ApprovalStep[];
}

/** The approval chain for an amount: ≤ officer limit: officer; ≤ chair limit: + chair; above: + 集体研究. */
export function stepsFor(
  amountFen: number,
  s: Pick<FundSettingsView, 'officerLimitFen' | 'chairLimitFen'>,
): ApprovalStep[] {
  if (amountFen <= s.officerLimitFen) return ['officer'];
  if (amountFen <= s.chairLimitFen) return ['officer', 'chair'];
  return ['officer', 'chair', 'committee'];
}

/** The step waiting for a decision, or null when the request is not pending. */
export function currentStep(r: RequestState): ApprovalStep | null {
  return r.status === 'pending' ? (r.steps[r.step] ?? null) : null;
}

/** Where an action leads from a state, or null when it is not allowed there. */
export function nextState(r: RequestState, action: RequestAction): RequestState | null {
  switch (action) {
    case 'submit':
      return r.status === 'draft' ? { ...r, status: 'pending', step: 0 } : null;
    case 'approve':
      if (r.status !== 'pending') return null;
      return r.step + 1 < r.steps.length
        ? { ...r, step: r.step + 1 }
        : { ...r, status: 'approved', step: r.steps.length };
    case 'refuse':
      return r.status === 'pending' ? { ...r, status: 'refused' } : null;
    case 'withdraw':
      return r.status === 'draft' || r.status === 'pending' ? { ...r, status: 'withdrawn' } : null;
    case 'pay':
      return r.status === 'approved' ? { ...r, status: 'paid' } : null;
  }
}

/** 当前状态为“已支付”，不能执行“撤回” */
export function transitionRefusal(status: ExpenseRequestStatus, action: RequestAction): string {
  return `当前状态为“${EXPENSE_REQUEST_STATUS_LABELS[status]}”，不能执行“${REQUEST_ACTION_LABELS[action]}”`;
}
