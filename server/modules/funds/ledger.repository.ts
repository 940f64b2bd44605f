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
    const [{ total }] = await exec.select({ total: sql<number>`count(*)::int` }).from(ledgerEntries).where(w);
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
