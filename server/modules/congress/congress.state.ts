import {
  MEETING_ACTION_LABELS,
  MEETING_STATUS_LABELS,
  type MeetingAction,
  type MeetingStatus,
} from '../../../common/schemas/congress.js';

// A meeting is planned, then opened (开幕) and closed (闭幕). Sign-in runs from planning until the
// close; polls open only while the meeting is in progress.

export const MEETING_TRANSITIONS: readonly {
  action: MeetingAction;
  from: MeetingStatus;
  to: MeetingStatus;
}[] = [
  { action: 'start', from: 'planned', to: 'inProgress' },
  { action: 'close', from: 'inProgress', to: 'closed' },
];

export function meetingTransition(status: MeetingStatus, action: MeetingAction): MeetingStatus | null {
  return MEETING_TRANSITIONS.find((t) => t.action === action && t.from === status)?.to ?? null;
}

export function meetingActions(status: MeetingStatus): MeetingAction[] {
  return MEETING_TRANSITIONS.filter((t) => t.from === status).map((t) => t.action);
}

export function meetingRefusal(status: MeetingStatus, action: MeetingAction): string {
  return `会议${MEETING_STATUS_LABELS[status]}，不能${MEETING_ACTION_LABELS[action]}`;
}

/** Details and the quorum rule may change until the meeting opens. */
export const meetingEditable = (status: MeetingStatus) => status === 'planned';

/** Delegates sign in from planning until the close. */
export const meetingAcceptsCheckIn = (status: MeetingStatus) => status !== 'closed';

/** At least numerator/denominator of the full delegates: 2/3 of 100 → 67. */
export function quorumRequired(entitled: number, numerator: number, denominator: number): number {
  return Math.ceil((entitled * numerator) / denominator);
}
