import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { fundCategories, fundPeriods, fundReviewNotes, ledgerEntries, orgs } from '../../db/schema/index.js';

// Read-only SQL of the statements over the funds tables (ledger, chart, budgets) and the dues
// deductions, plus the review notes this module owns. Every query is scoped by org.
// Month ranges are inclusive 'YYYY-MM' bounds on the entry's period.

export type ReviewNoteRow = typeof fundReviewNotes.$inferSelect;

export interface CategoryRow {
  id: string;
  code: string;
  name: string;
  kind: 'income' | 'expense';
  parentId: string | null;
  sort: number;
}

export const statementsRepository = {
  async orgName(exec: Executor, orgId: string): Promise<string> {
    const [row] = await exec.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
    return row?.name ?? '';
  },

  async categories(exec: Executor, orgId: string): Promise<CategoryRow[]> {
    return exec
      .select({
        id: fundCategories.id,
        code: fundCategories.code,
        name: fundCategories.name,
        kind: fundCategories.kind,
        parentId: fundCategories.parentId,
        sort: fundCategories.sort,
      })
      .from(fundCategories)
      .where(eq(fundCategories.orgId, orgId))
      .orderBy(asc(fundCategories.code));
  },

  /** Original budget and approved adjustments of a year, per category. */
  async budgets(exec: Executor, orgId: string, year: number) {
    const res = await exec.execute<{ category_id: string; original: number; adjusted: number }>(sql`
      select category_id, sum(original) as original, sum(adjusted) as adjusted from (
        select category_id, amount_fen as original, 0::bigint as adjusted
        from budgets where org_id = ${orgId} and year = ${year}
        union all
        select category_id, 0, delta_fen from budget_adjustments
        where org_id = ${orgId} and year = ${year} and status = 'approved'
      ) b group by category_id`);
    return res.rows.map((r) => ({
      categoryId: r.category_id,
      originalFen: Number(r.original),
      adjustedFen: Number(r.adjusted),
    }));
  },

  /** Net amounts (reversals included, they are negative) per category over a month range. */
  async actualByCategory(exec: Executor, orgId: string, from: string, to: string) {
    const rows = await exec
      .select({
        categoryId: ledgerEntries.categoryId,
        amountFen: sql<number>`sum(${ledgerEntries.amountFen})`.mapWith(Number),
      })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, orgId), sql`${ledgerEntries.period} between ${from} and ${to}`))
      .groupBy(ledgerEntries.categoryId);
    return rows;
  },

  /** Income minus expense of every entry booked before a month: the opening balance. */
  async balanceBefore(exec: Executor, orgId: string, month: string): Promise<number> {
    const [row] = await exec
      .select({
        balance:
          sql<number>`coalesce(sum(case when ${ledgerEntries.kind} = 'income' then ${ledgerEntries.amountFen} else -${ledgerEntries.amountFen} end), 0)`.mapWith(
            Number,
          ),
      })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, orgId), sql`${ledgerEntries.period} < ${month}`));
    return row.balance;
  },

  async entriesOfMonth(exec: Executor, orgId: string, month: string) {
    return exec
      .select({
        id: ledgerEntries.id,
        entryDate: ledgerEntries.entryDate,
        kind: ledgerEntries.kind,
        amountFen: ledgerEntries.amountFen,
        summary: ledgerEntries.summary,
        counterparty: ledgerEntries.counterparty,
        voucherNo: ledgerEntries.voucherNo,
        sourceModule: ledgerEntries.sourceModule,
        reversesEntryId: ledgerEntries.reversesEntryId,
        categoryCode: fundCategories.code,
        categoryName: fundCategories.name,
      })
      .from(ledgerEntries)
      .innerJoin(fundCategories, eq(fundCategories.id, ledgerEntries.categoryId))
      .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.period, month)))
      .orderBy(asc(ledgerEntries.entryDate), asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  },

  async bySource(exec: Executor, orgId: string, from: string, to: string) {
    return exec
      .select({
        sourceModule: ledgerEntries.sourceModule,
        kind: ledgerEntries.kind,
        count: sql<number>`count(*) filter (where ${ledgerEntries.reversesEntryId} is null)`.mapWith(Number),
        amountFen: sql<number>`sum(${ledgerEntries.amountFen})`.mapWith(Number),
      })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, orgId), sql`${ledgerEntries.period} between ${from} and ${to}`))
      .groupBy(ledgerEntries.sourceModule, ledgerEntries.kind);
  },

  /** Collected and expected dues per month of a year, and the number of members who paid. */
  async duesByMonth(exec: Executor, orgId: string, year: number) {
    const res = await exec.execute<{ month: string; payers: number; amount: number; expected: number }>(sql`
      select month, count(*)::int as payers, sum(amount_fen) as amount, sum(expected_fen) as expected
      from dues_payments where org_id = ${orgId} and month like ${`${year}-%`}
      group by month order by month`);
    return res.rows.map((r) => ({
      month: r.month,
      payers: Number(r.payers),
      amountFen: Number(r.amount),
      expectedFen: Number(r.expected),
    }));
  },

  /** The same per department (the department the member was in when the month was imported). */
  async duesByDepartment(exec: Executor, orgId: string, year: number) {
    const res = await exec.execute<{
      department_id: string;
      name: string;
      payments: number;
      amount: number;
      expected: number;
    }>(sql`
      select p.department_id, d.name, count(*)::int as payments, sum(p.amount_fen) as amount,
             sum(p.expected_fen) as expected
      from dues_payments p join departments d on d.id = p.department_id
      where p.org_id = ${orgId} and p.month like ${`${year}-%`}
      group by p.department_id, d.name, d.sort order by d.sort, d.name`);
    return res.rows.map((r) => ({
      departmentId: r.department_id,
      departmentName: r.name,
      payments: Number(r.payments),
      amountFen: Number(r.amount),
      expectedFen: Number(r.expected),
    }));
  },

  // ---- review notes
  async reviewNote(exec: Executor, orgId: string, period: string, forUpdate = false) {
    const q = exec
      .select()
      .from(fundReviewNotes)
      .where(and(eq(fundReviewNotes.orgId, orgId), eq(fundReviewNotes.period, period)));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },
  async reviewNotesBetween(exec: Executor, orgId: string, from: string, to: string) {
    return exec
      .select()
      .from(fundReviewNotes)
      .where(and(eq(fundReviewNotes.orgId, orgId), sql`${fundReviewNotes.period} between ${from} and ${to}`))
      .orderBy(asc(fundReviewNotes.period));
  },
  async insertReviewNote(exec: Executor, v: typeof fundReviewNotes.$inferInsert) {
    const [row] = await exec.insert(fundReviewNotes).values(v).onConflictDoNothing().returning();
    return row;
  },
  async updateReviewNote(
    exec: Executor,
    id: string,
    version: number,
    v: Pick<ReviewNoteRow, 'opinion' | 'findings' | 'reviewedOn' | 'authorId' | 'authorName'>,
  ) {
    const [row] = await exec
      .update(fundReviewNotes)
      .set({ ...v, version: version + 1, updatedAt: new Date() })
      .where(and(eq(fundReviewNotes.id, id), eq(fundReviewNotes.version, version)))
      .returning();
    return row;
  },
  async isClosed(exec: Executor, orgId: string, period: string): Promise<boolean> {
    const [row] = await exec
      .select({ period: fundPeriods.period })
      .from(fundPeriods)
      .where(and(eq(fundPeriods.orgId, orgId), eq(fundPeriods.period, period)));
    return !!row;
  },
};
