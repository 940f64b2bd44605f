import type {
  PaperCounts,
  PollAction,
  PollCreate,
  PollResult,
  PollUpdate,
  PollView,
} from '../../../common/schemas/poll.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { congressService, type OrgActor } from '../congress/congress.service.js';
import { presentPoll } from './polls.present.js';
import { type PollRow, pollsRepository as repo } from './polls.repository.js';
import { computeResult } from './polls.result.js';
import { pollAcceptsCounts, pollEditable, pollRefusal, pollTransition } from './polls.state.js';

// Polls: prepared by an officer, opened (the voter list freezes), closed (the tally is taken).

async function load(exec: Executor, orgId: string, id: string, lock?: 'update') {
  const poll = await repo.find(exec, orgId, id, lock);
  if (!poll) throw notFound();
  return poll;
}

async function view(exec: Executor, auth: AuthContext, poll: PollRow): Promise<PollView> {
  const [candidates, voted, next] = await Promise.all([
    repo.candidates(exec, poll.orgId, poll.id),
    repo.votedCount(exec, poll.orgId, poll.id),
    poll.subject === 'election' && poll.status === 'closed'
      ? repo.findNextRound(exec, poll.orgId, poll.id)
      : undefined,
  ]);
  return presentPoll(poll, candidates, voted, auth, !!next);
}

function pollColumns(input: Omit<PollCreate, 'meetingId'>) {
  const { candidates: _candidates, ...rest } = input;
  return { ...rest, allowWriteIn: rest.subject === 'election' && rest.allowWriteIn };
}

function candidateRows(input: { candidates: { name: string; memberId: string | null }[] }) {
  return input.candidates.map((c, i) => ({ name: c.name, memberId: c.memberId, sort: i }));
}

/** A write-in or candidate name used twice: the unique key says so. */
async function uniqueNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string };
    if (pg?.code === '23505') throw invalid([{ path: 'candidates', message: '候选人姓名重复' }]);
    throw e;
  }
}

function checkPaperCounts(poll: PollRow, candidateIds: Set<string>, c: PaperCounts) {
  const entitled = poll.entitledCount ?? 0;
  if (poll.subject !== 'election') {
    if (c.for === undefined || c.against === undefined || c.abstain === undefined) {
      throw invalid([{ path: 'for', message: '请填写赞成、反对、弃权票数' }]);
    }
    if (c.for + c.against + c.abstain + c.invalid > entitled) {
      throw invalid([{ path: 'for', message: `票数合计超过应到人数（${entitled}）` }]);
    }
    return;
  }
  if (c.ballots === undefined || !c.votes) {
    throw invalid([{ path: 'ballots', message: '请填写有效票数和各候选人得票' }]);
  }
  if (c.ballots + c.invalid > entitled) {
    throw invalid([{ path: 'ballots', message: `有效票与废票合计超过应到人数（${entitled}）` }]);
  }
  const seen = new Set(c.votes.map((v) => v.candidateId));
  if (seen.size !== c.votes.length || c.votes.some((v) => !candidateIds.has(v.candidateId))) {
    throw invalid([{ path: 'votes', message: '得票中的候选人无效或重复' }]);
  }
  const all = [...c.votes, ...(c.writeIns ?? [])];
  if (all.some((v) => v.votes > c.ballots!)) {
    throw invalid([{ path: 'votes', message: '候选人得票不能超过有效票数' }]);
  }
  if (c.writeIns?.length && !poll.allowWriteIn) {
    throw invalid([{ path: 'writeIns', message: '本次选举不允许另选他人' }]);
  }
}

export const pollsService = {
  /** Open polls of a meeting: the meeting closes only without them. */
  openCount: (exec: Executor, orgId: string, meetingId: string) => repo.countOpen(exec, orgId, meetingId),

  load,

  async list(deps: Deps, auth: AuthContext, meetingId: string): Promise<PollView[]> {
    await congressService.getMeeting(deps.db, auth.orgId, meetingId);
    const rows = await repo.listByMeeting(deps.db, auth.orgId, meetingId);
    return Promise.all(rows.map((p) => view(deps.db, auth, p)));
  },

  async get(deps: Deps, auth: AuthContext, id: string): Promise<PollView> {
    return view(deps.db, auth, await load(deps.db, auth.orgId, id));
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: PollCreate): Promise<PollView> {
    return deps.db.transaction(async (tx) => {
      const meeting = await congressService.getMeeting(tx, actor.orgId, input.meetingId).catch(() => {
        throw invalid([{ path: 'meetingId', message: '所选会议不存在' }]);
      });
      if (meeting.status === 'closed') throw conflict('INVALID_TRANSITION', '会议已闭幕，不能再安排表决');
      const { meetingId, ...rest } = input;
      const poll = await repo.insert(tx, { orgId: actor.orgId, meetingId, ...pollColumns(rest) });
      await uniqueNames(() => repo.replaceCandidates(tx, actor.orgId, poll.id, candidateRows(input)));
      await writeAudit(tx, actor, {
        action: 'poll.create',
        objectType: 'poll',
        objectId: poll.id,
        detail: { title: poll.title, meetingId },
      });
      return view(tx, auth, poll);
    });
  },

  async update(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: PollUpdate) {
    return deps.db.transaction(async (tx) => {
      const before = await load(tx, actor.orgId, id, 'update');
      if (before.version !== input.version) throw conflict('STALE_VERSION');
      if (!pollEditable(before.status)) throw conflict('INVALID_TRANSITION', '投票开始后不能修改表决事项');
      const { version, ...rest } = input;
      const poll = await repo.update(tx, actor.orgId, id, version, pollColumns(rest));
      if (!poll) throw conflict('STALE_VERSION');
      await uniqueNames(() => repo.replaceCandidates(tx, actor.orgId, id, candidateRows(input)));
      await writeAudit(tx, actor, {
        action: 'poll.update',
        objectType: 'poll',
        objectId: id,
        detail: { title: poll.title },
      });
      return view(tx, auth, poll);
    });
  },

  async remove(deps: Deps, actor: OrgActor, id: string): Promise<void> {
    await deps.db.transaction(async (tx) => {
      const poll = await load(tx, actor.orgId, id, 'update');
      if (!pollEditable(poll.status)) throw conflict('INVALID_TRANSITION', '投票开始后不能删除表决');
      await repo.delete(tx, actor.orgId, id);
      await writeAudit(tx, actor, {
        action: 'poll.delete',
        objectType: 'poll',
        objectId: id,
        detail: { title: poll.title },
      });
    });
  },

  /**
   * Opening freezes the voter list (the term's full delegates now). Closing takes the present
   * count, shakes a secret ballot box and stores whether the poll passed.
   */
  async changeStatus(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, action: PollAction) {
    return deps.db.transaction(async (tx) => {
      if (action === 'close') await repo.lockForClose(tx, id);
      const poll = await load(tx, actor.orgId, id, 'update');
      const to = pollTransition(poll.status, action);
      if (!to) throw conflict('INVALID_TRANSITION', pollRefusal(poll.status, action));
      const meeting = await congressService.getMeeting(tx, actor.orgId, poll.meetingId);
      let values: Partial<PollRow>;
      if (action === 'open') {
        if (meeting.status !== 'inProgress') throw conflict('INVALID_TRANSITION', '会议开幕后才能开始投票');
        const candidates = await repo.candidates(tx, actor.orgId, id);
        if (poll.subject === 'election' && candidates.length < (poll.seats ?? 1)) {
          throw conflict('INVALID_TRANSITION', '候选人数少于应选人数，不能开始投票');
        }
        const entitled = await repo.freezeVoterList(tx, actor.orgId, id, meeting.termId);
        if (entitled === 0) throw conflict('INVALID_TRANSITION', '本届还没有正式代表，不能开始投票');
        values = { status: to, entitledCount: entitled, openedAt: new Date() };
      } else {
        if (poll.mode === 'paper' && poll.paperInvalid === null) {
          throw conflict('INVALID_TRANSITION', '请先录入计票结果，再结束投票');
        }
        const present = await repo.presentOnList(tx, actor.orgId, id, poll.meetingId);
        if (poll.secret && poll.mode === 'electronic') await repo.shuffleBallots(tx, actor.orgId, id);
        const candidates = await repo.candidates(tx, actor.orgId, id);
        const result = await computeResult(tx, poll, candidates, present);
        values = { status: to, presentCount: present, passed: result.passed, closedAt: new Date() };
      }
      const row = await repo.update(tx, actor.orgId, id, poll.version, values);
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, {
        action: `poll.${action}`,
        objectType: 'poll',
        objectId: id,
        detail: {
          title: poll.title,
          entitled: row.entitledCount,
          present: row.presentCount,
          passed: row.passed,
        },
      });
      return view(tx, auth, row);
    });
  },

  /** The tellers' counts of a paper poll, entered (and corrected) while it is open. */
  async enterCounts(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, counts: PaperCounts) {
    return deps.db.transaction(async (tx) => {
      const poll = await load(tx, actor.orgId, id, 'update');
      if (poll.mode !== 'paper') throw conflict('INVALID_TRANSITION', '电子表决不需要录入计票结果');
      if (!pollAcceptsCounts(poll.status))
        throw conflict('INVALID_TRANSITION', '只能在投票进行中录入计票结果');
      const candidates = (await repo.candidates(tx, actor.orgId, id)).filter((c) => !c.writeIn);
      checkPaperCounts(poll, new Set(candidates.map((c) => c.id)), counts);
      if (poll.subject === 'election') {
        for (const v of counts.votes ?? []) await repo.setPaperVotes(tx, actor.orgId, v.candidateId, v.votes);
        const names = new Set(candidates.map((c) => c.name));
        if ((counts.writeIns ?? []).some((w) => names.has(w.name))) {
          throw invalid([{ path: 'writeIns', message: '另选他人与候选人重名，请计入该候选人得票' }]);
        }
        await uniqueNames(() =>
          repo.replaceCandidates(
            tx,
            actor.orgId,
            id,
            (counts.writeIns ?? []).map((w, i) => ({
              name: w.name,
              writeIn: true,
              paperVotes: w.votes,
              sort: i,
            })),
            { writeInsOnly: true },
          ),
        );
      }
      const row = await repo.update(tx, actor.orgId, id, poll.version, {
        paperFor: counts.for ?? null,
        paperAgainst: counts.against ?? null,
        paperAbstain: counts.abstain ?? null,
        paperInvalid: counts.invalid,
        paperBallots: counts.ballots ?? null,
      });
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, {
        action: 'poll.paperCounts',
        objectType: 'poll',
        objectId: id,
        detail: counts,
      });
      return view(tx, auth, row);
    });
  },

  /** The tally: only once the poll is closed (while open, the poll shows turnout only). */
  async result(deps: Deps, auth: AuthContext, id: string): Promise<PollResult> {
    const poll = await load(deps.db, auth.orgId, id);
    if (poll.status !== 'closed') throw conflict('INVALID_TRANSITION', '表决结束后才能查看结果');
    const candidates = await repo.candidates(deps.db, auth.orgId, id);
    return computeResult(deps.db, poll, candidates, poll.presentCount ?? 0);
  },

  /** An election that left seats empty gets another round: the remaining seats, the candidates not elected. */
  async nextRound(deps: Deps, auth: AuthContext, actor: OrgActor, id: string): Promise<PollView> {
    return deps.db.transaction(async (tx) => {
      const poll = await load(tx, actor.orgId, id, 'update');
      if (poll.subject !== 'election' || poll.status !== 'closed') {
        throw conflict('INVALID_TRANSITION', '只有已结束的选举才能进行下一轮');
      }
      if (await repo.findNextRound(tx, actor.orgId, id)) throw conflict('DUPLICATE', '下一轮选举已经建立');
      const candidates = await repo.candidates(tx, actor.orgId, id);
      const result = await computeResult(tx, poll, candidates, poll.presentCount ?? 0);
      if (result.remainingSeats === 0) throw conflict('INVALID_TRANSITION', '名额已全部选出，无需下一轮');
      const elected = new Set(result.candidates.filter((c) => c.elected).map((c) => c.name));
      const remaining = candidates.filter((c) => !c.writeIn && !elected.has(c.name));
      const next = await repo.insert(tx, {
        orgId: actor.orgId,
        meetingId: poll.meetingId,
        title: `${poll.title.replace(/（第\d+轮）$/, '')}（第${poll.round + 1}轮）`,
        subject: 'election',
        secret: poll.secret,
        mode: poll.mode,
        base: poll.base,
        threshold: poll.threshold,
        requiresCheckIn: poll.requiresCheckIn,
        seats: result.remainingSeats,
        allowWriteIn: poll.allowWriteIn,
        round: poll.round + 1,
        previousPollId: poll.id,
      });
      await repo.replaceCandidates(
        tx,
        actor.orgId,
        next.id,
        remaining.map((c, i) => ({ name: c.name, memberId: c.memberId, sort: i })),
      );
      await writeAudit(tx, actor, {
        action: 'poll.nextRound',
        objectType: 'poll',
        objectId: next.id,
        detail: { previousPollId: id, seats: result.remainingSeats },
      });
      return view(tx, auth, next);
    });
  },
};
