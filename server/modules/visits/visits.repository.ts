import { and, count, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { departments, members, visitPhotos, visits } from '../../db/schema/index.js';

// The only place visit SQL lives; every query is scoped by org, and by department where asked.

export type Visit = typeof visits.$inferSelect;
export type NewVisit = typeof visits.$inferInsert;
/** Departments a department-scoped viewer may see; null means the whole org. */
export type Scope = readonly string[] | null;

export interface VisitFilter {
  reason?: Visit['reason'];
  departmentIds?: readonly string[];
  memberId?: string;
  from?: string;
  to?: string;
  festival?: string;
  status?: Visit['status'];
}

export interface VisitRow {
  visit: Visit;
  memberName: string;
  departmentName: string | null;
  hasPhoto: boolean;
}

const hasPhoto = sql<boolean>`exists (select 1 from ${visitPhotos} where ${visitPhotos.orgId} = ${visits.orgId} and ${visitPhotos.visitId} = ${visits.id})`;

function where(orgId: string, scope: Scope, f: VisitFilter = {}) {
  return and(
    eq(visits.orgId, orgId),
    scope ? inArray(members.departmentId, [...scope]) : undefined,
    f.departmentIds ? inArray(members.departmentId, [...f.departmentIds]) : undefined,
    f.reason ? eq(visits.reason, f.reason) : undefined,
    f.memberId ? eq(visits.memberId, f.memberId) : undefined,
    f.from ? gte(visits.visitDate, f.from) : undefined,
    f.to ? lte(visits.visitDate, f.to) : undefined,
    f.festival ? eq(visits.festival, f.festival) : undefined,
    f.status ? eq(visits.status, f.status) : undefined,
  );
}

function selectRows(exec: Executor) {
  return exec
    .select({ visit: visits, memberName: members.name, departmentName: departments.name, hasPhoto })
    .from(visits)
    .innerJoin(members, and(eq(members.orgId, visits.orgId), eq(members.id, visits.memberId)))
    .leftJoin(departments, eq(departments.id, members.departmentId));
}

export const visitsRepository = {
  async insert(exec: Executor, values: NewVisit[]): Promise<Visit[]> {
    return exec.insert(visits).values(values).returning();
  },

  async update(exec: Executor, orgId: string, id: string, values: Partial<NewVisit>): Promise<Visit> {
    const [row] = await exec
      .update(visits)
      .set({ ...values, version: sql`${visits.version} + 1` })
      .where(and(eq(visits.orgId, orgId), eq(visits.id, id)))
      .returning();
    return row;
  },

  async findRow(exec: Executor, orgId: string, id: string, scope: Scope): Promise<VisitRow | undefined> {
    const [row] = await selectRows(exec).where(and(where(orgId, scope), eq(visits.id, id)));
    return row;
  },

  async lockById(exec: Executor, orgId: string, id: string): Promise<Visit | undefined> {
    const [row] = await exec
      .select()
      .from(visits)
      .where(and(eq(visits.orgId, orgId), eq(visits.id, id)))
      .for('update');
    return row;
  },

  async list(
    exec: Executor,
    orgId: string,
    scope: Scope,
    f: VisitFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: VisitRow[]; total: number }> {
    const cond = where(orgId, scope, f);
    const [rows, [{ total }]] = await Promise.all([
      selectRows(exec)
        .where(cond)
        .orderBy(desc(visits.visitDate), desc(visits.createdAt))
        .limit(page.limit)
        .offset(page.offset),
      exec
        .select({ total: count() })
        .from(visits)
        .innerJoin(members, and(eq(members.orgId, visits.orgId), eq(members.id, visits.memberId)))
        .where(cond),
    ]);
    return { rows, total };
  },

  /**
   * What each member already had under `reason` in the calendar year: cash paid and the number of
   * visits, cancelled ones not counted. Call after taking the members' cap locks.
   */
  async usedInYear(
    exec: Executor,
    orgId: string,
    memberIds: readonly string[],
    reason: Visit['reason'],
    year: number,
  ): Promise<(memberId: string) => { fen: number; times: number }> {
    const rows = memberIds.length
      ? await exec
          .select({
            memberId: visits.memberId,
            fen: sql<number>`coalesce(sum(${visits.cashFen}), 0)::bigint`.mapWith(Number),
            times: count(),
          })
          .from(visits)
          .where(
            and(
              eq(visits.orgId, orgId),
              inArray(visits.memberId, [...memberIds]),
              eq(visits.reason, reason),
              ne(visits.status, 'cancelled'),
              gte(visits.visitDate, `${year}-01-01`),
              lte(visits.visitDate, `${year}-12-31`),
            ),
          )
          .groupBy(visits.memberId)
      : [];
    const byMember = new Map(rows.map((r) => [r.memberId, { fen: r.fen, times: r.times }]));
    return (memberId) => byMember.get(memberId) ?? { fen: 0, times: 0 };
  },

  /** Members of the org among `ids`, with name and status (for checks and ledger payees). */
  async members(exec: Executor, orgId: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return exec
      .select({ id: members.id, name: members.name, departmentId: members.departmentId })
      .from(members)
      .where(and(eq(members.orgId, orgId), inArray(members.id, [...ids])));
  },

  /** Members among `ids` who already had a visit for the festival (not cancelled). */
  async festivalVisited(exec: Executor, orgId: string, festival: string, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return exec
      .select({ memberId: visits.memberId, name: members.name })
      .from(visits)
      .innerJoin(members, eq(members.id, visits.memberId))
      .where(
        and(
          eq(visits.orgId, orgId),
          eq(visits.festival, festival),
          eq(visits.status, 'done'),
          inArray(visits.memberId, [...ids]),
        ),
      );
  },

  async photo(exec: Executor, orgId: string, visitId: string) {
    const [row] = await exec
      .select()
      .from(visitPhotos)
      .where(and(eq(visitPhotos.orgId, orgId), eq(visitPhotos.visitId, visitId)));
    return row;
  },

  /** One photo per visit: a new upload replaces the old one. */
  async putPhoto(exec: Executor, values: typeof visitPhotos.$inferInsert) {
    const [row] = await exec
      .insert(visitPhotos)
      .values(values)
      .onConflictDoUpdate({
        target: [visitPhotos.orgId, visitPhotos.visitId],
        set: {
          fileName: values.fileName,
          mimeType: values.mimeType,
          sizeBytes: values.sizeBytes,
          content: values.content,
          uploadedBy: values.uploadedBy,
          createdAt: new Date(),
        },
      })
      .returning({ id: visitPhotos.id });
    return row;
  },
};
