import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../common/permissions.js';
import { EXPENSE_REQUEST_STATUSES, type ExpenseRequestStatus } from '../../../common/schemas/funds.js';
import { stepRefusal, stepsOf } from './expenseRequests.policy.js';
import {
  currentStep,
  nextState,
  REQUEST_ACTIONS,
  type RequestAction,
  stepsFor,
} from './expenseRequests.state.js';

const chain = ['officer', 'chair'] as const;

// The machine written out by hand for a two-step chain: state (status@step) → action → next state.
const EXPECTED: Record<string, Partial<Record<RequestAction, string>>> = {
  'draft@0': { submit: 'pending@0', withdraw: 'withdrawn@0' },
  'pending@0': { approve: 'pending@1', refuse: 'refused@0', withdraw: 'withdrawn@0' },
  'pending@1': { approve: 'approved@2', refuse: 'refused@1', withdraw: 'withdrawn@1' },
  'approved@2': { pay: 'paid@2' },
  'paid@2': {},
  'refused@0': {},
  'withdrawn@0': {},
};

describe('expense request state machine', () => {
  const cases = Object.keys(EXPECTED).flatMap((from) =>
    REQUEST_ACTIONS.map((action) => ({ from, action, to: EXPECTED[from][action] ?? null })),
  );
  it.each(cases)('$from --$action--> $to', ({ from, action, to }) => {
    const [status, step] = from.split('@');
    const next = nextState(
      { status: status as ExpenseRequestStatus, step: Number(step), steps: chain },
      action,
    );
    expect(next ? `${next.status}@${next.step}` : null).toBe(to);
  });

  it('covers every status', () => {
    const covered = new Set(Object.keys(EXPECTED).map((k) => k.split('@')[0]));
    expect([...covered].sort()).toEqual([...EXPENSE_REQUEST_STATUSES].sort());
  });

  it('a one-step chain is approved by the officer alone', () => {
    expect(nextState({ status: 'pending', step: 0, steps: ['officer'] }, 'approve')?.status).toBe('approved');
  });

  it('names the waiting step only while pending', () => {
    expect(currentStep({ status: 'pending', step: 1, steps: chain })).toBe('chair');
    expect(currentStep({ status: 'approved', step: 2, steps: chain })).toBeNull();
  });
});

describe('approval chain by amount (defaults 2,000元 / 20,000元)', () => {
  const limits = { officerLimitFen: 200_000, chairLimitFen: 2_000_000 };
  it.each([
    [1, ['officer']],
    [200_000, ['officer']],
    [200_001, ['officer', 'chair']],
    [2_000_000, ['officer', 'chair']],
    [2_000_001, ['officer', 'chair', 'committee']],
  ])('%i fen → %j', (amount, steps) => {
    expect(stepsFor(amount, limits)).toEqual(steps);
  });

  it('follows the org thresholds', () => {
    expect(stepsFor(50_000, { officerLimitFen: 10_000, chairLimitFen: 40_000 })).toEqual([
      'officer',
      'chair',
      'committee',
    ]);
  });
});

describe('who decides a step', () => {
  const actor = (roles: ('officer' | 'chair' | 'treasurer')[], userId = 'u1') => ({
    userId,
    roles,
    permissions: permissionsOf(roles),
  });
  it.each([
    [['officer'], 'officer', null],
    [['officer'], 'chair', '当前审批环节不由您办理'],
    [['chair'], 'chair', null],
    [['chair'], 'committee', null],
    [['chair'], 'officer', '当前审批环节不由您办理'],
    [['treasurer'], 'officer', '当前审批环节不由您办理'],
  ] as const)('%j on %s → %s', (roles, step, refusal) => {
    expect(stepRefusal(actor([...roles]), step, 'someone-else')).toBe(refusal);
  });
  it('nobody approves their own request', () => {
    expect(stepRefusal(actor(['chair'], 'me'), 'chair', 'me')).toBe('不能审批本人提交的经费申请');
  });
  it('a treasurer has no steps', () => {
    expect(stepsOf(actor(['treasurer']))).toEqual([]);
  });
});
