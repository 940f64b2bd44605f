import type { RateInput } from '../../../common/schemas/handling.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type {
  SuggestionAction,
  SuggestionAssign,
  SuggestionCreate,
  SuggestionDecide,
  SuggestionDetailView,
  SuggestionListQuery,
  SuggestionReward,
  SuggestionView,
} from '../../../common/schemas/suggestion.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { type AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { HandlingItemRow } from '../handling/handling.repository.js';
import { handling } from '../handling/handling.service.js';
import type { OrgActor } from '../members/members.service.js';
import { notify } from '../notifications/notifications.service.js';
import {
  suggestionsRepository as repo,
  type SuggestionRow,
  type SuggestionWithNames,
} from './suggestions.repository.js';
import { nextState, refusal, SUGGESTION_TRANSITIONS } from './suggestions.state.js';

export const SUBJECT = 'suggestion';
const subject = (id: string) => ({ type: SUBJECT, id });
export const suggestionLink = (id: string) => `/suggestions/${id}`;

const manages = (auth: AuthContext) => auth.permissions.has('suggestion:manage');

function memberOf(auth: AuthContext): string {
  if (!auth.memberId) throw conflict('MEMBER_LINK_REQUIRED');
  return auth.memberId;
}

async function present(
  exec: Executor,
  auth: AuthContext,
  r: SuggestionWithNames,
  item: HandlingItemRow | undefined,
): Promise<SuggestionView> {
  const s = r.s;
  const manager = manages(auth);
  const h = item ? await handling.view(exec, item) : null;
  return {
    id: s.id,
    memberId: s.memberId,
    memberName: r.memberName,
    departmentName: r.departmentName,
    title: s.title,
    content: s.content,
    submittedOn: s.submittedOn,
    state: s.state,
    decisionReason: s.decisionReason,
    decidedAt: s.decidedAt?.toISOString() ?? null,
    decidedBy: s.decidedBy,
    proposalId: s.proposalId,
    rewardNote: s.rewardNote,
    rewardFen: s.rewardFen,
    version: s.version,
    handling: h,
    abilities: {
      decide: manager && s.state === 'submitted',
      assign: manager && s.state === 'adopted' && (!h || h.state === 'assigned'),
      rate: auth.memberId === s.memberId && h?.state === 'answered',
      close: manager && h?.state === 'rated',
      reward: manager && s.state === 'adopted',
    },
  };
}

/** The suggestion if the caller may see it: the committee sees all, a member their own; else 404. */
async function visible(exec: Executor, auth: AuthContext, id: string) {
  const r = await repo.findWithNames(exec, auth.orgId, id);
  if (!r || (!manages(auth) && r.s.memberId !== auth.memberId)) throw notFound();
  return r;
}

async function detail(exec: Executor, auth: AuthContext, id: string): Promise<SuggestionDetailView> {
  const r = await visible(exec, auth, id);
  const item = await handling.get(exec, auth.orgId, subject(id));
  const view = await present(exec, auth, r, item);
  return { ...view, handlingDetail: item ? await handling.detail(exec, auth.orgId, item.id, null) : null };
}

async function lockAdopted(exec: Executor, orgId: string, id: string, step: string) {
  const s = await repo.lock(exec, orgId, id);
  if (!s) throw notFound();
  if (s.state !== 'adopted') throw conflict('INVALID_TRANSITION', refusal(s.state, step));
  return s;
}

/** A unique-key race (a proposal converted twice at once) as a 409. */
function duplicateConversion(e: unknown): AppError | null {
  const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string; constraint?: string };
  if (pg?.code === '23505' && pg.constraint === 'suggestions_org_proposal') {
    return conflict('DUPLICATE', '该提案已转为意见建议');
  }
  return null;
}

export interface FromProposal {
  proposalId: string;
  /** The proposer: the suggestion is theirs. */
  memberId: string;
  title: string;
  content: string;
  /** Why the committee did not accept the proposal; kept as the suggestion's note. */
  reason?: string | null;
}

export const suggestionsService = {
  async list(deps: Deps, auth: AuthContext, q: SuggestionListQuery): Promise<Paged<SuggestionView>> {
    // A member who is not on the committee sees only their own suggestions.
    const onlyMine = q.mine || !manages(auth);
    if (onlyMine && !auth.memberId) return paged([], 0, q);
    const { rows, total } = await repo.list(
      deps.db,
      auth.orgId,
      { q: q.q, year: q.year, state: q.state, memberId: onlyMine ? (auth.memberId ?? undefined) : undefined },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    const items = await handling.bySubjects(
      deps.db,
      auth.orgId,
      SUBJECT,
      rows.map((r) => r.s.id),
    );
    const byId = new Map(items.map((i) => [i.subjectId, i]));
    const data = await Promise.all(rows.map((r) => present(deps.db, auth, r, byId.get(r.s.id))));
    return paged(data, total, q);
  },

  get(deps: Deps, auth: AuthContext, id: string) {
    return detail(deps.db, auth, id);
  },

  /** A member sends a suggestion as themselves (the account's linked member record). */
  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: SuggestionCreate) {
    const memberId = memberOf(auth);
    return deps.db.transaction(async (tx) => {
      const s = await repo.insert(tx, { ...input, orgId: actor.orgId, memberId, submittedOn: today() });
      await writeAudit(tx, actor, { action: 'suggestion.create', objectType: SUBJECT, objectId: s.id });
      return detail(tx, auth, s.id);
    });
  },

  /**
   * A proposal the committee did not accept becomes a suggestion of its proposer (不立案转意见建议).
   * Called by the proposals module inside its own transaction; a proposal converts at most once (409).
   */
  async createFromProposal(exec: Executor, actor: OrgActor, input: FromProposal): Promise<SuggestionRow> {
    if (!(await repo.memberExists(exec, actor.orgId, input.memberId))) throw notFound('MEMBER_NOT_FOUND');
    try {
      // A savepoint, so a duplicate leaves the caller's transaction usable for its 409.
      const s = await exec.transaction((sp) =>
        repo.insert(sp, {
          orgId: actor.orgId,
          memberId: input.memberId,
          title: input.title,
          content: input.content,
          submittedOn: today(),
          proposalId: input.proposalId,
          decisionReason: input.reason ?? null,
        }),
      );
      await writeAudit(exec, actor, {
        action: 'suggestion.createFromProposal',
        objectType: SUBJECT,
        objectId: s.id,
        detail: { proposalId: input.proposalId },
      });
      return s;
    } catch (e) {
      throw duplicateConversion(e) ?? e;
    }
  },

  /** The committee adopts (采纳) or declines a suggestion; the member is told. */
  async decide(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    action: SuggestionAction,
    input: SuggestionDecide,
  ) {
    return deps.db.transaction(async (tx) => {
      const s = await repo.lock(tx, actor.orgId, id);
      if (!s) throw notFound();
      const to = nextState(s.state, action);
      if (!to) throw conflict('INVALID_TRANSITION', refusal(s.state, action));
      if (s.version !== input.version) throw conflict('STALE_VERSION');
      const reason = input.reason || null;
      if (SUGGESTION_TRANSITIONS[action].reasonRequired && !reason) {
        throw invalid([{ path: 'reason', message: '不予采纳时请填写原因' }]);
      }
      await repo.update(tx, actor.orgId, id, s.version, {
        state: to,
        decisionReason: reason,
        decidedAt: new Date(),
        decidedBy: actor.name,
      });
      await writeAudit(tx, actor, {
        action: `suggestion.${action}`,
        objectType: SUBJECT,
        objectId: id,
        detail: { from: s.state, to, reason },
      });
      await notify(tx, {
        orgId: actor.orgId,
        to: { memberIds: [s.memberId] },
        kind: 'suggestionReviewed',
        title: `您的建议“${s.title}”${to === 'adopted' ? '已被采纳' : '未被采纳'}`,
        link: suggestionLink(id),
        objectType: SUBJECT,
        objectId: id,
      });
      return detail(tx, auth, id);
    });
  },

  /** An adopted suggestion goes to a department; the member who sent it rates the answer. */
  async assign(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: SuggestionAssign) {
    return deps.db.transaction(async (tx) => {
      const s = await lockAdopted(tx, actor.orgId, id, '交办');
      await handling.assign(tx, actor, subject(id), {
        ...input,
        title: `合理化建议：${s.title}`,
        link: suggestionLink(id),
        raterMemberIds: [s.memberId],
      });
      return detail(tx, auth, id);
    });
  },

  async rate(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: RateInput) {
    const memberId = memberOf(auth);
    return deps.db.transaction(async (tx) => {
      const r = await visible(tx, auth, id);
      if (r.s.memberId !== memberId) throw forbidden('FORBIDDEN', '只有提出建议的会员可以评价');
      await handling.rate(tx, actor, subject(id), { ...input, reason: input.reason ?? null, memberId });
      return detail(tx, auth, id);
    });
  },

  async close(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, version: number) {
    return deps.db.transaction(async (tx) => {
      await lockAdopted(tx, actor.orgId, id, '办结');
      await handling.close(tx, actor, subject(id), version);
      return detail(tx, auth, id);
    });
  },

  /** Notes the reward for an adopted suggestion (text and/or an amount in fen). */
  async reward(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: SuggestionReward) {
    return deps.db.transaction(async (tx) => {
      const s = await lockAdopted(tx, actor.orgId, id, '奖励');
      if (s.version !== input.version) throw conflict('STALE_VERSION');
      const change = { rewardNote: input.rewardNote || null, rewardFen: input.rewardFen ?? null };
      await repo.update(tx, actor.orgId, id, s.version, change);
      await writeAudit(tx, actor, {
        action: 'suggestion.reward',
        objectType: SUBJECT,
        objectId: id,
        detail: change,
      });
      return detail(tx, auth, id);
    });
  },
};
