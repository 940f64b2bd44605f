import {
  AID_ACTION_LABELS,
  AID_STATE_LABELS,
  type AidAction,
  type AidState,
} from '../../../common/schemas/aid.js';

// The aid case machine: submitted → recommended → reviewed → approved → (noticed →) paid, or
// refused at any step before the payment. Who may take each step is in aid.policy.ts.

const NEXT: Record<AidState, Partial<Record<AidAction, AidState>>> = {
  submitted: { recommend: 'recommended', refuse: 'refused' },
  recommended: { review: 'reviewed', refuse: 'refused' },
  reviewed: { approve: 'approved', refuse: 'refused' },
  approved: { notice: 'noticed', pay: 'paid', refuse: 'refused' },
  noticed: { pay: 'paid', refuse: 'refused' },
  paid: {},
  refused: {},
};

/** Where an action leads from a state, or null when it is not allowed there. */
export function nextState(state: AidState, action: AidAction): AidState | null {
  return NEXT[state][action] ?? null;
}

/** States whose granted amount counts against the yearly cap (reviewed and after, not refused). */
export const COUNTED_STATES: readonly AidState[] = ['reviewed', 'approved', 'noticed', 'paid'];

/** 当前状态为“已发放”，不能执行“审核” */
export function transitionRefusal(state: AidState, action: AidAction): string {
  return `当前状态为“${AID_STATE_LABELS[state]}”，不能执行“${AID_ACTION_LABELS[action]}”`;
}
