import type { AssignInput } from '../../../common/schemas/handling.js';
import type { ProposalState, TopicCreate, TopicView } from '../../../common/schemas/proposal.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { handling, registerHandlingSubject, visibleTo } from '../handling/handling.service.js';
import { notify } from '../notifications/notifications.service.js';
import {
  type ProposalRow,
  proposalsRepository as repo,
  TOPIC_SUBJECT,
  type TopicRow,
} from './proposals.repository.js';
import { mirrorTopic, type OrgActor, proposalLink, topicLink, viewerOf } from './proposals.service.js';
import { proposalRefusal, proposalTransition } from './proposals.state.js';

// Merging (并案) and handing topics to departments. A topic is the subject of the handling loop;
// its proposals stay as they were written, point to it and mirror its progress.

registerHandlingSubject(TOPIC_SUBJECT, (exec, actor, item) => mirrorTopic(exec, actor, item));

const subject = (topicId: string) => ({ type: TOPIC_SUBJECT, id: topicId });

/** Locks the proposals to link and checks each is accepted, in the topic's meeting and in no other topic. */
async function lockLinkable(exec: Executor, orgId: string, ids: string[], meetingId: string | null) {
  const unique = [...new Set(ids)];
  const rows = await repo.findMany(exec, orgId, unique, true);
  if (
    rows.length !== unique.length ||
    rows.some((p) => p.state === 'draft' || p.state === 'awaitingCosigners')
  ) {
    throw notFound();
  }
  const meeting = meetingId ?? rows[0].meetingId;
  for (const p of rows) {
    if (p.meetingId !== meeting)
      throw invalid([{ path: 'proposalIds', message: '只能合并同一次会议的提案' }]);
    if (!proposalTransition(p.state as ProposalState, 'merge')) {
      throw conflict(
        'INVALID_TRANSITION',
        `提案 ${p.number ?? p.title}：${proposalRefusal(p.state as ProposalState, 'merge')}`,
      );
    }
    if (p.topicId) throw conflict('CONFLICT', `提案 ${p.number} 已并入其他办理事项`);
  }
  return { rows, meetingId: meeting };
}

async function link(exec: Executor, actor: OrgActor, topic: TopicRow, rows: ProposalRow[], merged: boolean) {
  await repo.setState(
    exec,
    actor.orgId,
    rows.map((p) => p.id),
    { topicId: topic.id },
  );
  if (!merged) return;
  await repo.insertEvents(
    exec,
    rows.map((p) => ({
      orgId: actor.orgId,
      proposalId: p.id,
      action: 'merge',
      fromState: p.state,
      toState: p.state,
      note: `并入：${topic.title}`,
      actorId: actor.userId,
      actorName: actor.name,
    })),
  );
  for (const p of rows) {
    await notify(exec, {
      orgId: actor.orgId,
      to: { memberIds: [p.proposerMemberId] },
      kind: 'merged',
      title: `您的提案“${p.title}”已并入“${topic.title}”一并办理`,
      link: proposalLink(p.id),
      objectType: 'proposal',
      objectId: p.id,
    });
  }
}

async function assignLocked(
  exec: Executor,
  actor: OrgActor,
  topic: TopicRow,
  input: AssignInput & { version?: number },
) {
  const linked = await repo.byTopic(exec, actor.orgId, topic.id);
  if (linked.length === 0) throw conflict('CONFLICT', '办理事项下没有提案');
  const existing = await handling.get(exec, actor.orgId, subject(topic.id));
  if (!existing) {
    for (const { p } of linked) {
      if (!proposalTransition(p.state as ProposalState, 'assign')) {
        throw conflict('INVALID_TRANSITION', proposalRefusal(p.state as ProposalState, 'assign'));
      }
    }
  }
  return handling.assign(exec, actor, subject(topic.id), {
    ...input,
    title: topic.title,
    link: topicLink(topic.id),
    raterMemberIds: linked.map(({ p }) => p.proposerMemberId),
  });
}

async function loadTopic(exec: Executor, orgId: string, id: string, lock = false) {
  const t = await repo.findTopic(exec, orgId, id, lock);
  if (!t) throw notFound();
  return t;
}

export const topicsService = {
  /** 并案: links accepted proposals of one meeting to a new topic and tells their proposers. */
  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: TopicCreate) {
    const id = await deps.db.transaction(async (tx) => {
      const { rows, meetingId } = await lockLinkable(tx, auth.orgId, input.proposalIds, null);
      const topic = await repo.insertTopic(tx, {
        orgId: auth.orgId,
        meetingId,
        title: input.title,
        note: input.note,
      });
      await link(tx, actor, topic, rows, true);
      await writeAudit(tx, actor, {
        action: 'proposal.merge',
        objectType: 'proposalTopic',
        objectId: topic.id,
        detail: { title: topic.title, proposalIds: rows.map((p) => p.id) },
      });
      return topic.id;
    });
    return topicsService.get(deps, auth, id);
  },

  /** Adds proposals to a topic not yet assigned. */
  async add(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, proposalIds: string[]) {
    await deps.db.transaction(async (tx) => {
      const topic = await loadTopic(tx, auth.orgId, id, true);
      if (await handling.get(tx, auth.orgId, subject(id)))
        throw conflict('CONFLICT', '已交办的事项不能再并入提案');
      const { rows } = await lockLinkable(tx, auth.orgId, proposalIds, topic.meetingId);
      await link(tx, actor, topic, rows, true);
      await writeAudit(tx, actor, {
        action: 'proposal.merge',
        objectType: 'proposalTopic',
        objectId: id,
        detail: { proposalIds: rows.map((p) => p.id) },
      });
    });
    return topicsService.get(deps, auth, id);
  },

  /** Assigns (or reassigns) a topic to its departments. */
  async assign(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    input: AssignInput & { version?: number },
  ) {
    await deps.db.transaction(async (tx) =>
      assignLocked(tx, actor, await loadTopic(tx, auth.orgId, id, true), input),
    );
    return topicsService.get(deps, auth, id);
  },

  /** Assigns a single accepted proposal: it becomes a topic of its own (not a merge), then assigned. */
  async assignProposal(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    proposalId: string,
    input: AssignInput & { version?: number },
  ) {
    return deps.db.transaction(async (tx) => {
      const p = await repo.find(tx, auth.orgId, proposalId, true);
      if (!p || p.state === 'draft' || p.state === 'awaitingCosigners') throw notFound();
      let topic: TopicRow;
      if (p.topicId) {
        topic = await loadTopic(tx, auth.orgId, p.topicId, true);
      } else {
        const { rows } = await lockLinkable(tx, auth.orgId, [p.id], p.meetingId);
        topic = await repo.insertTopic(tx, { orgId: auth.orgId, meetingId: p.meetingId, title: p.title });
        await link(tx, actor, topic, rows, false);
      }
      const item = await assignLocked(tx, actor, topic, input);
      return { topicId: topic.id, item };
    });
  },

  async close(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, version: number) {
    await deps.db.transaction(async (tx) => {
      await loadTopic(tx, auth.orgId, id, true);
      await handling.close(tx, actor, subject(id), version);
    });
    return topicsService.get(deps, auth, id);
  },

  async list(deps: Deps, auth: AuthContext, meetingId: string): Promise<TopicView[]> {
    const v = await viewerOf(deps.db, auth);
    const topics = await repo.topicsOf(deps.db, auth.orgId, meetingId);
    const items = new Map(
      (
        await handling.bySubjects(
          deps.db,
          auth.orgId,
          TOPIC_SUBJECT,
          topics.map((t) => t.id),
        )
      ).map((i) => [i.subjectId, i]),
    );
    const out: TopicView[] = [];
    for (const t of topics) {
      const item = items.get(t.id);
      if (v.scope && (!item || !visibleTo(item, v.scope))) continue;
      out.push(await present(deps.db, auth.orgId, t, item));
    }
    return out;
  },

  async get(deps: Deps, auth: AuthContext, id: string): Promise<TopicView> {
    const v = await viewerOf(deps.db, auth);
    const t = await loadTopic(deps.db, auth.orgId, id);
    const item = await handling.get(deps.db, auth.orgId, subject(id));
    if (v.scope && (!item || !visibleTo(item, v.scope))) throw notFound();
    return present(deps.db, auth.orgId, t, item);
  },
};

async function present(
  exec: Executor,
  orgId: string,
  t: TopicRow,
  item: Awaited<ReturnType<typeof handling.get>>,
): Promise<TopicView> {
  const linked = await repo.byTopic(exec, orgId, t.id);
  return {
    id: t.id,
    meetingId: t.meetingId,
    title: t.title,
    note: t.note,
    proposals: linked.map(({ p, proposerName }) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      proposerName,
    })),
    handling: item ? await handling.detail(exec, orgId, item.id, null) : null,
    version: t.version,
  };
}
