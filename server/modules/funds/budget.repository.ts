import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { budgetAdjustments, budgets } from '../../db/schema/index.js';

// Paid figures come from ledger_totals (kept by a trigger), by period 'YYYY-MM'.
const yearRange = (year: number) => ({ from: `${year}-01`, to: `${year}-12` });

export interface CategoryFigures {
  categoryId: string;
  originalFen: number;
  adjustedFen: number;
  committedFen: number;
  paidFen: number;
}

export const budgetRepository = {
  /** Budget (original + approved adjustments), paid (net of reversals) and committed of one category. */
  async figuresOf(
    exec: Executor,
    orgId: string,
    year: number,
    categoryId: string,
    excludeRequestId: string | null = null,
  ) {
    const { from, to } = yearRange(year);
    const res = await exec.execute<{ budget: number; paid: number; committed: number }>(sql`
      select
        coalesce((select amount_fen from budgets
                  where org_id = ${orgId} and year = ${year} and category_id = ${categoryId}), 0)
        + coalesce((select sum(delta_fen) from budget_adjustments
                    where org_id = ${orgId} and year = ${year} and category_id = ${categoryId}
                      and status = 'approved'), 0) as budget,
        coalesce((select sum(amount_fen) from ledger_totals
                  where org_id = ${orgId} and category_id = ${categoryId}
                    and period between ${from} and ${to}), 0) as paid,
        coalesce((select sum(amount_fen) from expense_requests
                  where org_id = ${orgId} and year = ${year} and category_id = ${categoryId}
                    and status = 'approved'
                    and (${excludeRequestId}::uuid is null or id <> ${excludeRequestId}::uuid)), 0) as committed
    `);
    const r = res.rows[0];
    return { budgetFen: Number(r.budget), paidFen: Number(r.paid), committedFen: Number(r.committed) };
  },

  /** Per-category figures of one year for every category that has any (leaves and parents alike). */
  async figuresByCategory(exec: Executor, orgId: string, year: number): Promise<CategoryFigures[]> {
    const { from, to } = yearRange(year);
    const res = await exec.execute<{
      category_id: string;
      original: number;
      adjusted: number;
      committed: number;
      paid: number;
    }>(sql`
      with b as (
        select category_id, amount_fen as original, 0::bigint as adjusted, 0::bigint as committed, 0::bigint as paid
        from budgets where org_id = ${orgId} and year = ${year}
        union all
        select category_id, 0, sum(delta_fen), 0, 0 from budget_adjustments
        where org_id = ${orgId} and year = ${year} and status = 'approved' group by category_id
        union all
        select category_id, 0, 0, sum(amount_fen), 0 from expense_requests
        where org_id = ${orgId} and year = ${year} and status = 'approved' group by category_id
        union all
        select category_id, 0, 0, 0, sum(amount_fen) from ledger_totals
        where org_id = ${orgId} and period between ${from} and ${to} group by category_id
      )
      select category_id, sum(original) as original, sum(adjusted) as adjusted,
             sum(committed) as committed, sum(paid) as paid
      from b group by category_id
    `);
    return res.rows.map((r) => ({
      categoryId: r.category_id,
      originalFen: Number(r.original),
      adjustedFen: Number(r.adjusted),
      committedFen: Number(r.committed),
      paidFen: Number(r.paid),
    }));
  },

  async findBudget(exec: Executor, orgId: string, year: number, categoryId: string) {
    const [row] = await exec
      .select()
      .from(budgets)
      .where(and(eq(budgets.orgId, orgId), eq(budgets.year, year), eq(budgets.categoryId, categoryId)));
    return row;
  },

  async upsertBudget(
    exec: Executor,
    v: {
      orgId: string;
      year: number;
      categoryId: string;
      amountFen: number;
      note: string | null;
      updatedBy: string | null;
    },
  ) {
    const [row] = await exec
      .insert(budgets)
      .values(v)
      .onConflictDoUpdate({
        target: [budgets.orgId, budgets.year, budgets.categoryId],
        set: { amountFen: v.amountFen, note: v.note, updatedBy: v.updatedBy, updatedAt: new Date() },
      })
      .returning();
    return row;
  },

  insertAdjustment(exec: Executor, v: typeof budgetAdjustments.$inferInsert) {
    return exec.insert(budgetAdjustments).values(v).returning();
  },

  async findAdjustmentForUpdate(exec: Executor, orgId: string, id: string) {
    const [row] = await exec
      .select()
      .from(budgetAdjustments)
      .where(and(eq(budgetAdjustments.orgId, orgId), eq(budgetAdjustments.id, id)))
      .for('update');
    return row;
  },

  async decideAdjustment(
    exec: Executor,
    id: string,
    v: {
      status: 'approved' | 'refused';
      decidedBy: string | null;
      decidedByName: string | null;
      decisionNote: string | null;
    },
  ) {
    const [row] = await exec
      .update(budgetAdjustments)
      .set({ ...v, decidedAt: new Date() })
      .where(eq(budgetAdjustments.id, id))
      .returning();
    return row;
  },

  listAdjustments(exec: Executor, orgId: string, year: number) {
    return exec
      .select()
      .from(budgetAdjustments)
      .where(and(eq(budgetAdjustments.orgId, orgId), eq(budgetAdjustments.year, year)))
      .orderBy(sql`${budgetAdjustments.createdAt} desc`);
  },
};
