import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { fundCategories } from '../../db/schema/index.js';

export type FundCategory = typeof fundCategories.$inferSelect;

export const categoriesRepository = {
  list(exec: Executor, orgId: string) {
    return exec
      .select()
      .from(fundCategories)
      .where(eq(fundCategories.orgId, orgId))
      .orderBy(asc(fundCategories.kind), asc(fundCategories.sort), asc(fundCategories.code));
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<FundCategory | undefined> {
    const [row] = await exec
      .select()
      .from(fundCategories)
      .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.id, id)));
    return row;
  },

  async findByCode(exec: Executor, orgId: string, code: string): Promise<FundCategory | undefined> {
    const [row] = await exec
      .select()
      .from(fundCategories)
      .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.code, code)));
    return row;
  },

  async hasChildren(exec: Executor, orgId: string, id: string): Promise<boolean> {
    const [row] = await exec
      .select({ id: fundCategories.id })
      .from(fundCategories)
      .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.parentId, id)))
      .limit(1);
    return !!row;
  },

  /** Whether money was booked, budgeted or requested on the category (it then cannot get children). */
  async isUsed(exec: Executor, orgId: string, id: string): Promise<boolean> {
    const res = await exec.execute<{ used: boolean }>(sql`
      select exists (select 1 from ledger_entries where org_id = ${orgId} and category_id = ${id})
          or exists (select 1 from budgets where org_id = ${orgId} and category_id = ${id})
          or exists (select 1 from expense_requests where org_id = ${orgId} and category_id = ${id}) as used
    `);
    return res.rows[0].used;
  },

  async nextChildCode(exec: Executor, orgId: string, parent: FundCategory): Promise<string> {
    const res = await exec.execute<{ n: number }>(sql`
      select count(*)::int as n from fund_categories
      where org_id = ${orgId} and parent_id = ${parent.id} and not built_in
    `);
    // Built-in detail lines use 01..09; a union's own ones continue from 11.
    return `${parent.code}${String(11 + res.rows[0].n).padStart(2, '0')}`;
  },

  async insert(exec: Executor, v: typeof fundCategories.$inferInsert) {
    const [row] = await exec.insert(fundCategories).values(v).returning();
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, v: Partial<typeof fundCategories.$inferInsert>) {
    const [row] = await exec
      .update(fundCategories)
      .set(v)
      .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.id, id)))
      .returning();
    return row;
  },
};
