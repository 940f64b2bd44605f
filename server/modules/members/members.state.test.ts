import { describe, expect, it } from 'vitest';
import {
  MEMBERSHIP_ACTIONS,
  MEMBERSHIP_STATUSES,
  type MembershipAction,
  type MembershipStatus,
} from '../../../common/enums.js';
import { allowedActions, initialStatus, transitionFor, transitionRefusal } from './members.state.js';

// The expected machine, written out once more by hand: state → action → next state.
const EXPECTED: Record<MembershipStatus, Partial<Record<MembershipAction, MembershipStatus>>> = {
  nonMember: { apply: 'applied', transferIn: 'member' },
  applied: { approve: 'member', reject: 'nonMember' },
  member: { transferOut: 'transferredOut', leave: 'left', retire: 'retired' },
  transferredOut: { transferIn: 'member' },
  left: { apply: 'applied', transferIn: 'member' },
  retired: {},
};

describe('membership state machine', () => {
  const cases = MEMBERSHIP_STATUSES.flatMap((status) =>
    MEMBERSHIP_ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] ?? null })),
  );

  it.each(cases)('$status --$action--> $to', ({ status, action, to }) => {
    expect(transitionFor(status, action)?.to ?? null).toBe(to);
  });

  it.each(MEMBERSHIP_STATUSES)('lists the allowed actions of %s', (status) => {
    expect(allowedActions(status).sort()).toEqual(Object.keys(EXPECTED[status]).sort());
  });

  it('requires a reason to reject and to leave, and grants membership on approve and transfer in', () => {
    expect(transitionFor('applied', 'reject')?.reasonRequired).toBe(true);
    expect(transitionFor('member', 'leave')?.reasonRequired).toBe(true);
    expect(transitionFor('nonMember', 'apply')?.reasonRequired).toBeUndefined();
    expect(transitionFor('applied', 'approve')?.grantsMembership).toBe(true);
    expect(transitionFor('left', 'transferIn')?.grantsMembership).toBe(true);
    expect(transitionFor('member', 'retire')?.grantsMembership).toBeUndefined();
  });

  it('names the current state and the refused step in Chinese', () => {
    expect(transitionRefusal('left', 'transferOut')).toBe('当前状态为“已退会”，不能执行“转出”');
    expect(transitionRefusal('retired', 'apply')).toBe('当前状态为“退休会员”，不能执行“申请入会”');
  });

  it('starts a person as a member only with a join date', () => {
    expect(initialStatus('2020-01-01')).toBe('member');
    expect(initialStatus(null)).toBe('nonMember');
  });
});
