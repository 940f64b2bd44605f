import { describe, expect, it } from 'vitest';
import { AID_ACTIONS, AID_STATES, type AidAction, type AidState } from '../../../common/schemas/aid.js';
import { nextState, transitionRefusal } from './aid.state.js';

// The machine written out by hand: state → action → next state; every other pair is refused.
const EXPECTED: Record<AidState, Partial<Record<AidAction, AidState>>> = {
  submitted: { recommend: 'recommended', refuse: 'refused' },
  recommended: { review: 'reviewed', refuse: 'refused' },
  reviewed: { approve: 'approved', refuse: 'refused' },
  approved: { notice: 'noticed', pay: 'paid', refuse: 'refused' },
  noticed: { pay: 'paid', refuse: 'refused' },
  paid: {},
  refused: {},
};

describe('aid case state machine', () => {
  const cases = AID_STATES.flatMap((from) =>
    AID_ACTIONS.map((action) => ({ from, action, to: EXPECTED[from][action] ?? null })),
  );
  it.each(cases)('$from --$action--> $to', ({ from, action, to }) => {
    expect(nextState(from, action)).toBe(to);
  });

  it('never refuses a paid case: the payment is in the ledger', () => {
    expect(nextState('paid', 'refuse')).toBeNull();
  });

  it('says in Chinese why a step is out of order', () => {
    expect(transitionRefusal('paid', 'review')).toBe('当前状态为“已发放”，不能执行“审核”');
  });
});
