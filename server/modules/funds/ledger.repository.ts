import { and, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { fundCategories, fundPeriods, ledgerEntries, ledgerTotals } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/like.js';

export type LedgerEntry = typeof ledgerEntries.$inferSelect;

export interface LedgerFilter {
  period?: string;
  year?: number;
  kind?: 'income' | 'expense';
  categoryIds?: string[];
  sourceModule?: string;
  q?: string;
}

const reversal = alias(ledgerEntries, 'reversal');

function where(orgId: string, f: LedgerFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [eq(ledgerEntries.orgId, orgId)];
  if (f.period) c.push(eq(ledgerEntries.period, f.period));
  if (f.year) {
    c.push(
      gte(ledgerEntries.entryDate, `${f.year}-01-01`),
      lt(ledgerEntries.entryDate, `${f.year + 1}-01-01`),
    );
  }
  if (f.kind) c.push(eq(ledgerEntries.kind, f.kind));
  if (f.categoryIds) c.push(inArray(ledgerEntries.categoryId, f.categoryIds));
  if (f.sourceModule) c.push(eq(ledgerEntries.sourceModule, f.sourceModule));
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    c.push(
      or(
        ilike(ledgerEntries.summary, p),
        ilike(ledgerEntries.counterparty, p),
        ilike(ledgerEntries.voucherNo, p),
      ),
    );
  }
  return and(...c);
}

const columns = {
  entry: ledgerEntries,
  categoryCode: fundCategories.code,
  categoryName: fundCategories.name,
  reversedByEntryId: reversal.id,
};

export type LedgerRow = {
  entry: LedgerEntry;
  categoryCode: string;
  categoryName: string;
  reversedByEntryId: string | null;
};

/**
 * The count of entries matching filters that ledger_totals can answer (period, year, category, kind):
 * a few hundred rows summed instead of counting a year of entries on every page.
 */
async function countFromTotals(exec: Executor, orgId: string, f: LedgerFilter): Promise<number> {
  const c: (SQL | undefined)[] = [eq(ledgerTotals.orgId, orgId)];
  if (f.period) c.push(eq(ledgerTotals.period, f.period));
  if (f.year) c.push(sql`${ledgerTotals.period} like ${`${f.year}-%`}`);
  if (f.categoryIds) c.push(inArray(ledgerTotals.categoryId, f.categoryIds));
  if (f.kind) c.push(eq(fundCategories.kind, f.kind));
  const [row] = await exec
    .select({ total: sql<number>`coalesce(sum(${ledgerTotals.entryCount}), 0)::int` })
    .from(ledgerTotals)
    .innerJoin(fundCategories, eq(fundCategories.id, ledgerTotals.categoryId))
    .where(and(...c));
  return row.total;
}

export const ledgerRepository = {
  async insert(exec: Executor, v: typeof ledgerEntries.$inferInsert): Promise<LedgerEntry> {
    const [row] = await exec.insert(ledgerEntries).values(v).returning();
    return row;
  },

  async list(
    exec: Executor,
    orgId: string,
    f: LedgerFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: LedgerRow[]; total: number }> {
    const w = where(orgId, f);
    const rows = await exec
      .select(columns)
      .from(ledgerEntries)
      .innerJoin(fundCategories, eq(fundCategories.id, ledgerEntries.categoryId))
      .leftJoin(
        reversal,
        and(eq(reversal.orgId, ledgerEntries.orgId), eq(reversal.reversesEntryId, ledgerEntries.id)),
      )
      .where(w)
      .orderBy(desc(ledgerEntries.entryDate), desc(ledgerEntries.createdAt))
      .limit(page.limit)
      .offset(page.offset);
    const total =
      f.sourceModule || f.q
        ? (await exec.select({ total: sql<number>`count(*)::int` }).from(ledgerEntries).where(w))[0].total
        : await countFromTotals(exec, orgId, f);
    return { rows, total };
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<LedgerRow | undefined> {
    const [row] = await exec
      .select(columns)
      .from(ledgerEntries)
      .innerJoin(fundCategories, eq(fundCategories.id, ledgerEntries.categoryId))
      .leftJoin(
        reversal,
        and(eq(reversal.orgId, ledgerEntries.orgId), eq(reversal.reversesEntryId, ledgerEntries.id)),
      )
      .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.id, id)));
    return row;
  },

  async isClosed(exec: Executor, orgId: string, period: string): Promise<boolean> {
    const [row] = await exec
      .select({ period: fundPeriods.period })
      .from(fundPeriods)
      .where(and(eq(fundPeriods.orgId, orgId), eq(fundPeriods.period, period)));
    return !!row;
  },

  closedPeriods(exec: Executor, orgId: string, year: number) {
    return exec
      .select()
      .from(fundPeriods)
      .where(and(eq(fundPeriods.orgId, orgId), sql`${fundPeriods.period} like ${`${year}-%`}`));
  },

  async entryCounts(exec: Executor, orgId: string, year: number): Promise<Map<string, number>> {
    const rows = await exec
      .select({ period: ledgerTotals.period, n: sql<number>`sum(${ledgerTotals.entryCount})::int` })
      .from(ledgerTotals)
      .where(and(eq(ledgerTotals.orgId, orgId), sql`${ledgerTotals.period} like ${`${year}-%`}`))
      .groupBy(ledgerTotals.period);
    return new Map(rows.map((r) => [r.period, r.n]));
  },

  async closePeriod(
    exec: Executor,
    v: { orgId: string; period: string; closedBy: string | null; closedByName: string | null },
  ) {
    const [row] = await exec.insert(fundPeriods).values(v).onConflictDoNothing().returning();
    return row;
  },
};
