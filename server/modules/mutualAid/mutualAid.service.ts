import type {
  EnrolInput,
  EnrolmentView,
  MutualAidPlanCreate,
  MutualAidPlanView,
  PayPremiums,
} from '../../../common/schemas/mutualAid.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { paged } from '../../lib/pagination.js';
import { fundsPosting } from '../funds/funds.posting.js';
import type { OrgActor } from '../members/members.service.js';
import { type PlanRow, type PlanWithTotals, mutualAidRepository as repo } from './mutualAid.repository.js';

// 职工互助保障: plans, enrolments and the union's premium payment. A claim's steps live in
// mutualAid.claims.ts.

/** 502 职工服务支出 › 50209 其他服务: premiums the union pays for its members' mutual aid. */
export const MUTUAL_AID_CATEGORY = '50209';

function planView(p: PlanWithTotals): MutualAidPlanView {
  const { plan } = p;
  return {
    id: plan.id,
    year: plan.year,
    name: plan.name,
    premiumFen: plan.premiumFen,
    payer: plan.payer,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    note: plan.note,
    version: plan.version,
    enrolled: p.enrolled,
    premiumTotalFen: p.premiumTotalFen,
    premiumPaidFen: p.premiumPaidFen,
    claims: p.claims,
    payoutTotalFen: p.payoutTotalFen,
  };
}

export const mutualAidService = {
  async plans(deps: Deps, auth: AuthContext, year?: number): Promise<MutualAidPlanView[]> {
    return (await repo.plans(deps.db, auth.orgId, year)).map(planView);
  },

  async plan(deps: Deps, auth: AuthContext, id: string): Promise<MutualAidPlanView> {
    const p = await repo.plan(deps.db, auth.orgId, id);
    if (!p) throw notFound();
    return planView(p);
  },

  async createPlan(deps: Deps, auth: AuthContext, actor: OrgActor, body: MutualAidPlanCreate) {
    return deps.db.transaction(async (tx) => {
      const row = await repo.insertPlan(tx, { ...body, orgId: auth.orgId, createdBy: auth.userId });
      if (!row) throw conflict('DUPLICATE', `${body.year}年已有名为「${body.name}」的计划`);
      await writeAudit(tx, actor, {
        action: 'care.mutualAid.plan.create',
        objectType: 'mutualAidPlan',
        objectId: row.id,
        detail: { year: row.year, premiumFen: row.premiumFen, payer: row.payer },
      });
      return planView({
        plan: row,
        enrolled: 0,
        premiumTotalFen: 0,
        premiumPaidFen: 0,
        claims: 0,
        payoutTotalFen: 0,
      });
    });
  },

  async enrolments(
    deps: Deps,
    auth: AuthContext,
    planId: string,
    q: { page: number; pageSize: number; q?: string },
  ): Promise<Paged<EnrolmentView>> {
    if (!(await repo.plan(deps.db, auth.orgId, planId))) throw notFound();
    const { rows, total } = await repo.enrolments(deps.db, auth.orgId, planId, q);
    return paged(
      rows.map((r) => ({
        id: r.e.id,
        memberId: r.e.memberId,
        memberName: r.memberName,
        departmentName: r.departmentName,
        premiumFen: r.e.premiumFen,
        enrolledOn: r.e.enrolledOn,
        premiumPaidOn: r.e.premiumPaidOn,
        premiumEntryId: r.e.premiumEntryId,
      })),
      total,
      q,
    );
  },

  /**
   * Enrols chosen members, a department's members in good standing, or all of them; members
   * already in the plan are skipped. The premium is the plan's at the time.
   */
  async enrol(deps: Deps, auth: AuthContext, actor: OrgActor, planId: string, body: EnrolInput) {
    return deps.db.transaction(async (tx) => {
      const plan = await repo.lockPlan(tx, auth.orgId, planId);
      if (!plan) throw notFound();
      if (body.enrolledOn > plan.periodEnd) {
        throw invalid([{ path: 'enrolledOn', message: `参保日期不能晚于保障截止日${plan.periodEnd}` }]);
      }
      const memberIds = body.scope === 'members' ? [...new Set(body.memberIds)] : undefined;
      if (memberIds) {
        const found = await repo.membersInOrg(tx, auth.orgId, memberIds);
        if (found.length !== memberIds.length)
          throw invalid([{ path: 'memberIds', message: '有职工不存在' }]);
      }
      const added = await repo.enrol(
        tx,
        {
          orgId: auth.orgId,
          planId,
          premiumFen: plan.premiumFen,
          enrolledOn: body.enrolledOn,
          createdBy: auth.userId,
        },
        {
          memberIds,
          departmentId: body.scope === 'department' ? body.departmentId : undefined,
          activeOnly: body.scope !== 'members',
        },
      );
      await repo.bumpPlan(tx, auth.orgId, planId);
      await writeAudit(tx, actor, {
        action: 'care.mutualAid.enrol',
        objectType: 'mutualAidPlan',
        objectId: planId,
        detail: { scope: body.scope, departmentId: body.departmentId ?? null, added },
      });
      return { added };
    });
  },

  /** Only an enrolment whose premium is unpaid and which has no claim can be undone. */
  async removeEnrolment(deps: Deps, auth: AuthContext, actor: OrgActor, planId: string, id: string) {
    await deps.db.transaction(async (tx) => {
      const plan = await repo.lockPlan(tx, auth.orgId, planId);
      if (!plan) throw notFound();
      const e = await repo.enrolment(tx, auth.orgId, planId, { id });
      if (!e) throw notFound();
      if (e.premiumEntryId) throw conflict('IN_USE', '保费已缴纳，不能取消参保');
      if ((await repo.countClaimsOf(tx, auth.orgId, planId, e.memberId)) > 0) {
        throw conflict('IN_USE', '该职工已有互助金申请，不能取消参保');
      }
      await repo.deleteEnrolment(tx, auth.orgId, id);
      await repo.bumpPlan(tx, auth.orgId, planId);
      await writeAudit(tx, actor, {
        action: 'care.mutualAid.unenrol',
        objectType: 'mutualAidPlan',
        objectId: planId,
        detail: { memberId: e.memberId },
      });
    });
  },

  async payPremiums(deps: Deps, auth: AuthContext, actor: OrgActor, planId: string, body: PayPremiums) {
    return deps.db.transaction(async (tx) => {
      const plan = await repo.lockPlan(tx, auth.orgId, planId);
      if (!plan) throw notFound();
      const paid = await payPremiumsOf(tx, actor, plan, body);
      await writeAudit(tx, actor, {
        action: 'care.mutualAid.premiums.pay',
        objectType: 'mutualAidPlan',
        objectId: planId,
        detail: paid,
      });
      return paid;
    });
  },
};

/**
 * The union pays every unpaid premium of the (locked) plan as ONE expense, posted in the caller's
 * transaction. Within the direct limit it posts by rule; above it the caller names an approved
 * 经费申请 of category 50209 (premiums have no approval workflow of their own here). The demo
 * generator books its plan's premiums through this too.
 */
export async function payPremiumsOf(tx: Executor, actor: OrgActor, plan: PlanRow, body: PayPremiums) {
  if (plan.payer !== 'union') throw conflict('INVALID_TRANSITION', '该计划由职工个人缴费，工会不缴纳保费');
  const unpaid = await repo.unpaidPremiums(tx, plan.orgId, plan.id);
  if (unpaid.n === 0) throw conflict('INVALID_TRANSITION', '没有待缴纳的保费');
  const entry = await fundsPosting.post(tx, actor, {
    orgId: plan.orgId,
    source: { module: 'mutualAid', id: plan.id },
    categoryCode: MUTUAL_AID_CATEGORY,
    amountFen: unpaid.fen,
    date: body.paidOn,
    kind: 'expense',
    payee: '互助保障承办机构',
    summary: `${plan.year}年${plan.name} 保费 ${unpaid.n}人`,
    voucherNo: body.voucherNo,
    expenseRequestId: body.expenseRequestId ?? undefined,
  });
  await repo.markPremiumsPaid(tx, plan.orgId, plan.id, entry.id, body.paidOn);
  await repo.bumpPlan(tx, plan.orgId, plan.id);
  return { people: unpaid.n, amountFen: unpaid.fen, entryId: entry.id };
}
