import type { CandidateResult, PollResult } from '../../../common/schemas/poll.js';
import type { Executor } from '../../db/client.js';
import { type CandidateRow, type PollRow, pollsRepository as repo } from './polls.repository.js';
import { baseCount, electedIds, requiredVotes } from './polls.tally.js';

// Counting a poll: from the ballots of an electronic poll, from the tellers' counts of a paper one.

async function motionCounts(exec: Executor, poll: PollRow) {
  if (poll.mode === 'paper') {
    return {
      for: poll.paperFor ?? 0,
      against: poll.paperAgainst ?? 0,
      abstain: poll.paperAbstain ?? 0,
      invalid: poll.paperInvalid ?? 0,
    };
  }
  const rows = await repo.choiceCounts(exec, poll.orgId, poll.id);
  const of = (c: string) => rows.find((r) => r.choice === c)?.n ?? 0;
  return { for: of('for'), against: of('against'), abstain: of('abstain'), invalid: 0 };
}

async function electionVotes(exec: Executor, poll: PollRow, candidates: readonly CandidateRow[]) {
  if (poll.mode === 'paper') {
    return {
      cast: poll.paperBallots ?? 0,
      invalid: poll.paperInvalid ?? 0,
      entries: candidates.map((c) => ({
        id: c.id,
        name: c.name,
        writeIn: c.writeIn,
        votes: c.paperVotes ?? 0,
      })),
    };
  }
  const counts = await repo.electionCounts(exec, poll.orgId, poll.id);
  const byId = new Map(counts.perCandidate.map((r) => [r.id, Number(r.n)]));
  return {
    cast: counts.ballots,
    invalid: 0,
    entries: [
      ...candidates.map((c) => ({ id: c.id, name: c.name, writeIn: false, votes: byId.get(c.id) ?? 0 })),
      ...counts.perWriteIn.map((w) => ({
        id: `writeIn:${w.name}`,
        name: w.name,
        writeIn: true,
        votes: Number(w.n),
      })),
    ],
  };
}

/** The result of a poll from what is stored; the caller decides whether it may be shown. */
export async function computeResult(
  exec: Executor,
  poll: PollRow,
  candidates: readonly CandidateRow[],
  present: number,
): Promise<PollResult> {
  const entitled = poll.entitledCount ?? 0;
  if (poll.subject !== 'election') {
    const c = await motionCounts(exec, poll);
    const cast = c.for + c.against + c.abstain;
    const b = baseCount(poll.base, { entitled, present, cast });
    const required = requiredVotes(b, poll.threshold);
    return {
      pollId: poll.id,
      entitled,
      present,
      cast,
      invalid: c.invalid,
      baseCount: b,
      required,
      for: c.for,
      against: c.against,
      abstain: c.abstain,
      passed: b > 0 && c.for >= required,
      candidates: [],
      remainingSeats: 0,
    };
  }
  const e = await electionVotes(exec, poll, candidates);
  const b = baseCount(poll.base, { entitled, present, cast: e.cast });
  const required = requiredVotes(b, poll.threshold);
  const seats = poll.seats ?? 0;
  const elected = b > 0 ? electedIds(e.entries, seats, required) : new Set<string>();
  const results: CandidateResult[] = e.entries
    .map((x) => ({ ...x, elected: elected.has(x.id) }))
    .sort((a, b2) => b2.votes - a.votes || Number(a.writeIn) - Number(b2.writeIn));
  return {
    pollId: poll.id,
    entitled,
    present,
    cast: e.cast,
    invalid: e.invalid,
    baseCount: b,
    required,
    for: 0,
    against: 0,
    abstain: 0,
    passed: elected.size === seats,
    candidates: results,
    remainingSeats: seats - elected.size,
  };
}
