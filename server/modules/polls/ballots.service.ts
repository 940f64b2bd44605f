import type { MyPollView, VoteBody } from '../../../common/schemas/poll.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, invalid } from '../../lib/errors.js';
import { delegateOfAccount } from '../congress/checkIn.service.js';
import { congressService, type OrgActor } from '../congress/congress.service.js';
import { presentPoll } from './polls.present.js';
import {
  type BallotValues,
  type CandidateRow,
  type PollRow,
  pollsRepository as repo,
} from './polls.repository.js';
import { pollsService } from './polls.service.js';
import { pollAcceptsVotes } from './polls.state.js';

// A delegate votes on a phone: only as the member linked to the account, only on the frozen voter
// list, only after signing in when the poll asks for it, and only once.

/** Why this delegate may not vote in the poll now (status, error) or null. */
async function refusal(
  exec: Executor,
  poll: PollRow,
  delegateId: string,
): Promise<{ status: 403 | 409; message: string } | null> {
  if (!pollAcceptsVotes(poll.status)) {
    return { status: 409, message: poll.status === 'draft' ? '表决尚未开始' : '表决已结束' };
  }
  if (poll.mode === 'paper') return { status: 409, message: '本项为纸质投票，请在会场填写选票' };
  const e = await repo.eligibility(exec, poll.orgId, poll, delegateId);
  if (!e.onList) return { status: 403, message: '您不在本次表决的投票人名单中' };
  if (poll.requiresCheckIn && !e.checkedIn) return { status: 409, message: '请先签到再投票' };
  if (e.voted) return { status: 409, message: '您已投过票' };
  return null;
}

/** The ballot a vote makes, checked against the poll: a choice on a motion, marks on an election. */
function ballotOf(poll: PollRow, candidates: readonly CandidateRow[], v: VoteBody): BallotValues {
  if (poll.subject !== 'election') {
    if (!v.choice) throw invalid([{ path: 'choice', message: '请选择赞成、反对或弃权' }]);
    if (v.candidateIds?.length || v.writeIns?.length) {
      throw invalid([{ path: 'candidateIds', message: '本项表决没有候选人' }]);
    }
    return { choice: v.choice, candidateIds: null, writeIns: null };
  }
  if (v.choice) throw invalid([{ path: 'choice', message: '选举请勾选候选人' }]);
  const ids = v.candidateIds ?? [];
  const writeIns = (v.writeIns ?? []).map((w) => w.trim());
  const known = new Map(candidates.filter((c) => !c.writeIn).map((c) => [c.id, c.name]));
  if (new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
    throw invalid([{ path: 'candidateIds', message: '所选候选人无效或重复' }]);
  }
  if (writeIns.length && !poll.allowWriteIn) {
    throw invalid([{ path: 'writeIns', message: '本次选举不允许另选他人' }]);
  }
  const names = new Set(known.values());
  if (new Set(writeIns).size !== writeIns.length || writeIns.some((w) => names.has(w))) {
    throw invalid([{ path: 'writeIns', message: '另选他人重复或与候选人重名，请直接勾选候选人' }]);
  }
  if (ids.length + writeIns.length > (poll.seats ?? 0)) {
    throw invalid([{ path: 'candidateIds', message: `最多选${poll.seats}人` }]);
  }
  return { choice: null, candidateIds: ids, writeIns };
}

export const ballotsService = {
  async vote(deps: Deps, auth: AuthContext, actor: OrgActor, pollId: string, body: VoteBody) {
    return deps.db.transaction(async (tx) => {
      // A shared lock: votes run side by side, a closing waits for them and later votes see it closed.
      await repo.lockForVote(tx, pollId);
      const poll = await pollsService.load(tx, auth.orgId, pollId);
      const meeting = await congressService.getMeeting(tx, auth.orgId, poll.meetingId);
      const delegate = await delegateOfAccount(tx, auth, meeting);
      const refused = await refusal(tx, poll, delegate.delegate.id);
      if (refused) {
        throw refused.status === 403
          ? forbidden('FORBIDDEN', refused.message)
          : conflict('INVALID_TRANSITION', refused.message);
      }
      const candidates = poll.subject === 'election' ? await repo.candidates(tx, auth.orgId, pollId) : [];
      const ballot = ballotOf(poll, candidates, body);
      const cast = await repo.castVote(tx, auth.orgId, pollId, delegate.delegate.id, poll.secret, ballot);
      if (!cast) throw new AppError(409, 'DUPLICATE', '您已投过票');
      // A secret vote is audited as a fact only: what was voted never leaves the ballot table.
      await writeAudit(tx, actor, {
        action: 'poll.vote',
        objectType: 'poll',
        objectId: pollId,
        detail: poll.secret ? {} : { ...ballot },
      });
      return { voted: true };
    });
  },

  /** The polls of a meeting as a delegate's phone shows them. */
  async mine(deps: Deps, auth: AuthContext, meetingId: string): Promise<MyPollView[]> {
    const meeting = await congressService.getMeeting(deps.db, auth.orgId, meetingId);
    const delegate = await delegateOfAccount(deps.db, auth, meeting);
    const rows = (await repo.listByMeeting(deps.db, auth.orgId, meetingId)).filter(
      (p) => p.status !== 'draft',
    );
    return Promise.all(
      rows.map(async (poll) => {
        const [candidates, voted, hasVoted, refused] = await Promise.all([
          repo.candidates(deps.db, auth.orgId, poll.id),
          repo.votedCount(deps.db, auth.orgId, poll.id),
          repo.hasVoted(deps.db, auth.orgId, poll.id, delegate.delegate.id),
          refusal(deps.db, poll, delegate.delegate.id),
        ]);
        return {
          poll: presentPoll(poll, candidates, voted, auth),
          hasVoted,
          refusal: refused?.message ?? null,
        };
      }),
    );
  },
};
