import { FORUM_ISSUE_STATE_LABELS, type ForumIssueState } from '../../../common/schemas/forum.js';
import type { HandlingState } from '../../../common/schemas/handling.js';

// A problem raised at a forum: solved on the spot (当场解决), or handed to a department
// (限期解决 / 说明原因), after which the shared handling loop carries it. Assigning again while
// the loop is open is a reassignment, which the loop itself checks.

export type ForumIssueAction = 'resolveOnSpot' | 'assign';
export const FORUM_ISSUE_ACTION_LABELS: Record<ForumIssueAction, string> = {
  resolveOnSpot: '当场解决',
  assign: '交办',
};

export const FORUM_ISSUE_TRANSITIONS: Record<
  ForumIssueAction,
  { from: readonly ForumIssueState[]; to: ForumIssueState }
> = {
  resolveOnSpot: { from: ['open'], to: 'resolvedOnSpot' },
  assign: { from: ['open', 'handling'], to: 'handling' },
};

export function nextState(state: ForumIssueState, action: ForumIssueAction): ForumIssueState | null {
  const t = FORUM_ISSUE_TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

export function refusal(state: ForumIssueState, action: ForumIssueAction): string {
  return `当前状态为“${FORUM_ISSUE_STATE_LABELS[state]}”，不能执行“${FORUM_ISSUE_ACTION_LABELS[action]}”`;
}

/** Solved: on the spot, or the department has answered (and maybe been rated, or closed). */
export function isSolved(state: ForumIssueState, handlingState: HandlingState | null | undefined): boolean {
  if (state === 'resolvedOnSpot') return true;
  return state === 'handling' && !!handlingState && handlingState !== 'assigned';
}
