import { chineseNumber } from '../../../common/chineseNumber.js';
import type { Satisfaction } from '../../../common/schemas/handling.js';
import type {
  ProposalAbilities,
  ProposalAction,
  ProposalCreate,
  ProposalEventView,
  ProposalListItem,
  ProposalListQuery,
  ProposalState,
  ProposalUpdate,
  ProposalView,
  ReviewInput,
} from '../../../common/schemas/proposal.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { congressService } from '../congress/congress.service.js';
import type { DepartmentScope, HandlingItemRow } from '../handling/handling.repository.js';
import { departmentScope } from '../handling/handling.routes.js';
import { handling, visibleTo } from '../handling/handling.service.js';
import type { OrgActor } from '../members/members.service.js';
import { notify } from '../notifications/notifications.service.js';
import { suggestionsService } from '../suggestions/suggestions.service.js';
import {
  type ProposalListRow,
  type ProposalRow,
  proposalsRepository as repo,
  TOPIC_SUBJECT,
} from './proposals.repository.js';
import { proposalRefusal, proposalTransition } from './proposals.state.js';
import { checkOpen, windowOf } from './proposals.window.js';

export type { OrgActor };

/** 三届二次-001 */
export function proposalNumber(termNumber: number, meetingNumber: number, seq: number): string {
  return `${chineseNumber(termNumber)}届${chineseNumber(meetingNumber)}次-${String(seq).padStart(3, '0')}`;
}

export const proposalLink = (id: string) => `/proposals/${id}`;
export const topicLink = (id: string) => `/proposals/topics/${id}`;

/** Who is asking, with the handler scope of their proposal reads resolved once. */
export interface Viewer {
  auth: AuthContext;
  scope: DepartmentScope;
}

export async function viewerOf(exec: Executor, auth: AuthContext): Promise<Viewer> {
  return { auth, scope: await departmentScope(exec, auth, 'proposal:read') };
}

function step(state: ProposalState, action: ProposalAction) {
  const t = proposalTransition(state, action);
  if (!t) throw conflict('INVALID_TRANSITION', proposalRefusal(state, action));
  return t;
}

async function event(
  exec: Executor,
  actor: OrgActor,
  p: Pick<ProposalRow, 'id'>,
  action: ProposalAction,
  from: ProposalState | null,
  to: ProposalState,
  note: string | null = null,
) {
  await repo.insertEvents(exec, [
    {
      orgId: actor.orgId,
      proposalId: p.id,
      action,
      fromState: from,
      toState: to,
      note,
      actorId: actor.userId,
      actorName: actor.name,
    },
  ]);
}

async function audit(
  exec: Executor,
  actor: OrgActor,
  action: string,
  id: string,
  detail: Record<string, unknown>,
) {
  await writeAudit(exec, actor, {
    action: `proposal.${action}`,
    objectType: 'proposal',
    objectId: id,
    detail,
  });
}

function requireMember(auth: AuthContext): string {
  if (!auth.memberId) throw forbidden('FORBIDDEN', '账号未关联会员信息，不能以代表身份提出提案');
  return auth.memberId;
}

/** Loads a proposal for a change by its proposer; others get 404 (drafts are private) or 403. */
async function loadOwn(exec: Executor, auth: AuthContext, id: string, version?: number) {
  const p = await repo.find(exec, auth.orgId, id, true);
  if (!p) throw notFound();
  if (p.proposerMemberId !== auth.memberId) {
    if (p.state === 'draft') throw notFound();
    throw forbidden('FORBIDDEN', '只有提案人可以执行此操作');
  }
  if (version !== undefined && p.version !== version) throw conflict('STALE_VERSION');
  return p;
}

async function loadVersioned(exec: Executor, orgId: string, id: string, version: number) {
  const p = await repo.find(exec, orgId, id, true);
  if (!p || p.state === 'draft' || p.state === 'awaitingCosigners') throw notFound();
  if (p.version !== version) throw conflict('STALE_VERSION');
  return p;
}

/** The category must be one of the meeting's; co-signers must be other delegates of the term. */
async function checkFields(
  exec: Executor,
  orgId: string,
  termId: string,
  categories: string[],
  proposerMemberId: string,
  input: { category: string; cosignerMemberIds: string[] },
) {
  if (!categories.includes(input.category)) {
    throw invalid([{ path: 'category', message: `提案类别应为：${categories.join('、')}` }]);
  }
  const cosigners = [...new Set(input.cosignerMemberIds)];
  if (cosigners.includes(proposerMemberId)) {
    throw invalid([{ path: 'cosignerMemberIds', message: '提案人不能作为自己的附议人' }]);
  }
  const delegates = await repo.delegatesOf(exec, orgId, termId, cosigners);
  if (cosigners.some((m) => !delegates.has(m))) {
    throw invalid([{ path: 'cosignerMemberIds', message: '附议人须是本届职工代表' }]);
  }
  return cosigners;
}

function presentListRow(r: ProposalListRow, day = today()): ProposalListItem {
  const p = r.p;
  return {
    id: p.id,
    meetingId: p.meetingId,
    number: p.number,
    title: p.title,
    category: p.category,
    proposerMemberId: p.proposerMemberId,
    proposerName: r.proposerName,
    state: p.state as ProposalState,
    topicId: p.topicId,
    topicTitle: r.topicTitle,
    leadDepartmentName: r.leadDepartmentName,
    dueDate: r.dueDate,
    overdue: r.handlingState === 'assigned' && !!r.dueDate && r.dueDate < day,
    satisfaction: p.satisfaction as Satisfaction | null,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

function abilitiesOf(auth: AuthContext, p: ProposalRow, invited: boolean): ProposalAbilities {
  const own =
    !!auth.memberId && p.proposerMemberId === auth.memberId && auth.permissions.has('proposal:submit');
  const manage = auth.permissions.has('proposal:manage');
  const state = p.state as ProposalState;
  return {
    edit: own && state === 'draft',
    submit: own && state === 'draft',
    recall: own && state === 'awaitingCosigners',
    cosign: invited && state === 'awaitingCosigners' && auth.permissions.has('proposal:submit'),
    review: manage && state === 'submitted',
    assign: manage && (state === 'accepted' || state === 'assigned'),
    rate: own && state === 'answered',
    close: manage && state === 'rated',
  };
}

/** Whether the viewer may see this proposal: drafts are private; handlers see their topics only. */
async function visible(exec: Executor, v: Viewer, p: ProposalRow, item: HandlingItemRow | undefined) {
  const mine = !!v.auth.memberId && p.proposerMemberId === v.auth.memberId;
  if (p.state === 'draft' && !mine) return false;
  if (p.state === 'awaitingCosigners' && !mine) {
    const cos = await repo.cosigners(exec, v.auth.orgId, p.id);
    if (!cos.some((c) => c.c.memberId === v.auth.memberId)) return false;
  }
  if (v.scope) return !!item && visibleTo(item, v.scope);
  return true;
}

async function topicItem(exec: Executor, orgId: string, topicId: string | null) {
  return topicId ? handling.get(exec, orgId, { type: TOPIC_SUBJECT, id: topicId }) : undefined;
}

/** The proposal or 404 when missing, in another union or not visible to the viewer. */
export async function loadVisible(exec: Executor, v: Viewer, id: string) {
  const p = await repo.find(exec, v.auth.orgId, id);
  if (!p) throw notFound();
  const item = await topicItem(exec, v.auth.orgId, p.topicId);
  if (!(await visible(exec, v, p, item))) throw notFound();
  return { p, item };
}

async function detail(exec: Executor, v: Viewer, id: string): Promise<ProposalView> {
  const { p, item } = await loadVisible(exec, v, id);
  const [row, cosigners, attachments, handlingDetail] = await Promise.all([
    repo.listRow(exec, v.auth.orgId, id),
    repo.cosigners(exec, v.auth.orgId, id),
    repo.attachments(exec, v.auth.orgId, id),
    item ? handling.detail(exec, v.auth.orgId, item.id, null) : null,
  ]);
  const invited = cosigners.some((c) => c.c.memberId === v.auth.memberId && c.c.state === 'invited');
  return {
    ...presentListRow(row!),
    meetingTitle: row!.meetingTitle,
    reasons: p.reasons,
    measures: p.measures,
    reviewNote: p.reviewNote,
    convertedToSuggestion: p.convertedToSuggestion,
    cosigners: cosigners.map(({ c, name }) => ({
      memberId: c.memberId,
      name,
      state: c.state,
      respondedAt: c.respondedAt?.toISOString() ?? null,
    })),
    attachments,
    handling: handlingDetail,
    version: p.version,
    abilities: abilitiesOf(v.auth, p, invited),
  };
}

/** Makes the proposal "submitted": numbers it under the window's lock and tells nobody yet. */
async function complete(exec: Executor, actor: OrgActor, p: ProposalRow, version: number) {
  const t = step(p.state as ProposalState, 'cosigned');
  const meeting = await congressService.getMeeting(exec, actor.orgId, p.meetingId);
  const seq = await repo.nextSeq(exec, actor.orgId, p.meetingId);
  const number = proposalNumber(meeting.termNumber, meeting.number, seq);
  const updated = await repo.update(exec, actor.orgId, p.id, version, {
    state: t.to,
    seq,
    number,
    submittedAt: new Date(),
  });
  if (!updated) throw conflict('STALE_VERSION');
  await event(exec, actor, p, 'cosigned', p.state as ProposalState, t.to, number);
  await audit(exec, actor, 'numbered', p.id, { number });
  return updated;
}

export const proposalsService = {
  async list(deps: Deps, auth: AuthContext, q: ProposalListQuery): Promise<Paged<ProposalListItem>> {
    const v = await viewerOf(deps.db, auth);
    const day = today();
    const { rows, total } = await repo.list(
      deps.db,
      auth.orgId,
      {
        scope: v.scope,
        viewerMemberId: auth.memberId,
        year: q.year,
        meetingId: q.meetingId,
        state: q.state,
        departmentId: q.departmentId,
        satisfaction: q.satisfaction,
        overdue: q.overdue ? { today: day } : undefined,
        topicId: q.topicId,
        mine: q.mine,
        q: q.q,
      },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    return paged(
      rows.map((r) => presentListRow(r, day)),
      total,
      q,
    );
  },

  async cosignRequests(deps: Deps, auth: AuthContext): Promise<ProposalListItem[]> {
    if (!auth.memberId) return [];
    const rows = await repo.cosignRequests(deps.db, auth.orgId, auth.memberId);
    return rows.map((r) => presentListRow(r as ProposalListRow));
  },

  async get(deps: Deps, auth: AuthContext, id: string) {
    return detail(deps.db, await viewerOf(deps.db, auth), id);
  },

  async history(deps: Deps, auth: AuthContext, id: string): Promise<ProposalEventView[]> {
    await loadVisible(deps.db, await viewerOf(deps.db, auth), id);
    const rows = await repo.events(deps.db, auth.orgId, id);
    return rows.map((e) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      note: e.note,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    }));
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: ProposalCreate) {
    const memberId = requireMember(auth);
    const id = await deps.db.transaction(async (tx) => {
      const meeting = await congressService.getMeeting(tx, auth.orgId, input.meetingId);
      const w = await windowOf(tx, auth.orgId, input.meetingId);
      checkOpen(w);
      if (!(await repo.delegatesOf(tx, auth.orgId, meeting.termId, [memberId])).has(memberId)) {
        throw forbidden('FORBIDDEN', '只有本届职工代表可以提出提案');
      }
      const cosigners = await checkFields(tx, auth.orgId, meeting.termId, w.categories, memberId, input);
      const p = await repo.insert(tx, {
        orgId: auth.orgId,
        meetingId: input.meetingId,
        title: input.title,
        reasons: input.reasons,
        measures: input.measures,
        category: input.category,
        proposerMemberId: memberId,
        state: 'draft',
      });
      await repo.replaceCosigners(tx, auth.orgId, p.id, cosigners);
      await event(tx, actor, p, 'create', null, 'draft');
      await audit(tx, actor, 'create', p.id, { title: p.title, meetingId: p.meetingId, cosigners });
      return p.id;
    });
    return proposalsService.get(deps, auth, id);
  },

  async update(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: ProposalUpdate) {
    await deps.db.transaction(async (tx) => {
      const p = await loadOwn(tx, auth, id, input.version);
      if (p.state !== 'draft') throw conflict('INVALID_TRANSITION', '只有草稿可以修改');
      const meeting = await congressService.getMeeting(tx, auth.orgId, p.meetingId);
      const w = await windowOf(tx, auth.orgId, p.meetingId);
      const cosigners = await checkFields(
        tx,
        auth.orgId,
        meeting.termId,
        w.categories,
        p.proposerMemberId,
        input,
      );
      const values = {
        title: input.title,
        reasons: input.reasons,
        measures: input.measures,
        category: input.category,
      };
      if (!(await repo.update(tx, auth.orgId, id, input.version, values))) throw conflict('STALE_VERSION');
      await repo.replaceCosigners(tx, auth.orgId, id, cosigners);
      await audit(tx, actor, 'update', id, { ...values, cosigners });
    });
    return proposalsService.get(deps, auth, id);
  },

  /** Sends the draft to its co-signers; with no co-signers required it is submitted and numbered at once. */
  async submit(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, version: number) {
    await deps.db.transaction(async (tx) => {
      const p = await loadOwn(tx, auth, id, version);
      const t = step(p.state as ProposalState, 'submit');
      const w = await windowOf(tx, auth.orgId, p.meetingId, true);
      checkOpen(w);
      const cosigners = await repo.cosigners(tx, auth.orgId, id);
      if (cosigners.length < w.minCosigners) {
        throw invalid([{ path: 'cosignerMemberIds', message: `至少需要${w.minCosigners}名代表附议` }]);
      }
      const updated = await repo.update(tx, auth.orgId, id, version, { state: t.to });
      if (!updated) throw conflict('STALE_VERSION');
      await repo.resetCosigners(tx, auth.orgId, id);
      await event(tx, actor, p, 'submit', 'draft', t.to);
      await audit(tx, actor, 'submit', id, { minCosigners: w.minCosigners });
      if (w.minCosigners === 0) {
        await complete(tx, actor, updated, updated.version);
      }
      await notify(tx, {
        orgId: auth.orgId,
        to: { memberIds: cosigners.map((c) => c.c.memberId) },
        kind: 'cosignRequest',
        title: `请附议提案：${p.title}`,
        link: proposalLink(id),
        objectType: 'proposal',
        objectId: id,
      });
    });
    return proposalsService.get(deps, auth, id);
  },

  async recall(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, version: number) {
    await deps.db.transaction(async (tx) => {
      const p = await loadOwn(tx, auth, id, version);
      const t = step(p.state as ProposalState, 'recall');
      if (!(await repo.update(tx, auth.orgId, id, version, { state: t.to }))) throw conflict('STALE_VERSION');
      await event(tx, actor, p, 'recall', p.state as ProposalState, t.to);
      await audit(tx, actor, 'recall', id, {});
    });
    return proposalsService.get(deps, auth, id);
  },

  /** A co-signer confirms or declines; enough confirmations submit and number the proposal. */
  async cosign(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, confirm: boolean) {
    const memberId = requireMember(auth);
    await deps.db.transaction(async (tx) => {
      const p = await repo.find(tx, auth.orgId, id, true);
      const cosigners = p ? await repo.cosigners(tx, auth.orgId, id) : [];
      const mine = cosigners.find((c) => c.c.memberId === memberId);
      if (!p || !mine || p.state === 'draft') throw notFound();
      if (p.state !== 'awaitingCosigners')
        throw conflict('INVALID_TRANSITION', proposalRefusal(p.state as ProposalState, 'cosigned'));
      if (mine.c.state !== 'invited') throw conflict('CONFLICT', '您已答复过该附议请求');
      await repo.respondCosign(tx, auth.orgId, id, memberId, confirm);
      await audit(tx, actor, confirm ? 'cosign' : 'cosignDecline', id, { memberId });
      const w = await windowOf(tx, auth.orgId, p.meetingId, true);
      const confirmed = cosigners.filter((c) => c.c.state === 'confirmed').length + (confirm ? 1 : 0);
      if (confirm && confirmed >= w.minCosigners) await complete(tx, actor, p, p.version);
    });
    return proposalsService.get(deps, auth, id);
  },

  /** The proposal committee's decision: 立案, or 不予立案 with the reason (optionally to be handled as a suggestion). */
  async review(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: ReviewInput) {
    await deps.db.transaction(async (tx) => {
      const p = await loadVersioned(tx, auth.orgId, id, input.version);
      const t = step(p.state as ProposalState, input.decision);
      const updated = await repo.update(tx, auth.orgId, id, input.version, {
        state: t.to,
        reviewNote: input.note,
        convertedToSuggestion: input.convertToSuggestion,
      });
      if (!updated) throw conflict('STALE_VERSION');
      await event(tx, actor, p, input.decision, p.state as ProposalState, t.to, input.note);
      await audit(tx, actor, input.decision, id, {
        note: input.note,
        convertToSuggestion: input.convertToSuggestion,
      });
      if (input.convertToSuggestion) {
        await suggestionsService.createFromProposal(tx, actor, {
          proposalId: id,
          memberId: p.proposerMemberId,
          title: p.title,
          content: `${p.reasons}\n\n建议措施：${p.measures}`,
          reason: input.note,
        });
      }
      await notify(tx, {
        orgId: auth.orgId,
        to: { memberIds: [p.proposerMemberId] },
        kind: 'reviewed',
        title: `提案${input.decision === 'accept' ? '已立案' : '未予立案'}：${p.title}`,
        link: proposalLink(id),
        objectType: 'proposal',
        objectId: id,
      });
    });
    return proposalsService.get(deps, auth, id);
  },

  /** The proposer rates the answer to their proposal's topic. */
  async rate(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    input: { satisfaction: Satisfaction; reason?: string; version: number },
  ) {
    await deps.db.transaction(async (tx) => {
      const p = await loadOwn(tx, auth, id);
      step(p.state as ProposalState, 'rate');
      const item = await topicItem(tx, auth.orgId, p.topicId);
      if (!item) throw conflict('INVALID_TRANSITION', '提案尚未交办');
      if (item.version !== input.version) throw conflict('STALE_VERSION');
      await repo.setState(tx, auth.orgId, [p.id], { satisfaction: input.satisfaction });
      const after = await handling.rate(
        tx,
        actor,
        { type: TOPIC_SUBJECT, id: item.subjectId },
        {
          memberId: p.proposerMemberId,
          satisfaction: input.satisfaction,
          reason: input.reason,
          version: input.version,
        },
      );
      // A rating that leaves the topic waiting for other proposers changes no state: record it here.
      if (after.state === 'answered')
        await event(tx, actor, p, 'rate', 'answered', 'answered', input.reason ?? null);
      await audit(tx, actor, 'rate', id, { satisfaction: input.satisfaction, reason: input.reason });
    });
    return proposalsService.get(deps, auth, id);
  },
};

/** The topic's handling steps, mirrored onto every proposal of the topic (with a history row each). */
export async function mirrorTopic(exec: Executor, actor: OrgActor, item: HandlingItemRow) {
  const linked = await repo.byTopic(exec, actor.orgId, item.subjectId);
  const changed = linked.filter(({ p }) => p.state !== item.state);
  for (const { p } of changed) {
    const from = p.state as ProposalState;
    const to = item.state as ProposalState;
    const action: ProposalAction =
      to === 'assigned' && from === 'answered'
        ? 'reopen'
        : to === 'assigned'
          ? 'assign'
          : to === 'answered'
            ? 'answer'
            : to === 'rated'
              ? 'rate'
              : 'close';
    step(from, action);
    await event(exec, actor, p, action, from, to, action === 'reopen' ? item.reopenReason : null);
  }
  await repo.setState(
    exec,
    actor.orgId,
    changed.map(({ p }) => p.id),
    { state: item.state },
  );
}
