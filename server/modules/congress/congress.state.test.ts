import { describe, expect, it } from 'vitest';
import { chineseNumber, defaultMeetingTitle } from '../../../common/chineseNumber.js';
import {
  MEETING_ACTIONS,
  MEETING_STATUSES,
  type MeetingAction,
  type MeetingStatus,
} from '../../../common/schemas/congress.js';
import {
  meetingAcceptsCheckIn,
  meetingActions,
  meetingEditable,
  meetingRefusal,
  meetingTransition,
  quorumRequired,
} from './congress.state.js';

const EXPECTED: Record<MeetingStatus, Partial<Record<MeetingAction, MeetingStatus>>> = {
  planned: { start: 'inProgress' },
  inProgress: { close: 'closed' },
  closed: {},
};

describe('meeting state machine', () => {
  const cases = MEETING_STATUSES.flatMap((status) =>
    MEETING_ACTIONS.map((action) => ({ status, action, to: EXPECTED[status][action] ?? null })),
  );
  it.each(cases)('$status --$action--> $to', ({ status, action, to }) => {
    expect(meetingTransition(status, action)).toBe(to);
  });
  it.each(MEETING_STATUSES)('lists the actions of %s', (status) => {
    expect(meetingActions(status)).toEqual(Object.keys(EXPECTED[status]));
  });
  it.each([
    ['planned', true, true],
    ['inProgress', false, true],
    ['closed', false, false],
  ] as const)('%s: editable %s, sign-in %s', (status, editable, checkIn) => {
    expect(meetingEditable(status)).toBe(editable);
    expect(meetingAcceptsCheckIn(status)).toBe(checkIn);
  });
  it('names the refused step', () => {
    expect(meetingRefusal('planned', 'close')).toBe('会议筹备中，不能闭幕');
  });
});

describe('quorum', () => {
  it.each([
    [100, 2, 3, 67],
    [99, 2, 3, 66],
    [3, 2, 3, 2],
    [10, 1, 2, 5],
    [0, 2, 3, 0],
    [1, 2, 3, 1],
  ])('%i full delegates at %i/%i need %i', (entitled, n, d, required) => {
    expect(quorumRequired(entitled, n, d)).toBe(required);
  });
});

describe('Chinese ordinals', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [99, '九十九'],
  ])('%i → %s', (n, s) => {
    expect(chineseNumber(n)).toBe(s);
  });
  it('titles a meeting', () => {
    expect(defaultMeetingTitle(3, 2)).toBe('第三届第二次职工代表大会');
  });
});
