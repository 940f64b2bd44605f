import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

// Transaction-scoped advisory locks. Keys are text hashed to 64 bits; a collision only serialises
// two unrelated transactions, it never lets two related ones through together.

const key = (k: string) => sql`hashtextextended(${k}, 0)`;

/**
 * Held exclusively by everything that spends from one category's budget in one year (posting an
 * expense, the final approval of a request), so two payments cannot both see the same remainder.
 */
export async function lockBudget(exec: Executor, orgId: string, year: number, categoryId: string) {
  await exec.execute(
    sql`select pg_advisory_xact_lock(${key(`funds:budget:${orgId}:${year}:${categoryId}`)})`,
  );
}

/** Posting holds a period shared; closing it holds it exclusively, so no entry slips in mid-close. */
export async function lockPeriodShared(exec: Executor, orgId: string, period: string) {
  await exec.execute(sql`select pg_advisory_xact_lock_shared(${key(`funds:period:${orgId}:${period}`)})`);
}

export async function lockPeriodExclusive(exec: Executor, orgId: string, period: string) {
  await exec.execute(sql`select pg_advisory_xact_lock(${key(`funds:period:${orgId}:${period}`)})`);
}

/** Serialises request numbering per org and year. */
export async function lockRequestNumbering(exec: Executor, orgId: string, year: number) {
  await exec.execute(sql`select pg_advisory_xact_lock(${key(`funds:requestNo:${orgId}:${year}`)})`);
}
