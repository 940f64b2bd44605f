import { and, asc, between, count, desc, eq, gt, ilike, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { HardshipLevel, HardshipListQuery } from '../../../common/schemas/hardship.js';
import type { Executor } from '../../db/client.js';
import {
  departments,
  hardshipDocuments,
  hardshipEvents,
  hardshipFiles,
  members,
} from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';
import { offsetOf } from '../../lib/pagination.js';
import { sealedDocuments } from '../../lib/sealedDocuments.js';

// The only place hardship-file SQL lives; every query is scoped by org.

export type HardshipFileRow = typeof hardshipFiles.$inferSelect;
export type NewHardshipFile = typeof hardshipFiles.$inferInsert;
export type HardshipEventRow = typeof hardshipEvents.$inferSelect;
export type NewHardshipEvent = typeof hardshipEvents.$inferInsert;

const listColumns = {
  file: hardshipFiles,
  memberName: members.name,
  departmentId: members.departmentId,
  departmentName: departments.name,
  idNumberMasked: members.idNumberMasked,
};
export type HardshipFileWithNames = {
  file: HardshipFileRow;
  memberName: string;
  departmentId: string;
  departmentName: string;
  idNumberMasked: string;
};

export const hardshipRepository = {
  /** Inserts the file; undefined when the member already has an active one (partial unique index). */
  async insert(exec: Executor, values: NewHardshipFile): Promise<HardshipFileRow | undefined> {
    const [row] = await exec.insert(hardshipFiles).values(values).onConflictDoNothing().returning();
    return row;
  },

  async find(exec: Executor, orgId: string, id: string): Promise<HardshipFileWithNames | undefined> {
    const [row] = await exec
      .select(listColumns)
      .from(hardshipFiles)
      .innerJoin(members, eq(members.id, hardshipFiles.memberId))
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.id, id)));
    return row;
  },

  async findForUpdate(exec: Executor, orgId: string, id: string): Promise<HardshipFileRow | undefined> {
    const [row] = await exec
      .select()
      .from(hardshipFiles)
      .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.id, id)))
      .for('update');
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, values: Partial<NewHardshipFile>) {
    const [row] = await exec
      .update(hardshipFiles)
      .set({ ...values, version: sql`${hardshipFiles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.id, id)))
      .returning();
    return row;
  },

  async list(exec: Executor, orgId: string, q: HardshipListQuery, dueBy: string) {
    const where = and(
      eq(hardshipFiles.orgId, orgId),
      q.status ? eq(hardshipFiles.status, q.status) : undefined,
      q.level ? eq(hardshipFiles.level, q.level) : undefined,
      q.departmentId ? eq(members.departmentId, q.departmentId) : undefined,
      q.reviewDue === true
        ? and(eq(hardshipFiles.status, 'active'), lte(hardshipFiles.nextReviewOn, dueBy))
        : undefined,
      q.activeOn
        ? and(
            lte(hardshipFiles.registeredOn, q.activeOn),
            or(isNull(hardshipFiles.closedOn), gt(hardshipFiles.closedOn, q.activeOn)),
          )
        : undefined,
      q.registeredYear
        ? between(hardshipFiles.registeredOn, `${q.registeredYear}-01-01`, `${q.registeredYear}-12-31`)
        : undefined,
      q.q ? ilike(members.name, containsPattern(q.q)) : undefined,
    );
    const base = () =>
      exec
        .select(listColumns)
        .from(hardshipFiles)
        .innerJoin(members, eq(members.id, hardshipFiles.memberId))
        .innerJoin(departments, eq(departments.id, members.departmentId))
        .where(where);
    const [rows, [total]] = await Promise.all([
      base()
        .orderBy(asc(hardshipFiles.status), asc(hardshipFiles.nextReviewOn), asc(hardshipFiles.id))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
      exec
        .select({ n: count() })
        .from(hardshipFiles)
        .innerJoin(members, eq(members.id, hardshipFiles.memberId))
        .where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  /** Counts by status and level, and active files due for review by `dueBy`. */
  async summary(exec: Executor, orgId: string, dueBy: string) {
    return exec
      .select({
        status: hardshipFiles.status,
        level: hardshipFiles.level,
        n: count(),
        due: sql<number>`count(*) filter (where ${hardshipFiles.nextReviewOn} <= ${dueBy})::int`,
      })
      .from(hardshipFiles)
      .where(eq(hardshipFiles.orgId, orgId))
      .groupBy(hardshipFiles.status, hardshipFiles.level) as Promise<
      { status: 'active' | 'closed'; level: HardshipLevel; n: number; due: number }[]
    >;
  },

  async otherFiles(exec: Executor, orgId: string, memberId: string, exceptId: string) {
    return exec
      .select({
        id: hardshipFiles.id,
        status: hardshipFiles.status,
        level: hardshipFiles.level,
        registeredOn: hardshipFiles.registeredOn,
        closedOn: hardshipFiles.closedOn,
      })
      .from(hardshipFiles)
      .where(
        and(
          eq(hardshipFiles.orgId, orgId),
          eq(hardshipFiles.memberId, memberId),
          ne(hardshipFiles.id, exceptId),
        ),
      )
      .orderBy(desc(hardshipFiles.registeredOn));
  },

  async insertEvent(exec: Executor, values: NewHardshipEvent): Promise<void> {
    await exec.insert(hardshipEvents).values(values);
  },

  async events(exec: Executor, orgId: string, fileId: string): Promise<HardshipEventRow[]> {
    return exec
      .select()
      .from(hardshipEvents)
      .where(and(eq(hardshipEvents.orgId, orgId), eq(hardshipEvents.fileId, fileId)))
      .orderBy(asc(hardshipEvents.createdAt), asc(hardshipEvents.id));
  },

  async memberInOrg(exec: Executor, orgId: string, memberId: string) {
    const [row] = await exec
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
    return row;
  },
};

/** Income certificates and medical records of a file, sealed. */
export const hardshipDocumentStore = sealedDocuments(hardshipDocuments, 'fileId');
