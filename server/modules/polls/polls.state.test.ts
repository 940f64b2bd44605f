import { describe, expect, it } from 'vitest';
import {
  POLL_ACTIONS,
  POLL_STATUSES,
  type PollAction,
  type PollStatus,
} from '../../../common/schemas/poll.js';
import {
  pollAcceptsCounts,
  pollAcceptsVotes,
  pollActions,
  pollEditable,
  pollRefusal,
  pollTransition,
} from './polls.state.js';
import { baseCount, electedIds, requiredVotes } from './polls.tally.js';

const EXPECTED: Record<PollStatus, Partial<Record<PollAction, PollStatus>>> = {
  draft: { open: 'open' },
  open: { close: 'closed' },
  closed: {},
};

describe('poll state machine', () => {
  const cases = POLL_STATUSES.flatMap((status) =>
    POLL_ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] ?? null })),
  );
  it.each(cases)('$status --$action--> $to', ({ status, action, to }) => {
    expect(pollTransition(status, action)).toBe(to);
  });
  it.each(POLL_STATUSES)('lists the actions of %s', (status) => {
    expect(pollActions(status)).toEqual(Object.keys(EXPECTED[status]));
  });
  it.each([
    ['draft', true, false, false],
    ['open', false, true, true],
    ['closed', false, false, false],
  ] as const)('%s: edit %s, votes %s, counts %s', (status, edit, votes, counts) => {
    expect(pollEditable(status)).toBe(edit);
    expect(pollAcceptsVotes(status)).toBe(votes);
    expect(pollAcceptsCounts(status)).toBe(counts);
  });
  it('names the refused step', () => {
    expect(pollRefusal('closed', 'open')).toBe('表决已结束，不能开始投票');
  });
});

describe('required majority', () => {
  it.each([
    [100, 'moreThanHalf', 51],
    [101, 'moreThanHalf', 51],
    [3, 'moreThanHalf', 2],
    [2, 'moreThanHalf', 2],
    [100, 'twoThirds', 67],
    [99, 'twoThirds', 66],
    [3, 'twoThirds', 2],
    [0, 'moreThanHalf', 1],
  ] as const)('%i at %s needs %i', (base, threshold, need) => {
    expect(requiredVotes(base, threshold)).toBe(need);
  });

  it.each([
    ['fullDelegates', 100],
    ['present', 80],
    ['votesCast', 75],
  ] as const)('base %s', (base, n) => {
    expect(baseCount(base, { entitled: 100, present: 80, cast: 75 })).toBe(n);
  });
});

describe('elected', () => {
  const c = (id: string, votes: number) => ({ id, votes });
  it.each([
    {
      name: 'top N above the line',
      cands: [c('a', 9), c('b', 8), c('c', 7)],
      seats: 2,
      req: 6,
      want: ['a', 'b'],
    },
    { name: 'below the line is not elected', cands: [c('a', 9), c('b', 5)], seats: 2, req: 6, want: ['a'] },
    {
      name: 'tie across the last seat elects neither',
      cands: [c('a', 9), c('b', 7), c('c', 7)],
      seats: 2,
      req: 6,
      want: ['a'],
    },
    {
      name: 'tie within the seats elects both',
      cands: [c('a', 7), c('b', 7), c('c', 2)],
      seats: 2,
      req: 6,
      want: ['a', 'b'],
    },
    { name: 'nobody reaches the line', cands: [c('a', 3)], seats: 1, req: 6, want: [] },
  ])('$name', ({ cands, seats, req, want }) => {
    expect([...electedIds(cands, seats, req)].sort()).toEqual(want);
  });
});
