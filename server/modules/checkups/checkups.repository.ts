import { and, asc, count, desc, eq, gt, inArray, isNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { Attendance, CheckupStatus } from '../../../common/schemas/checkup.js';
import type { Executor } from '../../db/client.js';
import {
  checkupBatches,
  checkupParticipants,
  checkupProgrammes,
  departments,
  members,
} from '../../db/schema/index.js';
import { escapeLike } from '../../lib/like.js';
import { eligibilityBounds } from './checkups.eligibility.js';

// The only place checkup SQL lives; every query is scoped by org.

export type ProgrammeRow = typeof checkupProgrammes.$inferSelect;
export type NewProgramme = typeof checkupProgrammes.$inferInsert;
export type BatchRow = typeof checkupBatches.$inferSelect;
export type ParticipantRow = typeof checkupParticipants.$inferSelect;

export interface ParticipantFilter {
  departmentId?: string;
  batchId?: string;
  attendance?: Attendance;
  followUp?: boolean;
  q?: string;
}

type Rules = Pick<
  ProgrammeRow,
  | 'referenceDate'
  | 'employmentTypes'
  | 'minServiceYears'
  | 'minAge'
  | 'maxAge'
  | 'statuses'
  | 'womenExtraItems'
>;

/** The roster rows a programme's rules select. */
function eligibleWhere(orgId: string, rules: Rules): SQL {
  const b = eligibilityBounds(rules);
  return and(
    eq(members.orgId, orgId),
    inArray(members.status, rules.statuses),
    rules.employmentTypes.length ? inArray(members.employmentType, rules.employmentTypes) : undefined,
    b.bornOnOrBefore ? lte(members.birthDate, b.bornOnOrBefore) : undefined,
    b.bornAfter ? gt(members.birthDate, b.bornAfter) : undefined,
    b.hiredOnOrBefore ? lte(members.hireDate, b.hiredOnOrBefore) : undefined,
  )!;
}

/** Age in whole years on the reference date, as PostgreSQL's age() counts it. */
const ageOn = (ref: string) => sql<number>`extract(year from age(${ref}::date, ${members.birthDate}))::int`;
// One array parameter (not a list of parameters), so any item text is safe.
const extraItemsOf = (items: readonly string[]) =>
  sql<
    string[]
  >`case when ${members.gender} = 'female' then ${sql.param([...items])}::text[] else '{}'::text[] end`;

function participantWhere(orgId: string, programmeId: string, f: ParticipantFilter): SQL {
  const p = checkupParticipants;
  return and(
    eq(p.orgId, orgId),
    eq(p.programmeId, programmeId),
    f.departmentId ? eq(p.departmentId, f.departmentId) : undefined,
    f.batchId === 'none' ? isNull(p.batchId) : f.batchId ? eq(p.batchId, f.batchId) : undefined,
    f.attendance ? eq(p.attendance, f.attendance) : undefined,
    f.followUp === undefined ? undefined : eq(p.followUp, f.followUp),
    f.q ? sql`${p.name} ilike ${`%${escapeLike(f.q)}%`}` : undefined,
  )!;
}

export const checkupsRepository = {
  async insertProgramme(exec: Executor, values: NewProgramme) {
    const [row] = await exec.insert(checkupProgrammes).values(values).onConflictDoNothing().returning();
    return row as ProgrammeRow | undefined;
  },

  async findProgramme(exec: Executor, orgId: string, id: string, lock = false) {
    const q = exec
      .select()
      .from(checkupProgrammes)
      .where(and(eq(checkupProgrammes.orgId, orgId), eq(checkupProgrammes.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row as ProgrammeRow | undefined;
  },

  async updateProgramme(exec: Executor, orgId: string, id: string, values: Partial<NewProgramme>) {
    const [row] = await exec
      .update(checkupProgrammes)
      .set({ ...values, updatedAt: new Date(), version: sql`${checkupProgrammes.version} + 1` })
      .where(and(eq(checkupProgrammes.orgId, orgId), eq(checkupProgrammes.id, id)))
      .returning();
    return row as ProgrammeRow;
  },

  async deleteProgramme(exec: Executor, orgId: string, id: string) {
    await exec
      .delete(checkupProgrammes)
      .where(and(eq(checkupProgrammes.orgId, orgId), eq(checkupProgrammes.id, id)));
  },

  async listProgrammes(
    exec: Executor,
    orgId: string,
    f: { year?: number; status?: CheckupStatus[] },
    limit: number,
    offset: number,
  ) {
    const where = and(
      eq(checkupProgrammes.orgId, orgId),
      f.year ? eq(checkupProgrammes.year, f.year) : undefined,
      f.status?.length ? inArray(checkupProgrammes.status, f.status) : undefined,
    );
    const [rows, [{ total }]] = await Promise.all([
      exec
        .select()
        .from(checkupProgrammes)
        .where(where)
        .orderBy(desc(checkupProgrammes.year), desc(checkupProgrammes.createdAt))
        .limit(limit)
        .offset(offset),
      exec.select({ total: count() }).from(checkupProgrammes).where(where),
    ]);
    return { rows, total };
  },

  /** Attendance and follow-up counts per programme, from the frozen list. */
  async counts(exec: Executor, orgId: string, programmeIds: string[]) {
    if (!programmeIds.length) return [];
    const p = checkupParticipants;
    return exec
      .select({
        programmeId: p.programmeId,
        eligible: count(),
        assigned: sql<number>`count(${p.batchId})::int`,
        attended: sql<number>`count(*) filter (where ${p.attendance} = 'attended')::int`,
        absent: sql<number>`count(*) filter (where ${p.attendance} = 'absent')::int`,
        rescheduled: sql<number>`count(*) filter (where ${p.attendance} = 'rescheduled')::int`,
        followUps: sql<number>`count(*) filter (where ${p.followUp})::int`,
      })
      .from(p)
      .where(and(eq(p.orgId, orgId), inArray(p.programmeId, programmeIds)))
      .groupBy(p.programmeId);
  },

  async eligibleCount(exec: Executor, orgId: string, rules: Rules) {
    const [{ n }] = await exec.select({ n: count() }).from(members).where(eligibleWhere(orgId, rules));
    return n;
  },

  async eligibleRows(exec: Executor, orgId: string, rules: Rules, limit: number) {
    return exec
      .select({
        memberId: members.id,
        name: members.name,
        gender: members.gender,
        age: ageOn(rules.referenceDate),
        departmentId: members.departmentId,
        departmentName: departments.name,
        employmentType: members.employmentType,
        extraItems: extraItemsOf(rules.womenExtraItems),
      })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(eligibleWhere(orgId, rules))
      .orderBy(asc(departments.name), asc(members.name), asc(members.id))
      .limit(limit);
  },

  /** Copies the eligible roster rows into the programme's list in one statement; returns how many. */
  async freezeEligible(exec: Executor, programme: ProgrammeRow) {
    const rows = exec
      .select({
        orgId: sql`${programme.orgId}::uuid`,
        programmeId: sql`${programme.id}::uuid`,
        memberId: members.id,
        name: members.name,
        gender: members.gender,
        age: ageOn(programme.referenceDate),
        departmentId: members.departmentId,
        departmentName: departments.name,
        employmentType: members.employmentType,
        extraItems: extraItemsOf(programme.womenExtraItems),
      })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(eligibleWhere(programme.orgId, programme));
    const res = await exec.execute(
      sql`insert into ${checkupParticipants} (org_id, programme_id, member_id, name, gender, age, department_id, department_name, employment_type, extra_items) ${rows}`,
    );
    return res.rowCount ?? 0;
  },

  async listBatches(exec: Executor, orgId: string, programmeId: string) {
    const p = checkupParticipants;
    const b = checkupBatches;
    return exec
      .select({
        batch: b,
        assigned: sql<number>`count(${p.id})::int`,
        attended: sql<number>`count(${p.id}) filter (where ${p.attendance} = 'attended')::int`,
      })
      .from(b)
      .leftJoin(p, and(eq(p.orgId, b.orgId), eq(p.batchId, b.id)))
      .where(and(eq(b.orgId, orgId), eq(b.programmeId, programmeId)))
      .groupBy(b.id)
      .orderBy(asc(b.date), asc(b.timeSlot), asc(b.createdAt));
  },

  async insertBatch(exec: Executor, values: typeof checkupBatches.$inferInsert) {
    const [row] = await exec.insert(checkupBatches).values(values).returning();
    return row;
  },

  async findBatch(exec: Executor, orgId: string, programmeId: string, id: string, lock = false) {
    const q = exec
      .select()
      .from(checkupBatches)
      .where(
        and(
          eq(checkupBatches.orgId, orgId),
          eq(checkupBatches.programmeId, programmeId),
          eq(checkupBatches.id, id),
        ),
      );
    const [row] = lock ? await q.for('update') : await q;
    return row as BatchRow | undefined;
  },

  async updateBatch(exec: Executor, orgId: string, id: string, values: Partial<BatchRow>) {
    const [row] = await exec
      .update(checkupBatches)
      .set(values)
      .where(and(eq(checkupBatches.orgId, orgId), eq(checkupBatches.id, id)))
      .returning();
    return row;
  },

  async deleteBatch(exec: Executor, orgId: string, id: string) {
    await exec.delete(checkupBatches).where(and(eq(checkupBatches.orgId, orgId), eq(checkupBatches.id, id)));
  },

  async batchLoad(exec: Executor, orgId: string, batchId: string) {
    const p = checkupParticipants;
    const [{ assigned, attended }] = await exec
      .select({
        assigned: count(),
        attended: sql<number>`count(*) filter (where ${p.attendance} = 'attended')::int`,
      })
      .from(p)
      .where(and(eq(p.orgId, orgId), eq(p.batchId, batchId)));
    return { assigned, attended };
  },

  /** The participants an assignment would move into a batch (not those already in it). */
  async assignable(
    exec: Executor,
    orgId: string,
    programmeId: string,
    batchId: string,
    sel: { departmentIds: string[]; participantIds: string[]; onlyUnassigned: boolean },
  ) {
    const p = checkupParticipants;
    const byDept = sel.departmentIds.length
      ? and(inArray(p.departmentId, sel.departmentIds), sel.onlyUnassigned ? isNull(p.batchId) : undefined)
      : undefined;
    const byId = sel.participantIds.length ? inArray(p.id, sel.participantIds) : undefined;
    return exec
      .select({ id: p.id })
      .from(p)
      .where(
        and(
          eq(p.orgId, orgId),
          eq(p.programmeId, programmeId),
          sql`(${byDept ?? sql`false`} or ${byId ?? sql`false`})`,
          sql`${p.batchId} is distinct from ${batchId}`,
          ne(p.attendance, 'attended'),
        ),
      )
      .for('update');
  },

  /** Moving into a batch makes an absent or rescheduled person due again. */
  async setBatch(exec: Executor, orgId: string, ids: string[], batchId: string) {
    if (!ids.length) return;
    await exec
      .update(checkupParticipants)
      .set({ batchId, attendance: 'pending', attendanceAt: null })
      .where(and(eq(checkupParticipants.orgId, orgId), inArray(checkupParticipants.id, ids)));
  },

  async findParticipants(exec: Executor, orgId: string, programmeId: string, ids: string[]) {
    return exec
      .select()
      .from(checkupParticipants)
      .where(
        and(
          eq(checkupParticipants.orgId, orgId),
          eq(checkupParticipants.programmeId, programmeId),
          inArray(checkupParticipants.id, ids),
        ),
      )
      .for('update');
  },

  async setAttendance(exec: Executor, orgId: string, ids: string[], attendance: Attendance) {
    await exec
      .update(checkupParticipants)
      .set({ attendance, attendanceAt: attendance === 'pending' ? null : new Date() })
      .where(and(eq(checkupParticipants.orgId, orgId), inArray(checkupParticipants.id, ids)));
  },

  async updateParticipant(exec: Executor, orgId: string, id: string, values: Partial<ParticipantRow>) {
    const [row] = await exec
      .update(checkupParticipants)
      .set(values)
      .where(and(eq(checkupParticipants.orgId, orgId), eq(checkupParticipants.id, id)))
      .returning();
    return row;
  },

  async listParticipants(
    exec: Executor,
    orgId: string,
    programmeId: string,
    f: ParticipantFilter,
    limit: number,
    offset: number,
  ) {
    const p = checkupParticipants;
    const where = participantWhere(orgId, programmeId, f);
    const [rows, [{ total }]] = await Promise.all([
      exec
        .select({ participant: p, batch: checkupBatches })
        .from(p)
        .leftJoin(checkupBatches, eq(checkupBatches.id, p.batchId))
        .where(where)
        .orderBy(asc(p.departmentName), asc(p.name), asc(p.id))
        .limit(limit)
        .offset(offset),
      exec.select({ total: count() }).from(p).where(where),
    ]);
    return { rows, total };
  },

  /** The whole list for the checkup centre, with the roster's ID number. */
  async exportRows(exec: Executor, orgId: string, programmeId: string) {
    const p = checkupParticipants;
    return exec
      .select({
        participant: p,
        batch: checkupBatches,
        idNumberEnc: members.idNumberEnc,
        idNumberMasked: members.idNumberMasked,
      })
      .from(p)
      .innerJoin(members, eq(members.id, p.memberId))
      .leftJoin(checkupBatches, eq(checkupBatches.id, p.batchId))
      .where(and(eq(p.orgId, orgId), eq(p.programmeId, programmeId)))
      .orderBy(asc(p.departmentName), asc(p.name), asc(p.id));
  },

  /** A member's own rows on published or closed programmes. */
  async ofMember(exec: Executor, orgId: string, memberId: string) {
    const p = checkupParticipants;
    return exec
      .select({ participant: p, programme: checkupProgrammes, batch: checkupBatches })
      .from(p)
      .innerJoin(checkupProgrammes, eq(checkupProgrammes.id, p.programmeId))
      .leftJoin(checkupBatches, eq(checkupBatches.id, p.batchId))
      .where(and(eq(p.orgId, orgId), eq(p.memberId, memberId), ne(checkupProgrammes.status, 'draft')))
      .orderBy(desc(checkupProgrammes.year), desc(checkupProgrammes.createdAt));
  },
};
