import type { ElectionMethod, PollView } from '../../../common/schemas/poll.js';
import type { AuthContext } from '../../lib/context.js';
import type { CandidateRow, PollRow } from './polls.repository.js';
import { pollAcceptsCounts, pollActions, pollEditable } from './polls.state.js';

export function electionMethod(poll: PollRow, candidates: readonly CandidateRow[]): ElectionMethod | null {
  if (poll.subject !== 'election' || poll.seats === null) return null;
  return candidates.filter((c) => !c.writeIn).length > poll.seats ? 'competitive' : 'equal';
}

/** A poll as the API shows it: while open, only how many have voted, never how. */
export function presentPoll(
  poll: PollRow,
  candidates: readonly CandidateRow[],
  votedCount: number,
  auth: AuthContext,
  hasNextRound = false,
): PollView {
  const manage = auth.permissions.has('congress:manage');
  const closed = poll.status === 'closed';
  return {
    id: poll.id,
    meetingId: poll.meetingId,
    title: poll.title,
    subject: poll.subject,
    secret: poll.secret,
    mode: poll.mode,
    base: poll.base,
    threshold: poll.threshold,
    requiresCheckIn: poll.requiresCheckIn,
    seats: poll.seats,
    allowWriteIn: poll.allowWriteIn,
    electionMethod: electionMethod(poll, candidates),
    round: poll.round,
    previousPollId: poll.previousPollId,
    status: poll.status,
    // Paper write-ins are entered with the counts: they belong to the result, not to the ballot.
    candidates: candidates
      .filter((c) => closed || !c.writeIn)
      .map((c) => ({ id: c.id, name: c.name, memberId: c.memberId, writeIn: c.writeIn })),
    entitledCount: poll.entitledCount,
    votedCount,
    passed: closed ? poll.passed : null,
    openedAt: poll.openedAt?.toISOString() ?? null,
    closedAt: poll.closedAt?.toISOString() ?? null,
    version: poll.version,
    abilities: {
      edit: manage && pollEditable(poll.status),
      actions: manage ? pollActions(poll.status) : [],
      enterCounts: manage && poll.mode === 'paper' && pollAcceptsCounts(poll.status),
      nextRound: manage && closed && poll.subject === 'election' && poll.passed === false && !hasNextRound,
    },
  };
}
