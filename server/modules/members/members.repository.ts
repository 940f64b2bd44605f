import { and, asc, count, desc, eq, ilike, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { MembershipStatus } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { departments, importJobs, members, membershipEvents, unionGroups } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/like.js';

// The only place member SQL lives. Every query is scoped by org, and by a department set when the
// caller's role is department-scoped (`scope`: null means the whole org).

export type MemberRow = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type NewMembershipEvent = typeof membershipEvents.$inferInsert;
export type ImportJobRow = typeof importJobs.$inferSelect;
export type Scope = readonly string[] | null;

export interface MemberFilter {
  q?: string;
  /** Whether q may match phone numbers (only for users who may see them). */
  qPhone?: boolean;
  /** The chosen department with its sub-departments. */
  departmentIds?: readonly string[];
  unionGroupId?: string;
  employmentType?: string;
  status?: string;
  joinedYear?: number;
}

export type MemberSort = 'name' | 'memberNo' | 'joinedAt' | 'hireDate' | 'createdAt';

const STAFF_STATUSES: MembershipStatus[] = ['nonMember', 'applied', 'member'];
const CHUNK = 1000;

function scoped(orgId: string, scope: Scope): SQL {
  return and(eq(members.orgId, orgId), scope ? inArray(members.departmentId, [...scope]) : undefined)!;
}

function filterWhere(orgId: string, scope: Scope, f: MemberFilter): SQL {
  const q = f.q?.trim();
  return and(
    scoped(orgId, scope),
    q
      ? or(
          ilike(members.name, `%${escapeLike(q)}%`),
          ilike(members.memberNo, `${escapeLike(q)}%`),
          f.qPhone ? like(members.phone, `${escapeLike(q)}%`) : undefined,
        )
      : undefined,
    f.departmentIds ? inArray(members.departmentId, [...f.departmentIds]) : undefined,
    f.unionGroupId ? eq(members.unionGroupId, f.unionGroupId) : undefined,
    f.employmentType ? eq(members.employmentType, f.employmentType) : undefined,
    f.status ? eq(members.status, f.status) : undefined,
    f.joinedYear
      ? sql`${members.joinedAt} between ${`${f.joinedYear}-01-01`} and ${`${f.joinedYear}-12-31`}`
      : undefined,
  )!;
}

const withNames = {
  member: members,
  departmentName: departments.name,
  unionGroupName: unionGroups.name,
};
export type MemberWithNames = { member: MemberRow; departmentName: string; unionGroupName: string | null };

function selectWithNames(exec: Executor) {
  return exec
    .select(withNames)
    .from(members)
    .innerJoin(departments, eq(departments.id, members.departmentId))
    .leftJoin(unionGroups, eq(unionGroups.id, members.unionGroupId));
}

const SORT_COLUMNS = {
  name: members.name,
  memberNo: members.memberNo,
  joinedAt: members.joinedAt,
  hireDate: members.hireDate,
  createdAt: members.createdAt,
};

export const membersRepository = {
  async list(
    exec: Executor,
    orgId: string,
    scope: Scope,
    f: MemberFilter,
    page: { sort: MemberSort; order: 'asc' | 'desc'; limit: number; offset: number },
  ): Promise<MemberWithNames[]> {
    const col = SORT_COLUMNS[page.sort];
    const order = [
      sql`${col} ${sql.raw(page.order)} nulls last`,
      page.order === 'asc' ? asc(members.id) : desc(members.id),
    ];
    // The page's ids first, from the members table alone: a deep page skips its offset rows without
    // reading their whole records or joining their names (page 50 of 10,000: 3.7 → 1.7 ms).
    const pageIds = exec
      .select({ id: members.id })
      .from(members)
      .where(filterWhere(orgId, scope, f))
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset);
    return selectWithNames(exec)
      .where(and(eq(members.orgId, orgId), inArray(members.id, pageIds)))
      .orderBy(...order);
  },

  async count(exec: Executor, orgId: string, scope: Scope, f: MemberFilter): Promise<number> {
    const [{ n }] = await exec
      .select({ n: count() })
      .from(members)
      .where(filterWhere(orgId, scope, f));
    return n;
  },

  /** Every member the filter selects, for an export: department order, then name. */
  async listAll(exec: Executor, orgId: string, scope: Scope, f: MemberFilter): Promise<MemberWithNames[]> {
    return selectWithNames(exec)
      .where(filterWhere(orgId, scope, f))
      .orderBy(departments.sort, departments.name, members.name, members.id);
  },

  async findById(
    exec: Executor,
    orgId: string,
    id: string,
    scope: Scope,
  ): Promise<MemberWithNames | undefined> {
    const [row] = await selectWithNames(exec).where(and(scoped(orgId, scope), eq(members.id, id)));
    return row;
  },

  async existsInOrg(exec: Executor, orgId: string, id: string): Promise<boolean> {
    const [row] = await exec
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, id)));
    return !!row;
  },

  /** Locks the row for the rest of the transaction (a status change reads, checks, then writes). */
  async lockById(exec: Executor, orgId: string, id: string, scope: Scope): Promise<MemberRow | undefined> {
    const [row] = await exec
      .select()
      .from(members)
      .where(and(scoped(orgId, scope), eq(members.id, id)))
      .for('update');
    return row;
  },

  /** Members of the org holding any of the given ID hashes, in chunks so a 10,000-row import stays within limits. */
  findByHashes(exec: Executor, orgId: string, hashes: readonly string[]) {
    return findIn(exec, orgId, members.idNumberHash, hashes);
  },

  findByMemberNos(exec: Executor, orgId: string, nos: readonly string[]) {
    return findIn(exec, orgId, members.memberNo, nos);
  },

  async insert(exec: Executor, values: NewMember): Promise<MemberRow> {
    const [row] = await exec.insert(members).values(values).returning();
    return row;
  },

  /** Multi-row inserts in chunks: one statement per thousand rows, not one per row. */
  async insertMany(exec: Executor, values: NewMember[]): Promise<{ id: string; hash: string }[]> {
    const out: { id: string; hash: string }[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      out.push(
        ...(await exec
          .insert(members)
          .values(values.slice(i, i + CHUNK))
          .returning({ id: members.id, hash: members.idNumberHash })),
      );
    }
    return out;
  },

  /**
   * Updates existing members matched by ID number hash from imported rows, in chunks. A blank
   * optional cell keeps the stored value; status and the membership history are left alone.
   */
  async updateManyByHash(exec: Executor, values: NewMember[]): Promise<number> {
    const keep = (col: string) => sql.raw(`coalesce(excluded.${col}, members.${col})`);
    let n = 0;
    for (let i = 0; i < values.length; i += CHUNK) {
      const rows = await exec
        .insert(members)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [members.orgId, members.idNumberHash],
          set: {
            name: sql.raw('excluded.name'),
            gender: sql.raw('excluded.gender'),
            birthDate: sql.raw('excluded.birth_date'),
            departmentId: sql.raw('excluded.department_id'),
            unionGroupId: sql.raw('excluded.union_group_id'),
            employmentType: sql.raw('excluded.employment_type'),
            ethnicity: keep('ethnicity'),
            politicalStatus: keep('political_status'),
            education: keep('education'),
            phone: keep('phone'),
            jobTitle: keep('job_title'),
            hireDate: keep('hire_date'),
            joinedAt: keep('joined_at'),
            memberNo: keep('member_no'),
            notes: keep('notes'),
            version: sql`${members.version} + 1`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: members.id });
      n += rows.length;
    }
    return n;
  },

  /** Optimistic lock: updates only when the version still matches, and bumps it. */
  async update(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    values: Partial<NewMember>,
  ): Promise<MemberRow | undefined> {
    const [row] = await exec
      .update(members)
      .set({ ...values, version: sql`${members.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(members.orgId, orgId), eq(members.id, id), eq(members.version, version)))
      .returning();
    return row;
  },

  async insertEvents(exec: Executor, events: NewMembershipEvent[]) {
    for (let i = 0; i < events.length; i += CHUNK) {
      await exec.insert(membershipEvents).values(events.slice(i, i + CHUNK));
    }
  },

  async history(exec: Executor, orgId: string, memberId: string) {
    return exec
      .select()
      .from(membershipEvents)
      .where(and(eq(membershipEvents.orgId, orgId), eq(membershipEvents.memberId, memberId)))
      .orderBy(desc(membershipEvents.createdAt), desc(membershipEvents.id));
  },

  /**
   * The next free card number 'GH' + year + five-digit sequence. Takes a per-org transaction lock,
   * so two approvals at the same moment cannot draw the same number.
   */
  async nextMemberNo(exec: Executor, orgId: string, year: number): Promise<string> {
    await exec.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`member_no:${orgId}`}, 0))`);
    const prefix = `GH${year}`;
    const r = await exec.execute<{ max: number | null }>(sql`
      select max(substring(member_no from ${prefix.length + 1}::int)::int) as max
      from members where org_id = ${orgId} and member_no ~ ${`^${prefix}[0-9]{5,6}$`}`);
    const next = (r.rows[0]?.max ?? 0) + 1;
    return `${prefix}${String(next).padStart(5, '0')}`;
  },

  async stats(exec: Executor, orgId: string, scope: Scope) {
    const staff = sql<number>`count(*) filter (where ${inArray(members.status, STAFF_STATUSES)})`.mapWith(
      Number,
    );
    const memberCount = sql<number>`count(*) filter (where ${members.status} = 'member')`.mapWith(Number);
    const applied = sql<number>`count(*) filter (where ${members.status} = 'applied')`.mapWith(Number);
    const byDepartment = await exec
      .select({ key: members.departmentId, label: departments.name, staff, members: memberCount, applied })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(scoped(orgId, scope))
      .groupBy(members.departmentId, departments.name, departments.sort)
      .orderBy(departments.sort, departments.name);
    const byEmploymentType = await exec
      .select({ key: members.employmentType, staff, members: memberCount, applied })
      .from(members)
      .where(scoped(orgId, scope))
      .groupBy(members.employmentType);
    return { byDepartment, byEmploymentType };
  },

  // Import jobs.

  async insertImportJob(exec: Executor, values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
    const [row] = await exec.insert(importJobs).values(values).returning();
    return row;
  },

  async lockImportJob(exec: Executor, orgId: string, userId: string, id: string) {
    const [row] = await exec
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.orgId, orgId), eq(importJobs.userId, userId), eq(importJobs.id, id)))
      .for('update');
    return row;
  },

  /** Marks a job committed and drops its staged rows: the ID numbers need not be kept twice. */
  async markImportCommitted(exec: Executor, id: string) {
    await exec
      .update(importJobs)
      .set({ committedAt: sql`now()`, payloadEnc: Buffer.alloc(0) })
      .where(eq(importJobs.id, id));
  },

  /** Uncommitted jobs left behind for longer than the given hours are deleted with their rows. */
  async purgeStaleImportJobs(exec: Executor, orgId: string, hours: number) {
    await exec
      .delete(importJobs)
      .where(
        and(
          eq(importJobs.orgId, orgId),
          isNull(importJobs.committedAt),
          sql`${importJobs.createdAt} < now() - make_interval(hours => ${hours})`,
        ),
      );
  },
};

async function findIn(
  exec: Executor,
  orgId: string,
  column: typeof members.idNumberHash | typeof members.memberNo,
  values: readonly string[],
) {
  const out: { id: string; hash: string; name: string; memberNo: string | null }[] = [];
  for (let i = 0; i < values.length; i += CHUNK * 5) {
    const part = values.slice(i, i + CHUNK * 5);
    out.push(
      ...(await exec
        .select({
          id: members.id,
          hash: members.idNumberHash,
          name: members.name,
          memberNo: members.memberNo,
        })
        .from(members)
        .where(and(eq(members.orgId, orgId), inArray(column, [...part])))),
    );
  }
  return out;
}
