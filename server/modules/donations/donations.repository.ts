import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { departments, donationDrives, donationImports, donations, members } from '../../db/schema/index.js';

// The only place donation SQL lives; every query is scoped by org. Members and departments are read
// here (never written) to name donors and beneficiaries. Removed donations count nowhere.

export type DonationDrive = typeof donationDrives.$inferSelect;
export type NewDonationDrive = typeof donationDrives.$inferInsert;
export type Donation = typeof donations.$inferSelect;
export type NewDonation = typeof donations.$inferInsert;
export type DonationImport = typeof donationImports.$inferSelect;

const CHUNK = 1000;
const active = isNull(donations.removedAt);

/** Which drives a list takes: started in a year, in any of some statuses. */
export interface DriveFilter {
  year?: number;
  status?: DonationDrive['status'][];
}

function driveWhere(orgId: string, f: DriveFilter) {
  const where: SQL[] = [eq(donationDrives.orgId, orgId)];
  if (f.status?.length) where.push(inArray(donationDrives.status, f.status));
  if (f.year) {
    where.push(
      gte(donationDrives.startDate, `${f.year}-01-01`),
      lt(donationDrives.startDate, `${f.year + 1}-01-01`),
    );
  }
  return and(...where);
}

export interface DepartmentRow {
  departmentId: string | null;
  departmentName: string | null;
  count: number;
  totalFen: number;
  anonymousCount: number;
}

export const donationsRepository = {
  // ---- drives
  async insertDrive(exec: Executor, values: NewDonationDrive): Promise<DonationDrive> {
    const [row] = await exec.insert(donationDrives).values(values).returning();
    return row;
  },
  async findDrive(exec: Executor, orgId: string, id: string): Promise<DonationDrive | undefined> {
    const [row] = await exec
      .select()
      .from(donationDrives)
      .where(and(eq(donationDrives.orgId, orgId), eq(donationDrives.id, id)));
    return row;
  },
  /**
   * The drive, locked: 'update' for a change of status (close, handover, cancel), 'share' for adding
   * donations, so donations recorded concurrently do not wait for each other but a close waits for them.
   */
  async lockDrive(exec: Executor, orgId: string, id: string, mode: 'update' | 'share') {
    const [row] = await exec
      .select()
      .from(donationDrives)
      .where(and(eq(donationDrives.orgId, orgId), eq(donationDrives.id, id)))
      .for(mode);
    return row;
  },
  async updateDrive(exec: Executor, orgId: string, id: string, patch: Partial<NewDonationDrive>) {
    const [row] = await exec
      .update(donationDrives)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(donationDrives.orgId, orgId), eq(donationDrives.id, id)))
      .returning();
    return row;
  },
  /** Drives with their live totals, newest first. */
  async listDrives(exec: Executor, orgId: string, f: DriveFilter) {
    const where = driveWhere(orgId, f);
    const totals = exec
      .select({
        driveId: donations.driveId,
        count: count().as('count'),
        totalFen: sql<number>`coalesce(sum(${donations.amountFen}), 0)::bigint`.as('total_fen'),
      })
      .from(donations)
      .where(and(eq(donations.orgId, orgId), active))
      .groupBy(donations.driveId)
      .as('totals');
    return exec
      .select({
        drive: donationDrives,
        count: sql<number>`coalesce(${totals.count}, 0)::int`,
        totalFen: sql<number>`coalesce(${totals.totalFen}, 0)::bigint`,
      })
      .from(donationDrives)
      .leftJoin(totals, eq(totals.driveId, donationDrives.id))
      .where(where)
      .orderBy(desc(donationDrives.startDate), desc(donationDrives.createdAt));
  },

  /**
   * The donors of the drives `f` selects, each once as the year's figure counts them (a member by id,
   * anyone else by name), donations kept only; the largest givers first.
   */
  async listDonors(exec: Executor, orgId: string, f: DriveFilter, page: { limit: number; offset: number }) {
    const where = and(eq(donations.orgId, orgId), active, driveWhere(orgId, f));
    const donor = sql<string>`coalesce(${donations.memberId}::text, 'name:' || ${donations.donorName})`;
    const totalFen = sql<number>`sum(${donations.amountFen})::bigint`;
    const name = sql<string>`max(coalesce(${members.name}, ${donations.donorName}))`;
    const [rows, [{ total }]] = await Promise.all([
      exec
        .select({
          id: donor,
          memberId: sql<string | null>`max(${donations.memberId}::text)`,
          name,
          departmentName: sql<
            string | null
          >`(array_agg(${departments.name} order by ${donations.date} desc, ${donations.createdAt} desc))[1]`,
          drives: sql<number>`count(distinct ${donations.driveId})::int`,
          count: sql<number>`count(*)::int`,
          totalFen,
        })
        .from(donations)
        .innerJoin(donationDrives, eq(donationDrives.id, donations.driveId))
        .leftJoin(members, eq(members.id, donations.memberId))
        .leftJoin(departments, eq(departments.id, donations.departmentId))
        .where(where)
        .groupBy(donor)
        .orderBy(desc(totalFen), asc(name), asc(donor))
        .limit(page.limit)
        .offset(page.offset),
      exec
        .select({ total: sql<number>`count(distinct ${donor})::int` })
        .from(donations)
        .innerJoin(donationDrives, eq(donationDrives.id, donations.driveId))
        .where(where),
    ]);
    return { rows, total };
  },

  // ---- totals
  async totals(exec: Executor, orgId: string, driveId: string): Promise<{ count: number; totalFen: number }> {
    const [row] = await exec
      .select({
        count: count(),
        totalFen: sql<number>`coalesce(sum(${donations.amountFen}), 0)::bigint`,
      })
      .from(donations)
      .where(and(eq(donations.orgId, orgId), eq(donations.driveId, driveId), active));
    return { count: row?.count ?? 0, totalFen: Number(row?.totalFen ?? 0) };
  },
  /** Count and sum by department (donors without a department in one row with a null id). */
  async byDepartment(exec: Executor, orgId: string, driveId: string): Promise<DepartmentRow[]> {
    const rows = await exec
      .select({
        departmentId: donations.departmentId,
        departmentName: departments.name,
        count: count(),
        totalFen: sql<number>`sum(${donations.amountFen})::bigint`,
        anonymousCount: sql<number>`(count(*) filter (where not ${donations.nameConsent}))::int`,
      })
      .from(donations)
      .leftJoin(departments, eq(departments.id, donations.departmentId))
      .where(and(eq(donations.orgId, orgId), eq(donations.driveId, driveId), active))
      .groupBy(donations.departmentId, departments.name, departments.sort)
      .orderBy(sql`sum(${donations.amountFen}) desc`, asc(departments.name));
    return rows.map((r) => ({ ...r, totalFen: Number(r.totalFen) }));
  },
  /** The donors who agreed to be named, by department and name. */
  async namedDonors(exec: Executor, orgId: string, driveId: string) {
    return exec
      .select({
        departmentName: departments.name,
        donorName: donations.donorName,
        amountFen: donations.amountFen,
      })
      .from(donations)
      .leftJoin(departments, eq(departments.id, donations.departmentId))
      .where(
        and(
          eq(donations.orgId, orgId),
          eq(donations.driveId, driveId),
          active,
          eq(donations.nameConsent, true),
        ),
      )
      .orderBy(asc(departments.name), asc(donations.donorName), asc(donations.createdAt));
  },

  // ---- donations
  async insertDonations(exec: Executor, rows: NewDonation[]): Promise<Donation[]> {
    const out: Donation[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      out.push(
        ...(await exec
          .insert(donations)
          .values(rows.slice(i, i + CHUNK))
          .returning()),
      );
    }
    return out;
  },
  async findDonation(exec: Executor, orgId: string, driveId: string, id: string) {
    const [row] = await exec
      .select()
      .from(donations)
      .where(and(eq(donations.orgId, orgId), eq(donations.driveId, driveId), eq(donations.id, id)))
      .for('update');
    return row;
  },
  async markRemoved(exec: Executor, orgId: string, id: string, v: { reason: string; byName: string }) {
    const [row] = await exec
      .update(donations)
      .set({ removedAt: new Date(), removedReason: v.reason, removedByName: v.byName })
      .where(and(eq(donations.orgId, orgId), eq(donations.id, id)))
      .returning();
    return row;
  },
  async listDonations(
    exec: Executor,
    orgId: string,
    driveId: string,
    q: { page: number; pageSize: number; departmentId?: string; includeRemoved?: boolean },
  ) {
    const where = and(
      eq(donations.orgId, orgId),
      eq(donations.driveId, driveId),
      q.departmentId ? eq(donations.departmentId, q.departmentId) : undefined,
      q.includeRemoved ? undefined : active,
    );
    const [rows, [{ total }]] = await Promise.all([
      exec
        .select({ donation: donations, departmentName: departments.name })
        .from(donations)
        .leftJoin(departments, eq(departments.id, donations.departmentId))
        .where(where)
        .orderBy(desc(donations.date), desc(donations.createdAt), asc(donations.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      exec.select({ total: count() }).from(donations).where(where),
    ]);
    return { rows, total };
  },

  // ---- members and departments, read only
  async member(exec: Executor, orgId: string, id: string) {
    const [row] = await exec
      .select({ id: members.id, name: members.name, departmentId: members.departmentId })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, id)));
    return row;
  },
  async department(exec: Executor, orgId: string, id: string) {
    const [row] = await exec
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
    return row;
  },
  /** Everyone on the roster as the department-list import matches them: card number, name, department. */
  async memberRefs(exec: Executor, orgId: string) {
    return exec
      .select({
        id: members.id,
        name: members.name,
        memberNo: members.memberNo,
        departmentId: members.departmentId,
      })
      .from(members)
      .where(eq(members.orgId, orgId));
  },

  /** A department's roster for its list template, by name. */
  async departmentMembers(exec: Executor, orgId: string, departmentId: string) {
    return exec
      .select({ name: members.name, memberNo: members.memberNo })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.departmentId, departmentId)))
      .orderBy(asc(members.name));
  },

  // ---- staged department lists
  async insertImport(exec: Executor, values: typeof donationImports.$inferInsert): Promise<DonationImport> {
    const [row] = await exec.insert(donationImports).values(values).returning();
    return row;
  },
  async purgeStaleStaged(exec: Executor, orgId: string, hours: number) {
    await exec
      .delete(donationImports)
      .where(
        and(
          eq(donationImports.orgId, orgId),
          eq(donationImports.status, 'staged'),
          sql`${donationImports.createdAt} < now() - make_interval(hours => ${hours})`,
        ),
      );
  },
  async lockImport(exec: Executor, orgId: string, userId: string, id: string) {
    const [row] = await exec
      .select()
      .from(donationImports)
      .where(
        and(eq(donationImports.orgId, orgId), eq(donationImports.userId, userId), eq(donationImports.id, id)),
      )
      .for('update');
    return row;
  },
  async markCommitted(exec: Executor, id: string, v: { rowCount: number; totalFen: number }) {
    await exec
      .update(donationImports)
      .set({ ...v, status: 'committed', committedAt: new Date(), payloadEnc: null })
      .where(eq(donationImports.id, id));
  },
};
