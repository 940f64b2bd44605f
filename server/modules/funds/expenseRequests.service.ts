import type {
  ApprovalStep,
  ApproveInput,
  ExpenseRequestEventView,
  ExpenseRequestInput,
  ExpenseRequestListQuery,
  ExpenseRequestUpdate,
  ExpenseRequestView,
  PayInput,
  RefuseInput,
} from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { categoriesRepository } from './categories.repository.js';
import { listAttachments } from './expenseRequests.attachments.js';
import { seesAllRequests, stepRefusal, stepsOf } from './expenseRequests.policy.js';
import {
  type ExpenseRequest,
  type ExpenseRequestRow,
  expenseRequestsRepository as repo,
} from './expenseRequests.repository.js';
import {
  currentStep,
  nextState,
  type RequestAction,
  stepsFor,
  transitionRefusal,
} from './expenseRequests.state.js';
import { checkBudget } from './funds.budgetCheck.js';
import { ensureChart } from './funds.chart.js';
import { lockRequestNumbering } from './funds.locks.js';
import { fundsPosting } from './funds.posting.js';
import { getFundSettings } from './funds.settings.js';

type OrgActor = Actor & { orgId: string };

function present(row: ExpenseRequestRow, auth: AuthContext): ExpenseRequestView {
  const r = row.request;
  const steps = r.steps as ApprovalStep[];
  const state = { status: r.status, step: r.step, steps };
  const step = currentStep(state);
  const own = r.requestedBy === auth.userId;
  const mayDecide = !!step && stepRefusal(auth, step, r.requestedBy) === null;
  return {
    id: r.id,
    no: r.no,
    year: r.year,
    purpose: r.purpose,
    categoryId: r.categoryId,
    categoryName: row.categoryName,
    amountFen: r.amountFen,
    payee: r.payee,
    note: r.note,
    status: r.status,
    steps,
    step: r.step,
    currentStep: step,
    overBudget: r.overBudget,
    committeeMeetingDate: r.committeeMeetingDate,
    committeeMinutesRef: r.committeeMinutesRef,
    refusalReason: r.refusalReason,
    paidDate: r.paidDate,
    payMethod: r.payMethod,
    voucherNo: r.voucherNo,
    ledgerEntryId: r.ledgerEntryId,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    abilities: {
      edit: own && r.status === 'draft',
      submit: own && r.status === 'draft',
      withdraw: own && (r.status === 'draft' || r.status === 'pending'),
      approve: mayDecide,
      refuse: mayDecide,
      pay: r.status === 'approved' && auth.permissions.has('funds:write'),
    },
  };
}

function assertMaySee(auth: AuthContext, r: ExpenseRequest) {
  if (!seesAllRequests(auth) && r.requestedBy !== auth.userId) throw notFound('EXPENSE_REQUEST_NOT_FOUND');
}

async function expenseCategory(exec: Executor, orgId: string, categoryId: string) {
  await ensureChart(exec, orgId);
  const c = await categoriesRepository.findById(exec, orgId, categoryId);
  if (c?.kind !== 'expense') throw invalid([{ path: 'categoryId', message: '请选择支出科目' }]);
  if (await categoriesRepository.hasChildren(exec, orgId, c.id)) {
    throw invalid([{ path: 'categoryId', message: `「${c.name}」有下级科目，请选择末级科目` }]);
  }
  return c;
}

/** Loads the row locked, checks the version and that the action is allowed from its state. */
async function lockFor(
  exec: Executor,
  orgId: string,
  id: string,
  version: number,
  action: RequestAction,
): Promise<ExpenseRequest> {
  const r = await repo.findForUpdate(exec, orgId, id);
  if (!r) throw notFound('EXPENSE_REQUEST_NOT_FOUND');
  if (r.version !== version) throw conflict('STALE_VERSION');
  if (!nextState({ status: r.status, step: r.step, steps: r.steps as ApprovalStep[] }, action)) {
    throw conflict('INVALID_TRANSITION', transitionRefusal(r.status, action));
  }
  return r;
}

async function event(
  exec: Executor,
  actor: OrgActor,
  r: ExpenseRequest,
  v: { action: string; step?: string | null; toStatus: string; comment?: string | null; fromStatus?: null },
) {
  await repo.insertEvent(exec, {
    orgId: actor.orgId,
    requestId: r.id,
    action: v.action,
    step: v.step ?? null,
    fromStatus: v.fromStatus === null ? null : r.status,
    toStatus: v.toStatus,
    comment: v.comment ?? null,
    actorId: actor.userId,
    actorName: actor.name,
  });
  await writeAudit(exec, actor, {
    action: `funds.request.${v.action}`,
    objectType: 'expenseRequest',
    objectId: r.id,
    detail: { no: r.no, step: v.step ?? null, toStatus: v.toStatus },
  });
}

async function view(exec: Executor, auth: AuthContext, id: string) {
  const row = await repo.findById(exec, auth.orgId, id);
  if (!row) throw notFound('EXPENSE_REQUEST_NOT_FOUND');
  return present(row, auth);
}

export const expenseRequestsService = {
  async list(deps: Deps, auth: AuthContext, q: ExpenseRequestListQuery) {
    const all = seesAllRequests(auth);
    if (!all && !auth.permissions.has('funds:request')) throw forbidden();
    const filter = {
      status: q.status,
      year: q.year,
      categoryId: q.categoryId,
      q: q.q,
      requestedBy: q.view === 'mine' || !all ? auth.userId : undefined,
      pendingSteps: q.view === 'inbox' ? stepsOf(auth) : undefined,
    };
    const { rows, total } = await repo.list(deps.db, auth.orgId, filter, {
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    // The inbox leaves out one's own requests: they cannot be decided by their requester.
    const data = rows.map((r) => present(r, auth));
    return paged(q.view === 'inbox' ? data.filter((r) => r.abilities.approve) : data, total, q);
  },

  async get(deps: Deps, auth: AuthContext, id: string) {
    if (!seesAllRequests(auth) && !auth.permissions.has('funds:request')) throw forbidden();
    const row = await repo.findById(deps.db, auth.orgId, id);
    if (!row) throw notFound('EXPENSE_REQUEST_NOT_FOUND');
    assertMaySee(auth, row.request);
    const events: ExpenseRequestEventView[] = (await repo.events(deps.db, auth.orgId, id)).map((e) => ({
      id: e.id,
      action: e.action,
      step: e.step,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    }));
    return { ...present(row, auth), events, attachments: await listAttachments(deps, auth, id) };
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: ExpenseRequestInput) {
    return deps.db.transaction(async (tx) => {
      await expenseCategory(tx, auth.orgId, input.categoryId);
      const year = Number(today().slice(0, 4));
      await lockRequestNumbering(tx, auth.orgId, year);
      const no = await repo.nextNo(tx, auth.orgId, year);
      const r = await repo.insert(tx, {
        orgId: auth.orgId,
        no,
        year,
        purpose: input.purpose,
        categoryId: input.categoryId,
        amountFen: input.amountFen,
        payee: input.payee,
        note: input.note,
        requestedBy: auth.userId,
        requestedByName: auth.displayName,
      });
      await event(tx, actor, r, { action: 'create', toStatus: 'draft', fromStatus: null });
      return view(tx, auth, r.id);
    });
  },

  async update(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: ExpenseRequestUpdate) {
    return deps.db.transaction(async (tx) => {
      const r = await repo.findForUpdate(tx, auth.orgId, id);
      if (!r) throw notFound('EXPENSE_REQUEST_NOT_FOUND');
      assertMaySee(auth, r);
      if (r.requestedBy !== auth.userId) throw forbidden('FORBIDDEN', '只能修改本人的经费申请');
      if (r.version !== input.version) throw conflict('STALE_VERSION');
      if (r.status !== 'draft') throw conflict('INVALID_TRANSITION', '只有草稿可以修改');
      await expenseCategory(tx, auth.orgId, input.categoryId);
      const { version: _v, ...values } = input;
      await repo.update(tx, r.id, values);
      await writeAudit(tx, actor, {
        action: 'funds.request.update',
        objectType: 'expenseRequest',
        objectId: r.id,
      });
      return view(tx, auth, r.id);
    });
  },

  async submit(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, version: number) {
    return deps.db.transaction(async (tx) => {
      const r = await lockFor(tx, auth.orgId, id, version, 'submit');
      if (r.requestedBy !== auth.userId) throw forbidden('FORBIDDEN', '只能提交本人的经费申请');
      const category = await expenseCategory(tx, auth.orgId, r.categoryId);
      const settings = await getFundSettings(tx, auth.orgId);
      const steps = stepsFor(r.amountFen, settings);
      const { overBudget } = await checkBudget(tx, auth.orgId, category, r.year, r.amountFen, r.id);
      await repo.update(tx, r.id, { status: 'pending', steps, step: 0, overBudget, submittedAt: new Date() });
      await event(tx, actor, r, {
        action: 'submit',
        toStatus: 'pending',
        comment: overBudget ? '超出剩余预算（已标记）' : null,
      });
      return view(tx, auth, r.id);
    });
  },

  async withdraw(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, version: number) {
    return deps.db.transaction(async (tx) => {
      const r = await lockFor(tx, auth.orgId, id, version, 'withdraw');
      if (r.requestedBy !== auth.userId) throw forbidden('FORBIDDEN', '只能撤回本人的经费申请');
      await repo.update(tx, r.id, { status: 'withdrawn' });
      await event(tx, actor, r, { action: 'withdraw', toStatus: 'withdrawn' });
      return view(tx, auth, r.id);
    });
  },

  async approve(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: ApproveInput) {
    return deps.db.transaction(async (tx) => {
      const r = await lockFor(tx, auth.orgId, id, input.version, 'approve');
      const steps = r.steps as ApprovalStep[];
      const step = steps[r.step];
      const refusal = stepRefusal(auth, step, r.requestedBy);
      if (refusal) throw forbidden('FORBIDDEN', refusal);
      const extra: Partial<ExpenseRequest> = {};
      if (step === 'committee') {
        const problems = [];
        if (!input.committeeMeetingDate)
          problems.push({ path: 'committeeMeetingDate', message: '请填写集体研究的会议日期' });
        if (!input.committeeMinutesRef)
          problems.push({ path: 'committeeMinutesRef', message: '请填写会议纪要编号' });
        if (problems.length) throw invalid(problems);
        extra.committeeMeetingDate = input.committeeMeetingDate;
        extra.committeeMinutesRef = input.committeeMinutesRef;
      }
      const next = nextState({ status: r.status, step: r.step, steps }, 'approve')!;
      if (next.status === 'approved') {
        // The last step commits the money: the budget rule is applied again, under the budget lock.
        const category = await expenseCategory(tx, auth.orgId, r.categoryId);
        const { overBudget } = await checkBudget(tx, auth.orgId, category, r.year, r.amountFen, r.id);
        extra.overBudget = r.overBudget || overBudget;
      }
      await repo.update(tx, r.id, { status: next.status, step: next.step, ...extra });
      const minutes =
        step === 'committee'
          ? `会议日期 ${input.committeeMeetingDate}，纪要 ${input.committeeMinutesRef}`
          : null;
      await event(tx, actor, r, {
        action: 'approve',
        step,
        toStatus: next.status,
        comment: [input.comment, minutes].filter(Boolean).join('；') || null,
      });
      return view(tx, auth, r.id);
    });
  },

  async refuse(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: RefuseInput) {
    return deps.db.transaction(async (tx) => {
      const r = await lockFor(tx, auth.orgId, id, input.version, 'refuse');
      const step = (r.steps as ApprovalStep[])[r.step];
      const refusal = stepRefusal(auth, step, r.requestedBy);
      if (refusal) throw forbidden('FORBIDDEN', refusal);
      await repo.update(tx, r.id, { status: 'refused', refusalReason: input.reason });
      await event(tx, actor, r, { action: 'refuse', step, toStatus: 'refused', comment: input.reason });
      return view(tx, auth, r.id);
    });
  },

  /** The treasurer pays an approved request: the posting service books the entry and marks it paid. */
  async pay(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: PayInput) {
    return deps.db.transaction(async (tx) => {
      const r = await lockFor(tx, auth.orgId, id, input.version, 'pay');
      await fundsPosting.post(tx, actor, {
        orgId: auth.orgId,
        source: { module: 'funds', id: r.id },
        categoryId: r.categoryId,
        amountFen: input.amountFen ?? r.amountFen,
        date: input.paidDate,
        kind: 'expense',
        payee: r.payee,
        summary: `${r.no} ${r.purpose}`.slice(0, 200),
        voucherNo: input.voucherNo,
        expenseRequestId: r.id,
        payMethod: input.payMethod,
      });
      return view(tx, auth, r.id);
    });
  },
};
