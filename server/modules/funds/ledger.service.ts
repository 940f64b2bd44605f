import type {
  LedgerCreate,
  LedgerEntryView,
  LedgerListQuery,
  PeriodView,
  ReverseInput,
} from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import type { Tx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { categoriesService } from './categories.service.js';
import { lockPeriodExclusive } from './funds.locks.js';
import { fundsPosting } from './funds.posting.js';
import { type LedgerRow, ledgerRepository as repo } from './ledger.repository.js';

type OrgActor = Actor & { orgId: string };

function present(r: LedgerRow): LedgerEntryView {
  const e = r.entry;
  return {
    id: e.id,
    entryDate: e.entryDate,
    period: e.period,
    kind: e.kind,
    categoryId: e.categoryId,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    amountFen: e.amountFen,
    counterparty: e.counterparty,
    summary: e.summary,
    voucherNo: e.voucherNo,
    sourceModule: e.sourceModule,
    sourceId: e.sourceId,
    expenseRequestId: e.expenseRequestId,
    reversesEntryId: e.reversesEntryId,
    reversedByEntryId: r.reversedByEntryId,
    approvedBy: e.approvedBy,
    overBudget: e.overBudget,
    createdByName: e.createdByName,
    createdAt: e.createdAt.toISOString(),
  };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** Closes one month under its exclusive lock: earlier months of the year first, never the future. */
async function closeOne(tx: Tx, actor: OrgActor, period: string) {
  await lockPeriodExclusive(tx, actor.orgId, period);
  if (period > today().slice(0, 7)) throw conflict('CONFLICT', `${period} 尚未到来，不能结账`);
  const year = Number(period.slice(0, 4));
  const closed = new Set((await repo.closedPeriods(tx, actor.orgId, year)).map((p) => p.period));
  if (closed.has(period)) throw conflict('PERIOD_CLOSED', `${period} 已结账`);
  const earlier = MONTHS.map((m) => `${year}-${m}`).find((p) => p < period && !closed.has(p));
  if (earlier) throw conflict('CONFLICT', `请先结账 ${earlier}`);
  await repo.closePeriod(tx, {
    orgId: actor.orgId,
    period,
    closedBy: actor.userId,
    closedByName: actor.name,
  });
  await writeAudit(tx, actor, { action: 'funds.period.close', objectType: 'fundPeriod', objectId: period });
}

export const ledgerService = {
  async list(deps: Deps, auth: AuthContext, q: LedgerListQuery) {
    let categoryIds: string[] | undefined;
    if (q.categoryId) {
      // A parent category filters its whole subtree.
      const all = await categoriesService.listFor(deps.db, auth.orgId);
      if (!all.some((c) => c.id === q.categoryId))
        throw invalid([{ path: 'categoryId', message: '经费科目不存在' }]);
      categoryIds = all.filter((c) => c.id === q.categoryId || c.parentId === q.categoryId).map((c) => c.id);
    }
    const { rows, total } = await repo.list(
      deps.db,
      auth.orgId,
      { period: q.period, year: q.year, kind: q.kind, categoryIds, sourceModule: q.sourceModule, q: q.q },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    return paged(rows.map(present), total, q);
  },

  async get(deps: Deps, auth: AuthContext, id: string) {
    const row = await repo.findById(deps.db, auth.orgId, id);
    if (!row) throw notFound('LEDGER_ENTRY_NOT_FOUND');
    return present(row);
  },

  /** A receipt or payment recorded by the treasurer by hand (e.g. 拨缴经费 received, a bank fee). */
  async create(deps: Deps, actor: OrgActor, input: LedgerCreate) {
    return deps.db.transaction(async (tx) => {
      const entry = await fundsPosting.post(tx, actor, {
        orgId: actor.orgId,
        source: { module: 'manual' },
        categoryId: input.categoryId,
        amountFen: input.amountFen,
        date: input.entryDate,
        kind: input.kind,
        payee: input.counterparty,
        summary: input.summary,
        voucherNo: input.voucherNo,
      });
      return present((await repo.findById(tx, actor.orgId, entry.id))!);
    });
  },

  async reverse(deps: Deps, actor: OrgActor, id: string, input: ReverseInput) {
    return deps.db.transaction(async (tx) => {
      const entry = await fundsPosting.reverse(tx, actor, {
        orgId: actor.orgId,
        entryId: id,
        date: input.entryDate,
        reason: input.reason,
        voucherNo: input.voucherNo,
      });
      return present((await repo.findById(tx, actor.orgId, entry.id))!);
    });
  },

  async periods(deps: Deps, auth: AuthContext, year: number): Promise<PeriodView[]> {
    const closed = new Map((await repo.closedPeriods(deps.db, auth.orgId, year)).map((p) => [p.period, p]));
    const counts = await repo.entryCounts(deps.db, auth.orgId, year);
    return MONTHS.map((m) => {
      const period = `${year}-${m}`;
      const c = closed.get(period);
      return {
        period,
        closed: !!c,
        closedAt: c?.closedAt.toISOString() ?? null,
        closedByName: c?.closedByName ?? null,
        entryCount: counts.get(period) ?? 0,
      };
    });
  },

  async close(deps: Deps, actor: OrgActor, period: string) {
    await deps.db.transaction((tx) => closeOne(tx, actor, period));
    return { period, closed: true };
  },

  /** 年度结账: closes every month of a finished year that is still open, in order. */
  async closeYear(deps: Deps, actor: OrgActor, year: number) {
    if (year >= Number(today().slice(0, 4))) throw conflict('CONFLICT', `${year}年尚未结束，不能年度结账`);
    return deps.db.transaction(async (tx) => {
      const closed = new Set((await repo.closedPeriods(tx, actor.orgId, year)).map((p) => p.period));
      const open = MONTHS.map((m) => `${year}-${m}`).filter((p) => !closed.has(p));
      if (!open.length) throw conflict('PERIOD_CLOSED', `${year}年已全部结账`);
      for (const p of open) await closeOne(tx, actor, p);
      return { year, closedPeriods: open };
    });
  },
};
