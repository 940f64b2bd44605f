import {
  type AnswerInput,
  type AssignInput,
  DUE_SOON_DAYS,
  type HandlingDetailView,
  type HandlingItemView,
  type HandlingListQuery,
  type HandlingState,
  SATISFACTIONS,
  type Satisfaction,
} from '../../../common/schemas/handling.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { addDays, businessDate, today } from '../../lib/businessDate.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { OrgActor } from '../members/members.service.js';
import { notify } from '../notifications/notifications.service.js';
import { organisationRepository } from '../organisation/organisation.repository.js';
import {
  type DepartmentScope,
  type HandlingItemChange,
  type HandlingItemRow,
  handlingRepository as repo,
} from './handling.repository.js';
import { type HandlingAction, handlingRefusal, MAX_REOPENS, mayTake } from './handling.state.js';

/** What is handled: a record of a subject module, e.g. { type: 'proposalTopic', id }. */
export interface HandlingSubject {
  type: string;
  id: string;
}

/**
 * A subject module's reaction to a step, run in the same transaction: proposals copy the state onto
 * every proposal of the topic. Registered once per subject type when the module is loaded.
 */
export type HandlingHook = (
  exec: Executor,
  actor: OrgActor,
  item: HandlingItemRow,
  action: HandlingAction,
) => Promise<void>;
const hooks = new Map<string, HandlingHook>();

export function registerHandlingSubject(subjectType: string, hook: HandlingHook): void {
  hooks.set(subjectType, hook);
}

export interface AssignOptions extends AssignInput {
  /** Shown in inboxes and notifications. */
  title: string;
  /** Where the subject lives in the web app, e.g. `/proposals/topics/<id>`. */
  link: string;
  /** Members whose rating closes the round (the proposers); empty: one rating by whoever the module lets rate. */
  raterMemberIds?: string[];
  /** Required when the subject is already assigned (a reassignment): the item's version. */
  version?: number;
}

export interface RateOptions {
  satisfaction: Satisfaction;
  reason?: string | null;
  /** The member rating; must be one of the item's raters when it has any. */
  memberId: string | null;
  version: number;
}

/** Days after the reopen that the department gets at least, when the old due date is near or past. */
export const REOPEN_DAYS = 15;

function deadlineFlags(row: Pick<HandlingItemRow, 'state' | 'dueDate'>, day = today()) {
  const open = row.state === 'assigned';
  return {
    overdue: open && row.dueDate < day,
    dueSoon: open && row.dueDate >= day && row.dueDate <= addDays(day, DUE_SOON_DAYS),
  };
}

/** Whether a department-scoped user may see the item: one of its departments leads or co-handles it. */
export function visibleTo(row: HandlingItemRow, scope: DepartmentScope): boolean {
  if (!scope) return true;
  return scope.includes(row.leadDepartmentId) || row.coDepartmentIds.some((d) => scope.includes(d));
}

const worst = (list: Satisfaction[]): Satisfaction =>
  list.reduce((a, b) => (SATISFACTIONS.indexOf(b) > SATISFACTIONS.indexOf(a) ? b : a));

function refuse(state: HandlingState | null, action: HandlingAction): never {
  throw conflict('INVALID_TRANSITION', handlingRefusal(state, action));
}

async function step(
  exec: Executor,
  actor: OrgActor,
  row: HandlingItemRow,
  version: number,
  action: HandlingAction,
  change: HandlingItemChange,
  event: { note?: string | null; detail?: Record<string, unknown> } = {},
): Promise<HandlingItemRow> {
  const updated = await repo.updateItem(exec, actor.orgId, row.id, version, change);
  if (!updated) throw conflict('STALE_VERSION');
  await recordStep(exec, actor, updated, action, row.state, event);
  return updated;
}

async function recordStep(
  exec: Executor,
  actor: OrgActor,
  item: HandlingItemRow,
  action: HandlingAction | 'reopen',
  from: HandlingState | null,
  event: { note?: string | null; detail?: Record<string, unknown> },
) {
  await repo.insertEvent(exec, {
    orgId: actor.orgId,
    itemId: item.id,
    action,
    fromState: from,
    toState: item.state,
    note: event.note ?? null,
    detail: event.detail ?? null,
    actorId: actor.userId,
    actorName: actor.name,
  });
  await writeAudit(exec, actor, {
    action: `handling.${action}`,
    objectType: item.subjectType,
    objectId: item.subjectId,
    detail: { itemId: item.id, from, to: item.state, round: item.round, ...event.detail },
  });
}

async function afterStep(exec: Executor, actor: OrgActor, item: HandlingItemRow, action: HandlingAction) {
  await hooks.get(item.subjectType)?.(exec, actor, item, action);
}

function toDepartments(item: HandlingItemRow) {
  return [item.leadDepartmentId, ...item.coDepartmentIds];
}

async function tell(
  exec: Executor,
  item: HandlingItemRow,
  kind: string,
  title: string,
  to: { memberIds?: string[]; handlerDepartmentIds?: string[] },
) {
  await notify(exec, {
    orgId: item.orgId,
    to,
    kind,
    title,
    link: item.link,
    objectType: item.subjectType,
    objectId: item.subjectId,
  });
}

async function checkDepartments(exec: Executor, orgId: string, input: AssignInput) {
  const co = [...new Set(input.coDepartmentIds)];
  if (co.includes(input.leadDepartmentId)) {
    throw invalid([{ path: 'coDepartmentIds', message: '协办部门不能与主办部门相同' }]);
  }
  const found = new Set(
    await organisationRepository.existingDepartmentIds(exec, orgId, [input.leadDepartmentId, ...co]),
  );
  if (!found.has(input.leadDepartmentId)) {
    throw invalid([{ path: 'leadDepartmentId', message: '主办部门不存在' }]);
  }
  if (co.some((d) => !found.has(d))) throw invalid([{ path: 'coDepartmentIds', message: '协办部门不存在' }]);
  if (input.dueDate < today()) throw invalid([{ path: 'dueDate', message: '办理期限不能早于今天' }]);
  return co;
}

async function present(exec: Executor, rows: HandlingItemRow[]): Promise<HandlingItemView[]> {
  if (rows.length === 0) return [];
  const names = await repo.departmentNames(
    exec,
    rows[0].orgId,
    rows.flatMap((r) => toDepartments(r)),
  );
  const day = today();
  return rows.map((r) => ({
    id: r.id,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    title: r.title,
    link: r.link,
    leadDepartmentId: r.leadDepartmentId,
    leadDepartmentName: names.get(r.leadDepartmentId) ?? '',
    coDepartmentIds: r.coDepartmentIds,
    coDepartmentNames: r.coDepartmentIds.map((d) => names.get(d) ?? ''),
    dueDate: r.dueDate,
    state: r.state,
    round: r.round,
    reopenReason: r.reopenReason,
    raterMemberIds: r.raterMemberIds,
    satisfaction: r.satisfaction,
    ...deadlineFlags(r, day),
    answeredAt: r.answeredAt?.toISOString() ?? null,
    version: r.version,
  }));
}

/**
 * The handling loop. Every function takes the caller's executor (an open transaction) so a subject
 * module can change its own record and the handling record together; each step writes a history
 * row, an audit row and its notifications in that same transaction. Record-level permission (who
 * may assign or rate this subject) is the subject module's decision; the loop checks the workflow,
 * the departments and, for answers, the caller's department scope.
 */
export const handling = {
  /** Assigns the subject to a lead department (主办) and co-handling departments (协办); again while open: reassigns. */
  async assign(exec: Executor, actor: OrgActor, subject: HandlingSubject, opts: AssignOptions) {
    const co = await checkDepartments(exec, actor.orgId, opts);
    const existing = await repo.findBySubject(exec, actor.orgId, subject.type, subject.id, true);
    const values = {
      title: opts.title,
      link: opts.link,
      leadDepartmentId: opts.leadDepartmentId,
      coDepartmentIds: co,
      dueDate: opts.dueDate,
    };
    const detail = { leadDepartmentId: opts.leadDepartmentId, coDepartmentIds: co, dueDate: opts.dueDate };
    let item: HandlingItemRow;
    if (!existing) {
      item = await repo.insertItem(exec, {
        ...values,
        orgId: actor.orgId,
        subjectType: subject.type,
        subjectId: subject.id,
        state: 'assigned',
        raterMemberIds: [...new Set(opts.raterMemberIds ?? [])],
      });
      await recordStep(exec, actor, item, 'assign', null, { detail });
      await afterStep(exec, actor, item, 'assign');
    } else {
      if (!mayTake(existing.state, 'reassign')) refuse(existing.state, 'reassign');
      if (opts.version === undefined) throw invalid([{ path: 'version', message: '请提供版本号' }]);
      // A new deadline gets its own due-soon and overdue notices.
      const renotify =
        existing.dueDate !== opts.dueDate ? { dueSoonNotifiedRound: 0, overdueNotifiedRound: 0 } : {};
      item = await step(
        exec,
        actor,
        existing,
        opts.version,
        'reassign',
        { ...values, ...renotify },
        { detail },
      );
      await afterStep(exec, actor, item, 'reassign');
    }
    await tell(exec, item, 'assigned', `新交办：${item.title}（期限 ${item.dueDate}）`, {
      handlerDepartmentIds: toDepartments(item),
    });
    return item;
  },

  /**
   * A department's answer. The lead department's answer moves the item to "answered" and asks the
   * raters to rate; a co-handling department's answer is recorded for the lead department to use.
   * `scope` is the caller's departments (null: acts for the lead department, e.g. an officer entering a paper reply).
   */
  async answer(exec: Executor, actor: OrgActor, itemId: string, input: AnswerInput, scope: DepartmentScope) {
    const row = await repo.findById(exec, actor.orgId, itemId, true);
    if (!row || !visibleTo(row, scope)) throw notFound();
    const mine = scope ? toDepartments(row).filter((d) => scope.includes(d)) : [row.leadDepartmentId];
    const departmentId =
      input.departmentId ?? (mine.includes(row.leadDepartmentId) ? row.leadDepartmentId : mine[0]);
    if (!mine.includes(departmentId)) {
      throw invalid([{ path: 'departmentId', message: '只能以本人所在的承办部门答复' }]);
    }
    const lead = departmentId === row.leadDepartmentId;
    const action: HandlingAction = lead ? 'answer' : 'respond';
    if (!mayTake(row.state, action)) refuse(row.state, action);
    if (input.doneOn > today()) throw invalid([{ path: 'doneOn', message: '办理日期不能晚于今天' }]);
    await repo.insertResponse(exec, {
      orgId: actor.orgId,
      itemId: row.id,
      round: row.round,
      departmentId,
      departmentRole: lead ? 'lead' : 'co',
      content: input.content,
      doneOn: input.doneOn,
      responderId: actor.userId,
      responderName: actor.name,
    });
    const change: HandlingItemChange = lead ? { state: 'answered', answeredAt: new Date() } : {};
    const item = await step(exec, actor, row, input.version, action, change, {
      note: input.content,
      detail: { departmentId, doneOn: input.doneOn },
    });
    if (lead) {
      await afterStep(exec, actor, item, 'answer');
      const to = { memberIds: item.raterMemberIds };
      await tell(exec, item, 'answered', `已答复：${item.title}`, to);
      await tell(exec, item, 'pleaseRate', `请评价办理结果：${item.title}`, to);
    }
    return item;
  },

  /**
   * A rating. Dissatisfied in the first round reopens the item to its departments at once with the
   * reason; otherwise the round ends when every rater has rated, with the lowest rating.
   */
  async rate(exec: Executor, actor: OrgActor, subject: HandlingSubject, opts: RateOptions) {
    const row = await repo.findBySubject(exec, actor.orgId, subject.type, subject.id, true);
    if (!row) refuse(null, 'rate');
    if (!mayTake(row.state, 'rate')) refuse(row.state, 'rate');
    if (row.raterMemberIds.length && (!opts.memberId || !row.raterMemberIds.includes(opts.memberId))) {
      throw conflict('CONFLICT', '只有提出人可以评价');
    }
    const done = await repo.ratingsOf(exec, actor.orgId, row.id, row.round);
    if (done.some((r) => r.memberId === opts.memberId)) throw conflict('DUPLICATE', '本轮已评价');
    const reason = opts.reason || null;
    if (opts.satisfaction === 'dissatisfied' && !reason) {
      throw invalid([{ path: 'reason', message: '选择不满意时请填写原因' }]);
    }
    await repo.insertRating(exec, {
      orgId: actor.orgId,
      itemId: row.id,
      round: row.round,
      memberId: opts.memberId,
      satisfaction: opts.satisfaction,
      reason,
      raterId: actor.userId,
      raterName: actor.name,
    });
    const detail = { satisfaction: opts.satisfaction, memberId: opts.memberId };
    const reopens = row.round - 1 < MAX_REOPENS;
    if (opts.satisfaction === 'dissatisfied' && reopens) {
      const day = today();
      const item = await step(
        exec,
        actor,
        row,
        opts.version,
        'rate',
        {
          state: 'assigned',
          round: row.round + 1,
          reopenReason: reason,
          answeredAt: null,
          dueDate: row.dueDate < addDays(day, REOPEN_DAYS) ? addDays(day, REOPEN_DAYS) : row.dueDate,
        },
        { note: reason, detail: { ...detail, reopened: true } },
      );
      await repo.insertEvent(exec, {
        orgId: actor.orgId,
        itemId: item.id,
        action: 'reopen',
        fromState: 'answered',
        toState: 'assigned',
        note: reason,
        actorId: actor.userId,
        actorName: actor.name,
      });
      await afterStep(exec, actor, item, 'rate');
      await tell(exec, item, 'assigned', `提出人不满意，请重新办理：${item.title}（期限 ${item.dueDate}）`, {
        handlerDepartmentIds: toDepartments(item),
      });
      return item;
    }
    const ratings = [...done.map((r) => r.satisfaction), opts.satisfaction];
    const everyone =
      row.raterMemberIds.length === 0 ||
      row.raterMemberIds.every((m) => m === opts.memberId || done.some((r) => r.memberId === m));
    const change: HandlingItemChange = everyone ? { state: 'rated', satisfaction: worst(ratings) } : {};
    const item = await step(exec, actor, row, opts.version, 'rate', change, { note: reason, detail });
    await afterStep(exec, actor, item, 'rate');
    return item;
  },

  /** Ends the loop once rated. */
  async close(exec: Executor, actor: OrgActor, subject: HandlingSubject, version: number) {
    const row = await repo.findBySubject(exec, actor.orgId, subject.type, subject.id, true);
    if (!row) refuse(null, 'close');
    if (!mayTake(row.state, 'close')) refuse(row.state, 'close');
    const item = await step(exec, actor, row, version, 'close', { state: 'closed', closedAt: new Date() });
    await afterStep(exec, actor, item, 'close');
    return item;
  },

  get(exec: Executor, orgId: string, subject: HandlingSubject) {
    return repo.findBySubject(exec, orgId, subject.type, subject.id);
  },

  bySubjects(exec: Executor, orgId: string, subjectType: string, subjectIds: string[]) {
    return repo.findBySubjects(exec, orgId, subjectType, subjectIds);
  },

  async view(exec: Executor, row: HandlingItemRow): Promise<HandlingItemView> {
    return (await present(exec, [row]))[0];
  },

  /** The item with its answers, ratings and timeline; 404 outside the caller's scope. */
  async detail(
    exec: Executor,
    orgId: string,
    itemId: string,
    scope: DepartmentScope,
  ): Promise<HandlingDetailView> {
    const row = await repo.findById(exec, orgId, itemId);
    if (!row || !visibleTo(row, scope)) throw notFound();
    const [view, responses, ratings, events] = await Promise.all([
      handling.view(exec, row),
      repo.responsesOf(exec, orgId, row.id),
      repo.ratingsOf(exec, orgId, row.id),
      repo.eventsOf(exec, orgId, row.id),
    ]);
    return {
      ...view,
      responses: responses.map(({ r, departmentName }) => ({
        id: r.id,
        round: r.round,
        departmentId: r.departmentId,
        departmentName,
        departmentRole: r.departmentRole,
        content: r.content,
        doneOn: r.doneOn,
        responderName: r.responderName,
        createdAt: r.createdAt.toISOString(),
      })),
      ratings: ratings.map((r) => ({
        round: r.round,
        memberId: r.memberId,
        satisfaction: r.satisfaction,
        reason: r.reason,
        raterName: r.raterName,
        createdAt: r.createdAt.toISOString(),
      })),
      history: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        note: e.note,
        actorName: e.actorName,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  },

  /** Items per department, with due-soon and overdue filters; scoped users see their departments' only. */
  async list(
    exec: Executor,
    orgId: string,
    q: HandlingListQuery,
    scope: DepartmentScope,
  ): Promise<Paged<HandlingItemView>> {
    const day = today();
    const { rows, total } = await repo.list(exec, orgId, {
      scope,
      departmentId: q.departmentId,
      state: q.state,
      subjectType: q.subjectType,
      due: q.due ? { kind: q.due, today: day, soonUntil: addDays(day, DUE_SOON_DAYS) } : undefined,
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return paged(await present(exec, rows), total, q);
  },

  /**
   * Sends the due-soon and overdue notices of one union that are due at `now`: once per item, kind
   * and round (a reopened or re-dated item is told again). Returns how many were sent.
   */
  async scanDeadlines(
    exec: Executor,
    orgId: string,
    now: Date,
  ): Promise<{ dueSoon: number; overdue: number }> {
    const day = businessDate(now);
    const soonUntil = addDays(day, DUE_SOON_DAYS);
    const overdue = await repo.claimDeadlineNotices(exec, orgId, 'overdue', day, soonUntil);
    for (const item of overdue) {
      await tell(exec, item, 'overdue', `已逾期：${item.title}（期限 ${item.dueDate}）`, {
        handlerDepartmentIds: toDepartments(item),
      });
    }
    const dueSoon = await repo.claimDeadlineNotices(exec, orgId, 'dueSoon', day, soonUntil);
    for (const item of dueSoon) {
      await tell(exec, item, 'dueSoon', `即将到期：${item.title}（期限 ${item.dueDate}）`, {
        handlerDepartmentIds: toDepartments(item),
      });
    }
    return { dueSoon: dueSoon.length, overdue: overdue.length };
  },

  orgsWithOpenItems: repo.orgsWithOpenItems,
};
