import {
  DEFAULT_DUES_RATE_BP,
  type DuesArrearsExportQuery,
  type DuesArrearsRow,
  type DuesExemptionCreate,
  type DuesExemptionView,
  type DuesImportView,
  type DuesPaymentListQuery,
  type DuesPaymentView,
  type DuesRateCreate,
  type DuesRateView,
} from '../../../common/schemas/dues.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { OrgActor } from '../members/members.service.js';
import { organisationService } from '../organisation/organisation.service.js';
import { computeArrears, type Exemption, isExempt } from './dues.arrears.js';
import { duesRepository as repo } from './dues.repository.js';

// Dues rates, deductions, exemptions and arrears. Imports live in dues.importJob.ts.

/** The rate in force for a month: the latest effective month ≤ it, else the default 0.5 %. */
export function rateForMonth(rates: readonly { effectiveFrom: string; rateBp: number }[], month: string) {
  let best: { effectiveFrom: string; rateBp: number } | undefined;
  for (const r of rates)
    if (r.effectiveFrom <= month && (!best || r.effectiveFrom > best.effectiveFrom)) best = r;
  return best?.rateBp ?? DEFAULT_DUES_RATE_BP;
}

function presentRate(r: Awaited<ReturnType<typeof repo.listRates>>[number]): DuesRateView {
  return {
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    rateBp: r.rateBp,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  };
}

const isUnique = (e: unknown) => (e as { cause?: { code?: string } })?.cause?.code === '23505';

export async function exemptionsByMember(exec: Executor, orgId: string) {
  const byMember = new Map<string, Exemption[]>();
  for (const e of await repo.allExemptions(exec, orgId)) {
    byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
  }
  return byMember;
}

/** How many paying members owed dues in each month (joined by then, not exempt): the 应缴人数. */
export async function dueMembersByMonth(exec: Executor, orgId: string, months: readonly string[]) {
  const [people, exemptions] = await Promise.all([
    repo.payingMembers(exec, orgId),
    exemptionsByMember(exec, orgId),
  ]);
  return new Map(
    months.map((m) => [
      m,
      people.filter((p) => (p.joinedAt?.slice(0, 7) ?? '') <= m && !isExempt(exemptions.get(p.id), m)).length,
    ]),
  );
}

export const duesService = {
  async listRates(deps: Deps, auth: AuthContext): Promise<DuesRateView[]> {
    return (await repo.listRates(deps.db, auth.orgId)).map(presentRate);
  },

  async createRate(deps: Deps, auth: AuthContext, actor: OrgActor, body: DuesRateCreate) {
    try {
      return await deps.db.transaction(async (tx) => {
        const row = await repo.insertRate(tx, { orgId: auth.orgId, ...body, createdBy: auth.userId });
        await writeAudit(tx, actor, {
          action: 'dues.rate.create',
          objectType: 'duesRate',
          objectId: row.id,
          detail: { effectiveFrom: row.effectiveFrom, rateBp: row.rateBp },
        });
        return presentRate(row);
      });
    } catch (e) {
      if (isUnique(e)) {
        const message = `${body.effectiveFrom}起的费率已设置，如需修改请先删除`;
        throw conflict('DUPLICATE', message, [{ path: 'effectiveFrom', message }]);
      }
      throw e;
    }
  },

  /** A rate may be removed only while no committed month was imported under it. */
  async deleteRate(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    await deps.db.transaction(async (tx) => {
      const rates = await repo.listRates(tx, auth.orgId);
      const rate = rates.find((r) => r.id === id);
      if (!rate) throw notFound();
      const months = await repo.importedMonths(tx, auth.orgId);
      const next = rates.filter((r) => r.effectiveFrom > rate.effectiveFrom).at(-1)?.effectiveFrom;
      const used = months.some((m) => m >= rate.effectiveFrom && (!next || m < next));
      if (used) throw conflict('IN_USE', '已有月份按此费率导入了会费，不能删除');
      await repo.deleteRate(tx, auth.orgId, id);
      await writeAudit(tx, actor, {
        action: 'dues.rate.delete',
        objectType: 'duesRate',
        objectId: id,
        detail: { effectiveFrom: rate.effectiveFrom, rateBp: rate.rateBp },
      });
    });
  },

  async searchMembers(deps: Deps, auth: AuthContext, q: string) {
    return repo.searchMembers(deps.db, auth.orgId, q);
  },

  async listImports(deps: Deps, auth: AuthContext, year?: number): Promise<DuesImportView[]> {
    return (await repo.listImports(deps.db, auth.orgId, year)).map((r) => ({
      id: r.id,
      month: r.month,
      status: r.status as DuesImportView['status'],
      fileName: r.fileName,
      rowCount: r.rowCount,
      totalFen: r.totalFen,
      committedAt: r.committedAt?.toISOString() ?? null,
      ledgerEntryId: r.ledgerEntryId,
    }));
  },

  async listPayments(
    deps: Deps,
    auth: AuthContext,
    q: DuesPaymentListQuery,
  ): Promise<Paged<DuesPaymentView>> {
    const { rows, total } = await repo.listPayments(
      deps.db,
      auth.orgId,
      {
        month: q.month,
        departmentId: q.departmentId,
        flagged: q.flagged === undefined ? undefined : q.flagged === 'true',
      },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    return paged(
      rows.map((r) => ({
        id: r.p.id,
        memberId: r.p.memberId,
        memberName: r.memberName,
        memberNo: r.memberNo,
        departmentName: r.departmentName,
        month: r.p.month,
        baseSalaryFen: r.p.baseSalaryFen,
        amountFen: r.p.amountFen,
        expectedFen: r.p.expectedFen,
        flagged: r.p.flagged,
      })),
      total,
      q,
    );
  },

  async listExemptions(deps: Deps, auth: AuthContext): Promise<DuesExemptionView[]> {
    return (await repo.listExemptions(deps.db, auth.orgId)).map((r) => ({
      id: r.e.id,
      memberId: r.e.memberId,
      memberName: r.memberName,
      memberNo: r.memberNo,
      departmentName: r.departmentName,
      reason: r.e.reason,
      fromMonth: r.e.fromMonth,
      toMonth: r.e.toMonth,
      createdAt: r.e.createdAt.toISOString(),
    }));
  },

  async createExemption(deps: Deps, auth: AuthContext, actor: OrgActor, body: DuesExemptionCreate) {
    const id = await deps.db.transaction(async (tx) => {
      const member = await repo.memberName(tx, auth.orgId, body.memberId);
      if (!member) throw invalid([{ path: 'memberId', message: '会员不存在' }]);
      const toMonth = body.toMonth ?? null;
      if (await repo.overlappingExemption(tx, auth.orgId, body.memberId, body.fromMonth, toMonth)) {
        throw conflict('DUPLICATE', `${member.name}在该期间已有免缴记录`, [
          { path: 'fromMonth', message: '与已有的免缴期间重叠' },
        ]);
      }
      const row = await repo.insertExemption(tx, {
        orgId: auth.orgId,
        memberId: body.memberId,
        reason: body.reason,
        fromMonth: body.fromMonth,
        toMonth,
        createdBy: auth.userId,
      });
      await writeAudit(tx, actor, {
        action: 'dues.exemption.create',
        objectType: 'member',
        objectId: body.memberId,
        detail: { exemptionId: row.id, reason: body.reason, fromMonth: body.fromMonth, toMonth },
      });
      return row.id;
    });
    const all = await duesService.listExemptions(deps, auth);
    return all.find((e) => e.id === id)!;
  },

  async deleteExemption(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    await deps.db.transaction(async (tx) => {
      const row = await repo.deleteExemption(tx, auth.orgId, id);
      if (!row) throw notFound();
      await writeAudit(tx, actor, {
        action: 'dues.exemption.delete',
        objectType: 'member',
        objectId: row.memberId,
        detail: { exemptionId: id, reason: row.reason, fromMonth: row.fromMonth, toMonth: row.toMonth },
      });
    });
  },

  /** Every paying member with at least `minMonths` unpaid months, most in arrears first. */
  async arrears(deps: Deps, auth: AuthContext, q: DuesArrearsExportQuery): Promise<DuesArrearsRow[]> {
    const departmentIds = q.departmentId
      ? await organisationService.scopeDepartments(deps.db, auth.orgId, [q.departmentId])
      : undefined;
    const [people, months, payments, exemptions] = await Promise.all([
      repo.payingMembers(deps.db, auth.orgId, departmentIds),
      repo.importedMonths(deps.db, auth.orgId),
      repo.paidMonths(deps.db, auth.orgId),
      exemptionsByMember(deps.db, auth.orgId),
    ]);
    const paid = new Map<string, Set<string>>();
    for (const p of payments) {
      const set = paid.get(p.memberId) ?? new Set<string>();
      set.add(p.month);
      paid.set(p.memberId, set);
    }
    return computeArrears(people, months, paid, exemptions, { year: q.year, minMonths: q.minMonths });
  },
};
