import fs from 'node:fs';
import {
  AID_SOURCE_LABELS,
  AID_STATE_LABELS,
  type AidAction,
  type AidApprovalLevel,
  type AidCaseListQuery,
  type AidCaseRow,
  type AidCaseView,
  type AidMaterials,
  type AidNoticeView,
  type AidState,
} from '../../../common/schemas/aid.js';
import { AID_KIND_LABELS, type AidKind } from '../../../common/schemas/care.js';
import { yuan } from '../../../common/schemas/funds.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { AidChecklistItem } from '../../db/schema/aid.js';
import { writeAudit } from '../../lib/audit.js';
import { addDays, today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { fundsPosting } from '../funds/funds.posting.js';
import type { OrgActor } from '../members/members.service.js';
import { notify } from '../notifications/notifications.service.js';
import { welfareRulesRepository } from '../welfareRules/welfareRules.repository.js';
import { approverFor, assertWithinCap, welfareRulesService } from '../welfareRules/welfareRules.service.js';
import { aidViewer, caseFacts } from './aid.access.js';
import { isOwnCase, mayTake, reportsFor, sightOf } from './aid.policy.js';
import { presentCase, presentRow } from './aid.present.js';
import { type AidCase, type AidCaseWithNames, aidRepository as repo } from './aid.repository.js';
import { nextState, transitionRefusal } from './aid.state.js';

// The access helpers are also read by the care statistics through this module.
export { aidViewer, caseFacts } from './aid.access.js';

// Aid cases (救助): a member applies (or a group leader or an officer for them), the group leader
// recommends, an officer reviews and grants an amount within the rule's yearly cap, the chair or
// above the rule's threshold the union committee approves, an optional public notice, and the
// payment posts one ledger entry in the same transaction. Decisions: docs/architecture.md (Care).

/** The checklist of materials per aid kind: data in aid.materials.json. */
const { _comment, ...MATERIALS } = JSON.parse(
  fs.readFileSync(new URL('./aid.materials.json', import.meta.url), 'utf8'),
) as AidMaterials & { _comment: string };
export const AID_MATERIALS: AidMaterials = MATERIALS;

export interface OpenAidCaseInput {
  memberId: string;
  kind: AidKind;
  amountAskedFen: number;
  /** Health and family details: sealed at rest. */
  reason: string;
  /** Officers only: a paper application registered later. Defaults to today. */
  appliedOn?: string;
  /** Opened by another module (a checkup follow-up). */
  source?: { module: string; id: string };
}

const link = (id: string) => `/care/aid/${id}`;
const label = (c: Pick<AidCase, 'kind'>) => AID_KIND_LABELS[c.kind as AidKind] ?? c.kind;

/** Tells the accounts in `userIds` that the case waits for them (never the one who just acted). */
async function tellToAct(tx: Executor, actor: OrgActor, c: AidCase, userIds: string[], title: string) {
  const to = userIds.filter((u) => u !== actor.userId);
  if (to.length === 0) return;
  await notify(tx, {
    orgId: c.orgId,
    kind: 'aidTodo',
    title,
    link: link(c.id),
    objectType: 'aidCase',
    objectId: c.id,
    to: { userIds: to },
  });
}

async function tellApplicant(tx: Executor, c: AidCase, title: string) {
  await notify(tx, {
    orgId: c.orgId,
    kind: 'aidResult',
    title,
    link: link(c.id),
    objectType: 'aidCase',
    objectId: c.id,
    to: { memberIds: [c.memberId] },
  });
}

/**
 * Opens an aid case. A member applies for themself (needs a linked member record), a group leader
 * for a member of their departments, an officer (`care:write`) for anyone. The rule in force on the
 * application date and the kind's checklist of that day are stored on the case. The group leader's
 * recommendation is skipped when a leader or an officer filed the case, or when the member's
 * department has no group leader. Call it inside the caller's transaction (a checkup follow-up).
 */
export async function openAidCase(
  tx: Executor,
  auth: AuthContext,
  actor: OrgActor,
  input: OpenAidCaseInput,
  deps: Pick<Deps, 'sealer'>,
): Promise<AidCase> {
  const viewer = await aidViewer(tx, auth);
  const write = auth.permissions.has('care:write');
  const forSelf = auth.memberId !== null && auth.memberId === input.memberId;
  if (!forSelf && !write && !auth.permissions.has('care:report')) {
    if (!auth.memberId) throw conflict('MEMBER_LINK_REQUIRED');
    throw forbidden('FORBIDDEN', '只能为本人申请救助');
  }
  const member = await repo.member(tx, auth.orgId, input.memberId);
  if (!member || (!forSelf && !write && !reportsFor(viewer, member.departmentId))) {
    throw notFound('MEMBER_NOT_FOUND');
  }
  const day = today();
  if (input.appliedOn && input.appliedOn !== day) {
    if (!write) throw invalid([{ path: 'appliedOn', message: '只有专职干部可以补录申请日期' }]);
    if (input.appliedOn > day) throw invalid([{ path: 'appliedOn', message: '申请日期不能晚于今天' }]);
  }
  const appliedOn = input.appliedOn ?? day;
  const rule = await welfareRulesService.inForce(tx, auth.orgId, 'aid', input.kind, appliedOn);
  const checklist: AidChecklistItem[] = AID_MATERIALS[input.kind].map((i) => ({ ...i }));

  let skip: string | null = null;
  let leaders: string[] = [];
  if (!forSelf && write) skip = '由专职干部代为申请，无需小组长推荐';
  else if (!forSelf) skip = '由工会小组长代为申请，视为推荐';
  else {
    leaders = (await repo.holders(tx, auth.orgId, 'care:report', member.departmentId)).filter(
      (u) => u !== auth.userId,
    );
    if (leaders.length === 0) skip = '所在科室没有工会小组长，跳过推荐';
  }
  const state: AidState = skip ? 'recommended' : 'submitted';
  const c = await repo.insert(tx, {
    orgId: auth.orgId,
    memberId: member.id,
    departmentId: member.departmentId,
    kind: input.kind,
    ruleId: rule.id,
    appliedOn,
    amountAskedFen: input.amountAskedFen,
    reasonEnc: deps.sealer.seal(input.reason),
    checklist,
    state,
    sourceModule: input.source?.module ?? null,
    sourceId: input.source?.id ?? null,
    appliedBy: auth.userId,
    appliedByName: auth.displayName,
  });
  await repo.insertEvent(tx, {
    orgId: c.orgId,
    caseId: c.id,
    action: 'apply',
    fromState: null,
    toState: 'submitted',
    note: input.source ? `由${AID_SOURCE_LABELS[input.source.module] ?? input.source.module}转来` : null,
    actorId: auth.userId,
    actorName: auth.displayName,
  });
  if (skip) {
    await repo.insertEvent(tx, {
      orgId: c.orgId,
      caseId: c.id,
      action: 'recommend',
      fromState: 'submitted',
      toState: 'recommended',
      note: skip,
      actorId: auth.userId,
      actorName: auth.displayName,
    });
  }
  await writeAudit(tx, actor, {
    action: 'care.aid.create',
    objectType: 'aidCase',
    objectId: c.id,
    detail: { kind: c.kind, amountAskedFen: c.amountAskedFen, state, source: input.source ?? null },
  });
  const title = `${member.name}的${label(c)}申请`;
  if (state === 'submitted') await tellToAct(tx, actor, c, leaders, `${title}待推荐`);
  else await tellToAct(tx, actor, c, await repo.holders(tx, auth.orgId, 'care:write'), `${title}待审核`);
  return c;
}

/** The case under a row lock, checked for sight (404), step order (409), person (403) and version (409). */
async function loadForStep(tx: Executor, auth: AuthContext, id: string, action: AidAction, version: number) {
  const c = await repo.findForUpdate(tx, auth.orgId, id);
  const viewer = await aidViewer(tx, auth);
  if (!c || !sightOf(viewer, caseFacts(c))) throw notFound('AID_CASE_NOT_FOUND');
  const state = c.state as AidState;
  if (!nextState(state, action)) throw conflict('INVALID_TRANSITION', transitionRefusal(state, action));
  if (!mayTake(viewer, caseFacts(c), action)) {
    throw forbidden('FORBIDDEN', isOwnCase(viewer, c) ? '不能办理本人的救助申请' : '您不是这一步的办理人');
  }
  if (c.version !== version) throw conflict('STALE_VERSION');
  return c;
}

/** Moves the case one step: the update, a timeline row and the audit row, in the caller's transaction. */
async function step(
  tx: Executor,
  auth: AuthContext,
  actor: OrgActor,
  c: AidCase,
  action: AidAction,
  patch: Partial<AidCase>,
  note: string | null,
  detail: Record<string, unknown> = {},
): Promise<AidCase> {
  const to = nextState(c.state as AidState, action)!;
  const row = await repo.update(tx, auth.orgId, c.id, c.version, { ...patch, state: to });
  if (!row) throw conflict('STALE_VERSION');
  await repo.insertEvent(tx, {
    orgId: c.orgId,
    caseId: c.id,
    action,
    fromState: c.state,
    toState: to,
    note,
    actorId: auth.userId,
    actorName: auth.displayName,
  });
  await writeAudit(tx, actor, {
    action: `care.aid.${action}`,
    objectType: 'aidCase',
    objectId: c.id,
    detail: { from: c.state, to, ...detail },
  });
  return row;
}

/** 409 CAP_EXCEEDED unless `amountFen` fits the rule's yearly cap beside the member's other cases. */
async function checkCap(tx: Executor, c: AidCase, amountFen: number) {
  await repo.lockMember(tx, c.orgId, c.memberId);
  const rule = await welfareRulesRepository.findById(tx, c.orgId, c.ruleId);
  if (!rule) throw conflict('WELFARE_RULE_MISSING');
  const used = await repo.usedThisYear(tx, c.orgId, c.memberId, c.kind, c.appliedOn, c.id);
  assertWithinCap(rule, used, amountFen);
  return rule;
}

async function memberName(tx: Executor, c: AidCase) {
  return (await repo.member(tx, c.orgId, c.memberId))?.name ?? '';
}

export const aidService = {
  materials(): AidMaterials {
    return AID_MATERIALS;
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: OpenAidCaseInput) {
    const id = await deps.db.transaction(async (tx) => (await openAidCase(tx, auth, actor, input, deps)).id);
    return this.view(deps, auth, id);
  },

  async list(deps: Deps, auth: AuthContext, q: AidCaseListQuery): Promise<Paged<AidCaseRow>> {
    const all = auth.permissions.has('care:read') || auth.permissions.has('care:approve');
    const viewer = await aidViewer(deps.db, auth);
    const only = all
      ? undefined
      : {
          memberId: auth.memberId,
          appliedBy: auth.userId,
          departmentIds: auth.permissions.has('care:report')
            ? viewer.reportDepartments
              ? [...viewer.reportDepartments]
              : undefined
            : [],
        };
    const { rows, total } = await repo.list(
      deps.db,
      auth.orgId,
      { kind: q.kind, state: q.state, year: q.year, q: q.q, memberId: q.memberId, only },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    const amounts = (r: AidCaseWithNames) => auth.permissions.has('care:read') || isOwnCase(viewer, r.aid);
    return paged(
      rows.map((r) => presentRow(r, amounts(r))),
      total,
      q,
    );
  },

  /** One case, as much as the viewer may see; every look is audited. */
  async get(deps: Deps, auth: AuthContext, actor: OrgActor, id: string): Promise<AidCaseView> {
    const view = await this.view(deps, auth, id);
    await writeAudit(deps.db, actor, { action: 'care.aid.view', objectType: 'aidCase', objectId: id });
    return view;
  },

  /** The case after the caller's own step (that step has its own audit row). */
  async view(deps: Deps, auth: AuthContext, id: string): Promise<AidCaseView> {
    const r = await repo.findById(deps.db, auth.orgId, id);
    const viewer = await aidViewer(deps.db, auth);
    const sight = r && sightOf(viewer, caseFacts(r.aid));
    if (!r || !sight) throw notFound('AID_CASE_NOT_FOUND');
    return presentCase(deps.db, deps, viewer, r, sight);
  },

  async recommend(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    b: { version: number; note: string | null },
  ) {
    await deps.db.transaction(async (tx) => {
      const c = await loadForStep(tx, auth, id, 'recommend', b.version);
      const row = await step(tx, auth, actor, c, 'recommend', {}, b.note);
      const officers = await repo.holders(tx, auth.orgId, 'care:write');
      await tellToAct(tx, actor, row, officers, `${await memberName(tx, row)}的${label(row)}申请待审核`);
    });
    return this.view(deps, auth, id);
  },

  /**
   * The officer grants an amount (≤ asked) once every required material is there, within the rule's
   * yearly cap beside the member's other cases of the year; the amount decides who approves.
   */
  async review(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    b: { version: number; amountGrantedFen: number; note: string | null },
  ) {
    await deps.db.transaction(async (tx) => {
      const c = await loadForStep(tx, auth, id, 'review', b.version);
      if (b.amountGrantedFen > c.amountAskedFen) {
        throw invalid([
          { path: 'amountGrantedFen', message: `核定金额不能超过申请金额${yuan(c.amountAskedFen)}元` },
        ]);
      }
      const files = await repo.files(tx, c.orgId, c.id);
      const missing = c.checklist.filter((i) => i.required && !files.some((f) => f.itemKey === i.key));
      if (missing.length) {
        throw conflict(
          'AID_MATERIALS_MISSING',
          `缺少必备材料：${missing.map((i) => i.label).join('、')}`,
          missing.map((i) => ({ path: `materials.${i.key}`, message: `请上传${i.label}` })),
        );
      }
      const rule = await checkCap(tx, c, b.amountGrantedFen);
      const level: AidApprovalLevel =
        approverFor(rule, b.amountGrantedFen) === 'committee' ? 'committee' : 'chair';
      const row = await step(
        tx,
        auth,
        actor,
        c,
        'review',
        { amountGrantedFen: b.amountGrantedFen, approvalLevel: level },
        b.note,
        { amountGrantedFen: b.amountGrantedFen, approvalLevel: level },
      );
      const approvers =
        level === 'committee'
          ? await repo.holders(tx, auth.orgId, 'care:approve')
          : await repo.withRole(tx, auth.orgId, 'chair');
      const who = level === 'committee' ? '提交工会委员会研究' : '待主席审批';
      await tellToAct(tx, actor, row, approvers, `${await memberName(tx, row)}的${label(row)}申请${who}`);
    });
    return this.view(deps, auth, id);
  },

  /** The chair approves; above the rule's threshold a care:approve holder records the committee's decision. */
  async approve(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    b: {
      version: number;
      committeeMeetingOn?: string;
      committeeResolution: string | null;
      note: string | null;
    },
  ) {
    await deps.db.transaction(async (tx) => {
      const c = await loadForStep(tx, auth, id, 'approve', b.version);
      let patch: Partial<AidCase> = {};
      if (c.approvalLevel === 'committee') {
        const problems = [];
        if (!b.committeeMeetingOn)
          problems.push({ path: 'committeeMeetingOn', message: '请填写工会委员会会议日期' });
        else if (b.committeeMeetingOn > today()) {
          problems.push({ path: 'committeeMeetingOn', message: '会议日期不能晚于今天' });
        }
        if (!b.committeeResolution) problems.push({ path: 'committeeResolution', message: '请填写会议决议' });
        if (problems.length) throw invalid(problems);
        patch = { committeeMeetingOn: b.committeeMeetingOn, committeeResolution: b.committeeResolution };
      }
      const row = await step(tx, auth, actor, c, 'approve', patch, b.note, { level: c.approvalLevel });
      const name = await memberName(tx, row);
      await tellToAct(
        tx,
        actor,
        row,
        await repo.holders(tx, auth.orgId, 'care:write'),
        `${name}的${label(row)}已批准，待发放`,
      );
      await tellApplicant(
        tx,
        row,
        `您的${label(row)}申请已批准，核定金额${yuan(row.amountGrantedFen ?? 0)}元`,
      );
    });
    return this.view(deps, auth, id);
  },

  /** 公示: from today for `days` days; the case is paid after the notice period. */
  async notice(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    b: { version: number; days: number },
  ) {
    await deps.db.transaction(async (tx) => {
      const c = await loadForStep(tx, auth, id, 'notice', b.version);
      const from = today();
      const until = addDays(from, b.days - 1);
      await step(
        tx,
        auth,
        actor,
        c,
        'notice',
        { noticeFrom: from, noticeUntil: until },
        `公示期${from}至${until}`,
      );
    });
    return this.view(deps, auth, id);
  },

  /**
   * Pays the granted amount: one ledger entry posted in this transaction as approved in this
   * workflow, after the cap is checked again under the member's lock.
   */
  async pay(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    b: { version: number; paidOn?: string; payMethod?: 'cash' | 'transfer'; voucherNo: string | null },
  ) {
    await deps.db.transaction(async (tx) => {
      const c = await loadForStep(tx, auth, id, 'pay', b.version);
      const day = today();
      const paidOn = b.paidOn ?? day;
      if (paidOn > day) throw invalid([{ path: 'paidOn', message: '发放日期不能晚于今天' }]);
      if (paidOn < c.appliedOn) throw invalid([{ path: 'paidOn', message: '发放日期不能早于申请日期' }]);
      if (c.state === 'noticed' && c.noticeUntil && paidOn <= c.noticeUntil) {
        throw conflict('INVALID_TRANSITION', `公示期至${c.noticeUntil}，公示期满后才能发放`);
      }
      const amount = c.amountGrantedFen ?? 0;
      const rule = await checkCap(tx, c, amount);
      const name = await memberName(tx, c);
      const entry = await fundsPosting.post(tx, actor, {
        orgId: c.orgId,
        source: { module: 'aid', id: c.id },
        categoryCode: rule.categoryCode,
        amountFen: amount,
        date: paidOn,
        kind: 'expense',
        payee: name,
        summary: `${label(c)} ${name}`,
        voucherNo: b.voucherNo,
        payMethod: b.payMethod ?? null,
        approvedInWorkflow: true,
      });
      const row = await step(tx, auth, actor, c, 'pay', { paidOn, ledgerEntryId: entry.id }, null, {
        amountFen: amount,
        ledgerEntryId: entry.id,
      });
      await tellApplicant(tx, row, `您的${label(row)}${yuan(amount)}元已发放`);
    });
    return this.view(deps, auth, id);
  },

  async refuse(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    b: { version: number; reason: string },
  ) {
    await deps.db.transaction(async (tx) => {
      const c = await loadForStep(tx, auth, id, 'refuse', b.version);
      const row = await step(tx, auth, actor, c, 'refuse', { refusedReason: b.reason }, b.reason);
      await tellApplicant(
        tx,
        row,
        `您的${label(row)}申请未获通过（${AID_STATE_LABELS[c.state as AidState]}环节）`,
      );
    });
    return this.view(deps, auth, id);
  },

  /** 公示 list: every member sees the cases on notice today, with the name's first character only. */
  async notices(deps: Deps, auth: AuthContext): Promise<AidNoticeView[]> {
    const rows = await repo.notices(deps.db, auth.orgId, today());
    return rows.map((r) => ({
      id: r.id,
      maskedName: `${[...r.memberName][0] ?? ''}**`,
      departmentName: r.departmentName,
      kind: r.kind as AidKind,
      amountFen: r.amountFen ?? 0,
      noticeFrom: r.noticeFrom ?? '',
      noticeUntil: r.noticeUntil ?? '',
    }));
  },
};
