import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  expenseRequestEvents,
  expenseRequests,
  fundAttachments,
  fundCategories,
} from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export type ExpenseRequest = typeof expenseRequests.$inferSelect;
export type ExpenseRequestRow = { request: ExpenseRequest; categoryName: string };

export interface RequestFilter {
  status?: string;
  year?: number;
  categoryId?: string;
  q?: string;
  requestedBy?: string;
  /** Pending requests whose current step is one of these. */
  pendingSteps?: string[];
}

function where(orgId: string, f: RequestFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [eq(expenseRequests.orgId, orgId)];
  if (f.status) c.push(eq(expenseRequests.status, f.status as ExpenseRequest['status']));
  if (f.year) c.push(eq(expenseRequests.year, f.year));
  if (f.categoryId) c.push(eq(expenseRequests.categoryId, f.categoryId));
  if (f.requestedBy) c.push(eq(expenseRequests.requestedBy, f.requestedBy));
  if (f.pendingSteps) {
    c.push(
      eq(expenseRequests.status, 'pending'),
      inArray(sql`(${expenseRequests.steps} ->> ${expenseRequests.step})`, f.pendingSteps),
    );
  }
  if (f.q) {
    const p = containsPattern(f.q);
    c.push(
      or(ilike(expenseRequests.purpose, p), ilike(expenseRequests.payee, p), ilike(expenseRequests.no, p)),
    );
  }
  return and(...c);
}

const columns = { request: expenseRequests, categoryName: fundCategories.name };

export const expenseRequestsRepository = {
  async list(exec: Executor, orgId: string, f: RequestFilter, page: { limit: number; offset: number }) {
    const w = where(orgId, f);
    const rows = await exec
      .select(columns)
      .from(expenseRequests)
      .innerJoin(fundCategories, eq(fundCategories.id, expenseRequests.categoryId))
      .where(w)
      .orderBy(desc(expenseRequests.createdAt))
      .limit(page.limit)
      .offset(page.offset);
    const [{ total }] = await exec
      .select({ total: sql<number>`count(*)::int` })
      .from(expenseRequests)
      .where(w);
    return { rows, total };
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<ExpenseRequestRow | undefined> {
    const [row] = await exec
      .select(columns)
      .from(expenseRequests)
      .innerJoin(fundCategories, eq(fundCategories.id, expenseRequests.categoryId))
      .where(and(eq(expenseRequests.orgId, orgId), eq(expenseRequests.id, id)));
    return row;
  },

  /** The row locked for the rest of the transaction: two approvers queue here, the second sees the first's result. */
  async findForUpdate(exec: Executor, orgId: string, id: string): Promise<ExpenseRequest | undefined> {
    const [row] = await exec
      .select()
      .from(expenseRequests)
      .where(and(eq(expenseRequests.orgId, orgId), eq(expenseRequests.id, id)))
      .for('update');
    return row;
  },

  async nextNo(exec: Executor, orgId: string, year: number): Promise<string> {
    const res = await exec.execute<{ n: number }>(sql`
      select count(*)::int as n from expense_requests where org_id = ${orgId} and year = ${year}
    `);
    return `SQ${year}-${String(res.rows[0].n + 1).padStart(4, '0')}`;
  },

  async insert(exec: Executor, v: typeof expenseRequests.$inferInsert): Promise<ExpenseRequest> {
    const [row] = await exec.insert(expenseRequests).values(v).returning();
    return row;
  },

  async update(exec: Executor, id: string, v: Partial<typeof expenseRequests.$inferInsert>) {
    const [row] = await exec
      .update(expenseRequests)
      .set({ ...v, version: sql`${expenseRequests.version} + 1`, updatedAt: new Date() })
      .where(eq(expenseRequests.id, id))
      .returning();
    return row;
  },

  async insertEvent(exec: Executor, v: typeof expenseRequestEvents.$inferInsert) {
    await exec.insert(expenseRequestEvents).values(v);
  },

  events(exec: Executor, orgId: string, requestId: string) {
    return exec
      .select()
      .from(expenseRequestEvents)
      .where(and(eq(expenseRequestEvents.orgId, orgId), eq(expenseRequestEvents.requestId, requestId)))
      .orderBy(expenseRequestEvents.createdAt);
  },

  async insertAttachment(exec: Executor, v: typeof fundAttachments.$inferInsert) {
    const [row] = await exec.insert(fundAttachments).values(v).returning({
      id: fundAttachments.id,
      purpose: fundAttachments.purpose,
      fileName: fundAttachments.fileName,
      mimeType: fundAttachments.mimeType,
      sizeBytes: fundAttachments.sizeBytes,
      createdAt: fundAttachments.createdAt,
    });
    return row;
  },

  attachments(exec: Executor, orgId: string, requestIds: string[]) {
    if (!requestIds.length) return Promise.resolve([]);
    return exec
      .select({
        id: fundAttachments.id,
        requestId: fundAttachments.requestId,
        purpose: fundAttachments.purpose,
        fileName: fundAttachments.fileName,
        mimeType: fundAttachments.mimeType,
        sizeBytes: fundAttachments.sizeBytes,
        createdAt: fundAttachments.createdAt,
      })
      .from(fundAttachments)
      .where(and(eq(fundAttachments.orgId, orgId), inArray(fundAttachments.requestId, requestIds)))
      .orderBy(fundAttachments.createdAt);
  },

  async attachment(exec: Executor, orgId: string, requestId: string, id: string) {
    const [row] = await exec
      .select()
      .from(fundAttachments)
      .where(
        and(
          eq(fundAttachments.orgId, orgId),
          eq(fundAttachments.requestId, requestId),
          eq(fundAttachments.id, id),
        ),
      );
    return row;
  },
};
