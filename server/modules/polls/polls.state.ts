import {
  POLL_ACTION_LABELS,
  POLL_STATUS_LABELS,
  type PollAction,
  type PollStatus,
} from '../../../common/schemas/poll.js';

// A poll is prepared (draft), opened for voting, and closed; only a closed poll shows its tally.

export const POLL_TRANSITIONS: readonly { action: PollAction; from: PollStatus; to: PollStatus }[] = [
  { action: 'open', from: 'draft', to: 'open' },
  { action: 'close', from: 'open', to: 'closed' },
];

export function pollTransition(status: PollStatus, action: PollAction): PollStatus | null {
  return POLL_TRANSITIONS.find((t) => t.action === action && t.from === status)?.to ?? null;
}

export function pollActions(status: PollStatus): PollAction[] {
  return POLL_TRANSITIONS.filter((t) => t.from === status).map((t) => t.action);
}

export function pollRefusal(status: PollStatus, action: PollAction): string {
  return `表决${POLL_STATUS_LABELS[status]}，不能${POLL_ACTION_LABELS[action]}`;
}

/** Title, rule and candidates change only before voting starts. */
export const pollEditable = (status: PollStatus) => status === 'draft';
/** Ballots are taken while open. */
export const pollAcceptsVotes = (status: PollStatus) => status === 'open';
/** The tellers enter paper counts while the poll is open, before closing it. */
export const pollAcceptsCounts = (status: PollStatus) => status === 'open';
