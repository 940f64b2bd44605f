import {
  MEMBERSHIP_ACTION_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipAction,
  type MembershipStatus,
} from '../../../common/enums.js';

// Membership is a state of each person on the roster. This table is the whole machine:
// which change may be made from which state, where it leads, and what it needs.

export interface Transition {
  action: MembershipAction;
  from: readonly MembershipStatus[];
  to: MembershipStatus;
  /** The step must say why (a rejection, a resignation). */
  reasonRequired?: true;
  /** The step makes the person a member: sets the join date and the card number when missing. */
  grantsMembership?: true;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'apply', from: ['nonMember', 'left'], to: 'applied' },
  { action: 'approve', from: ['applied'], to: 'member', grantsMembership: true },
  { action: 'reject', from: ['applied'], to: 'nonMember', reasonRequired: true },
  { action: 'transferOut', from: ['member'], to: 'transferredOut' },
  {
    action: 'transferIn',
    from: ['transferredOut', 'nonMember', 'left'],
    to: 'member',
    grantsMembership: true,
  },
  { action: 'leave', from: ['member'], to: 'left', reasonRequired: true },
  { action: 'retire', from: ['member'], to: 'retired' },
];

/** The transition for this action from this state, or null when the step is not allowed. */
export function transitionFor(status: MembershipStatus, action: MembershipAction): Transition | null {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** Every action allowed from a state, in the table's order. */
export function allowedActions(status: MembershipStatus): MembershipAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.action);
}

/** 当前状态为“已退会”，不能执行“转出” */
export function transitionRefusal(status: MembershipStatus, action: MembershipAction): string {
  return `当前状态为“${MEMBERSHIP_STATUS_LABELS[status]}”，不能执行“${MEMBERSHIP_ACTION_LABELS[action]}”`;
}

/** The status a newly registered person starts in. */
export function initialStatus(joinedAt: string | null): MembershipStatus {
  return joinedAt ? 'member' : 'nonMember';
}
