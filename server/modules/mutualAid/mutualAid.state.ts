import type { ClaimAction, ClaimStatus } from '../../../common/schemas/mutualAid.js';
import { conflict } from '../../lib/errors.js';

// A claim's steps: submitted → approved | refused; approved → paid. Refused and paid are final.

const STEPS: Record<ClaimAction, { from: ClaimStatus; to: ClaimStatus; label: string }> = {
  approve: { from: 'submitted', to: 'approved', label: '核准' },
  refuse: { from: 'submitted', to: 'refused', label: '不予给付' },
  pay: { from: 'approved', to: 'paid', label: '登记给付' },
};

/** The status after `action`; 409 INVALID_TRANSITION when the claim is not at the step it needs. */
export function claimTransition(status: ClaimStatus, action: ClaimAction): ClaimStatus {
  const step = STEPS[action];
  if (status !== step.from) {
    throw conflict('INVALID_TRANSITION', `当前状态下不能${step.label}`);
  }
  return step.to;
}
