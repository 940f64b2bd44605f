import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { fundCategories, welfareRules } from '../../db/schema/index.js';

// The only place welfare-rule SQL lives; every query is scoped by org.

export type WelfareRule = typeof welfareRules.$inferSelect;
export type NewWelfareRule = typeof welfareRules.$inferInsert;

export const welfareRulesRepository = {
  async hasAny(exec: Executor, orgId: string): Promise<boolean> {
    const [row] = await exec
      .select({ id: welfareRules.id })
      .from(welfareRules)
      .where(eq(welfareRules.orgId, orgId))
      .limit(1);
    return !!row;
  },

  async insert(exec: Executor, values: NewWelfareRule[]): Promise<WelfareRule[]> {
    return exec.insert(welfareRules).values(values).onConflictDoNothing().returning();
  },

  /** Every version with its category's name, oldest first within each code. */
  async list(exec: Executor, orgId: string, subject?: 'visit' | 'aid') {
    return exec
      .select({ rule: welfareRules, categoryName: fundCategories.name })
      .from(welfareRules)
      .leftJoin(
        fundCategories,
        and(eq(fundCategories.orgId, welfareRules.orgId), eq(fundCategories.code, welfareRules.categoryCode)),
      )
      .where(and(eq(welfareRules.orgId, orgId), subject ? eq(welfareRules.subject, subject) : undefined))
      .orderBy(asc(welfareRules.subject), asc(welfareRules.code), asc(welfareRules.effectiveFrom));
  },

  /** The version in force on a date: the latest `effective_from` ≤ it. */
  async inForce(
    exec: Executor,
    orgId: string,
    subject: 'visit' | 'aid',
    code: string,
    on: string,
  ): Promise<WelfareRule | undefined> {
    const [row] = await exec
      .select()
      .from(welfareRules)
      .where(
        and(
          eq(welfareRules.orgId, orgId),
          eq(welfareRules.subject, subject),
          eq(welfareRules.code, code),
          lte(welfareRules.effectiveFrom, on),
        ),
      )
      .orderBy(sql`${welfareRules.effectiveFrom} desc`)
      .limit(1);
    return row;
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<WelfareRule | undefined> {
    const [row] = await exec
      .select()
      .from(welfareRules)
      .where(and(eq(welfareRules.orgId, orgId), eq(welfareRules.id, id)));
    return row;
  },

  async delete(exec: Executor, orgId: string, id: string): Promise<void> {
    await exec.delete(welfareRules).where(and(eq(welfareRules.orgId, orgId), eq(welfareRules.id, id)));
  },
};
