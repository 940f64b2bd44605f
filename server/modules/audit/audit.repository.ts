import { and, count, desc, eq, gte, ilike, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/like.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  action?: string;
  actor?: string;
  objectType?: string;
  result?: 'success' | 'failure';
  /** Business dates, YYYY-MM-DD, read as whole days in Asia/Shanghai. */
  from?: string;
  to?: string;
}

const ZONE = 'Asia/Shanghai';

/** `%` and `_` typed by the user are literal characters, not wildcards. */

function whereOf(orgId: string, f: AuditFilter): SQL | undefined {
  return and(
    eq(auditLog.orgId, orgId),
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.actor ? ilike(auditLog.actorName, `%${escapeLike(f.actor)}%`) : undefined,
    f.objectType ? eq(auditLog.objectType, f.objectType) : undefined,
    f.result ? eq(auditLog.result, f.result) : undefined,
    // Midnight at the start of `from`, and the midnight after `to`, both Beijing time.
    f.from ? gte(auditLog.at, sql`(${f.from}::date)::timestamp at time zone ${ZONE}`) : undefined,
    f.to ? lt(auditLog.at, sql`(${f.to}::date + 1)::timestamp at time zone ${ZONE}`) : undefined,
  );
}

export const auditRepository = {
  /** Newest first; the id breaks ties between rows written in the same instant. */
  async list(exec: Executor, orgId: string, f: AuditFilter, page: { limit: number; offset: number }) {
    const where = whereOf(orgId, f);
    const rows = await exec
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset);
    const [{ n }] = await exec.select({ n: count() }).from(auditLog).where(where);
    return { rows, total: n };
  },
};
