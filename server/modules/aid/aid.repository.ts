import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../../common/permissions.js';
import type { AidState } from '../../../common/schemas/aid.js';
import type { Executor } from '../../db/client.js';
import { aidCaseEvents, aidCaseFiles, aidCases, departments, members, users } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';
import { COUNTED_STATES } from './aid.state.js';

export type AidCase = typeof aidCases.$inferSelect;
export type AidCaseWithNames = { aid: AidCase; memberName: string; departmentName: string };

export interface AidFilter {
  kind?: string;
  /** Any of these states. */
  state?: readonly string[];
  year?: number;
  q?: string | null;
  memberId?: string;
  /** Who the list is for: every case of the union, or only these (OR-ed together). */
  only?: { memberId?: string | null; departmentIds?: string[]; appliedBy?: string };
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

function where(orgId: string, f: AidFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [eq(aidCases.orgId, orgId)];
  if (f.kind) c.push(eq(aidCases.kind, f.kind));
  if (f.state?.length) c.push(inArray(aidCases.state, [...f.state]));
  if (f.year) {
    const { from, to } = yearRange(f.year);
    c.push(gte(aidCases.appliedOn, from), lt(aidCases.appliedOn, to));
  }
  if (f.q) c.push(ilike(members.name, containsPattern(f.q)));
  if (f.memberId) c.push(eq(aidCases.memberId, f.memberId));
  if (f.only) {
    const any: SQL[] = [];
    if (f.only.memberId) any.push(eq(aidCases.memberId, f.only.memberId));
    if (f.only.departmentIds?.length) any.push(inArray(aidCases.departmentId, f.only.departmentIds));
    if (f.only.appliedBy) any.push(eq(aidCases.appliedBy, f.only.appliedBy));
    c.push(any.length ? or(...any) : sql`false`);
  }
  return and(...c);
}

const columns = { aid: aidCases, memberName: members.name, departmentName: departments.name };

function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}

export const aidRepository = {
  async insert(exec: Executor, values: typeof aidCases.$inferInsert): Promise<AidCase> {
    const [row] = await exec.insert(aidCases).values(values).returning();
    return row;
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<AidCaseWithNames | undefined> {
    const [row] = await exec
      .select(columns)
      .from(aidCases)
      .innerJoin(members, eq(members.id, aidCases.memberId))
      .innerJoin(departments, eq(departments.id, aidCases.departmentId))
      .where(and(eq(aidCases.orgId, orgId), eq(aidCases.id, id)));
    return row;
  },

  async findForUpdate(exec: Executor, orgId: string, id: string): Promise<AidCase | undefined> {
    const [row] = await exec
      .select()
      .from(aidCases)
      .where(and(eq(aidCases.orgId, orgId), eq(aidCases.id, id)))
      .for('update');
    return row;
  },

  /** Applies a step if nobody else changed the case since `version`; undefined when someone did. */
  async update(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    patch: Partial<typeof aidCases.$inferInsert>,
  ): Promise<AidCase | undefined> {
    const [row] = await exec
      .update(aidCases)
      .set({ ...patch, version: sql`${aidCases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(aidCases.orgId, orgId), eq(aidCases.id, id), eq(aidCases.version, version)))
      .returning();
    return row;
  },

  async list(exec: Executor, orgId: string, f: AidFilter, page: { limit: number; offset: number }) {
    const w = where(orgId, f);
    const rows = await exec
      .select(columns)
      .from(aidCases)
      .innerJoin(members, eq(members.id, aidCases.memberId))
      .innerJoin(departments, eq(departments.id, aidCases.departmentId))
      .where(w)
      .orderBy(desc(aidCases.appliedOn), desc(aidCases.createdAt))
      .limit(page.limit)
      .offset(page.offset);
    const [{ total }] = await exec
      .select({ total: sql<number>`count(*)::int` })
      .from(aidCases)
      .innerJoin(members, eq(members.id, aidCases.memberId))
      .where(w);
    return { rows, total };
  },

  /**
   * What the member has been granted under this kind in the year of `appliedOn`, other than `exceptId`:
   * the sum of granted amounts and the number of cases from review on (refused ones do not count).
   */
  async usedThisYear(
    exec: Executor,
    orgId: string,
    memberId: string,
    kind: string,
    appliedOn: string,
    exceptId: string,
  ): Promise<{ fen: number; times: number }> {
    const { from, to } = yearRange(Number(appliedOn.slice(0, 4)));
    const [row] = await exec
      .select({
        fen: sql<number>`coalesce(sum(${aidCases.amountGrantedFen}), 0)::bigint`,
        times: sql<number>`count(*)::int`,
      })
      .from(aidCases)
      .where(
        and(
          eq(aidCases.orgId, orgId),
          eq(aidCases.memberId, memberId),
          eq(aidCases.kind, kind),
          gte(aidCases.appliedOn, from),
          lt(aidCases.appliedOn, to),
          inArray(aidCases.state, [...COUNTED_STATES]),
          ne(aidCases.id, exceptId),
        ),
      );
    return { fen: Number(row.fen), times: row.times };
  },

  /** Serialises cap checks of one member: two steps that together pass the cap cannot both commit. */
  async lockMember(exec: Executor, orgId: string, memberId: string): Promise<void> {
    await exec.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`care:cap:${orgId}${memberId}`}, 0))`,
    );
  },

  async insertEvent(exec: Executor, values: typeof aidCaseEvents.$inferInsert): Promise<void> {
    await exec.insert(aidCaseEvents).values(values);
  },

  async events(exec: Executor, orgId: string, caseId: string) {
    return exec
      .select()
      .from(aidCaseEvents)
      .where(and(eq(aidCaseEvents.orgId, orgId), eq(aidCaseEvents.caseId, caseId)))
      .orderBy(asc(aidCaseEvents.createdAt));
  },

  /** The files of a case, without their content. */
  async files(exec: Executor, orgId: string, caseId: string) {
    return exec
      .select({
        id: aidCaseFiles.id,
        itemKey: aidCaseFiles.itemKey,
        fileName: aidCaseFiles.fileName,
        sizeBytes: aidCaseFiles.sizeBytes,
        createdAt: aidCaseFiles.createdAt,
      })
      .from(aidCaseFiles)
      .where(and(eq(aidCaseFiles.orgId, orgId), eq(aidCaseFiles.caseId, caseId)))
      .orderBy(asc(aidCaseFiles.createdAt));
  },

  async insertFile(exec: Executor, values: typeof aidCaseFiles.$inferInsert) {
    const [row] = await exec.insert(aidCaseFiles).values(values).returning({
      id: aidCaseFiles.id,
      itemKey: aidCaseFiles.itemKey,
      fileName: aidCaseFiles.fileName,
      sizeBytes: aidCaseFiles.sizeBytes,
      createdAt: aidCaseFiles.createdAt,
    });
    return row;
  },

  async file(exec: Executor, orgId: string, caseId: string, id: string) {
    const [row] = await exec
      .select()
      .from(aidCaseFiles)
      .where(and(eq(aidCaseFiles.orgId, orgId), eq(aidCaseFiles.caseId, caseId), eq(aidCaseFiles.id, id)));
    return row;
  },

  async deleteFile(exec: Executor, orgId: string, caseId: string, id: string): Promise<boolean> {
    const rows = await exec
      .delete(aidCaseFiles)
      .where(and(eq(aidCaseFiles.orgId, orgId), eq(aidCaseFiles.caseId, caseId), eq(aidCaseFiles.id, id)))
      .returning({ id: aidCaseFiles.id });
    return rows.length > 0;
  },

  /** Cases on public notice on `day`: the minimal fields only. */
  async notices(exec: Executor, orgId: string, day: string) {
    return exec
      .select({
        id: aidCases.id,
        memberName: members.name,
        departmentName: departments.name,
        kind: aidCases.kind,
        amountFen: aidCases.amountGrantedFen,
        noticeFrom: aidCases.noticeFrom,
        noticeUntil: aidCases.noticeUntil,
      })
      .from(aidCases)
      .innerJoin(members, eq(members.id, aidCases.memberId))
      .innerJoin(departments, eq(departments.id, aidCases.departmentId))
      .where(
        and(
          eq(aidCases.orgId, orgId),
          eq(aidCases.state, 'noticed' satisfies AidState),
          isNotNull(aidCases.noticeFrom),
          sql`${aidCases.noticeFrom} <= ${day}`,
          gte(aidCases.noticeUntil, day),
        ),
      )
      .orderBy(desc(aidCases.noticeFrom));
  },

  async member(exec: Executor, orgId: string, id: string) {
    const [row] = await exec
      .select({
        id: members.id,
        name: members.name,
        departmentId: members.departmentId,
        status: members.status,
      })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, id)));
    return row;
  },

  /** Active accounts of the union holding `permission`; with `departmentId`, only those whose scope covers it. */
  async holders(
    exec: Executor,
    orgId: string,
    permission: Permission,
    departmentId?: string,
  ): Promise<string[]> {
    const roles = rolesWith(permission);
    const scope = departmentId
      ? sql`and u.department_ids && array(
          with recursive up as (
            select id, parent_id from departments where org_id = ${orgId} and id = ${departmentId}
            union
            select d.id, d.parent_id from departments d join up on d.id = up.parent_id where d.org_id = ${orgId}
          ) select id from up)`
      : sql``;
    const r = await exec.execute<{ id: string }>(sql`
      select u.id from users u
      where u.org_id = ${orgId} and not u.disabled and u.roles && ${sql.param(roles)}::text[] ${scope}`);
    return r.rows.map((x) => x.id);
  },

  /** Holders of a role (the chair approves in person). */
  async withRole(exec: Executor, orgId: string, role: Role): Promise<string[]> {
    const rows = await exec
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.disabled, false), sql`${role} = any(${users.roles})`));
    return rows.map((r) => r.id);
  },
};
