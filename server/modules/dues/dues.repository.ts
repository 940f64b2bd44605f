import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  departments,
  duesExemptions,
  duesImports,
  duesPayments,
  duesRates,
  fundAllocations,
  fundPeriods,
  members,
} from '../../db/schema/index.js';
import { escapeLike } from '../../lib/like.js';
import type { MemberRef } from './dues.import.js';

// The only place dues SQL lives; every query is scoped by org. The member and department tables are
// read here (never written) to match payroll rows and to name people in lists.

export type DuesImportRow = typeof duesImports.$inferSelect;
export type NewDuesPayment = typeof duesPayments.$inferInsert;
export type AllocationRow = typeof fundAllocations.$inferSelect;
const CHUNK = 1000;

export const duesRepository = {
  // ---- rates
  async listRates(exec: Executor, orgId: string) {
    return exec
      .select()
      .from(duesRates)
      .where(eq(duesRates.orgId, orgId))
      .orderBy(desc(duesRates.effectiveFrom));
  },
  async insertRate(exec: Executor, values: typeof duesRates.$inferInsert) {
    const [row] = await exec.insert(duesRates).values(values).returning();
    return row;
  },
  async deleteRate(exec: Executor, orgId: string, id: string) {
    const [row] = await exec
      .delete(duesRates)
      .where(and(eq(duesRates.orgId, orgId), eq(duesRates.id, id)))
      .returning();
    return row;
  },

  /** Whether the funds module has closed the month (its posting refuses it as well). */
  async isClosed(exec: Executor, orgId: string, month: string): Promise<boolean> {
    const [row] = await exec
      .select({ period: fundPeriods.period })
      .from(fundPeriods)
      .where(and(eq(fundPeriods.orgId, orgId), eq(fundPeriods.period, month)));
    return !!row;
  },

  // ---- members as the import and the arrears see them
  async memberRefs(exec: Executor, orgId: string): Promise<MemberRef[]> {
    return exec
      .select({
        id: members.id,
        name: members.name,
        memberNo: members.memberNo,
        idNumberHash: members.idNumberHash,
        departmentId: members.departmentId,
        departmentName: departments.name,
      })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(eq(members.orgId, orgId));
  },
  async memberName(exec: Executor, orgId: string, memberId: string) {
    const [row] = await exec
      .select({ id: members.id, name: members.name })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
    return row;
  },
  /** Name or card-number lookup for picking a member (at most 20), without any sensitive column. */
  async searchMembers(exec: Executor, orgId: string, q: string) {
    return exec
      .select({
        id: members.id,
        name: members.name,
        memberNo: members.memberNo,
        departmentName: departments.name,
      })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(
        and(
          eq(members.orgId, orgId),
          or(ilike(members.name, `%${escapeLike(q)}%`), ilike(members.memberNo, `${escapeLike(q)}%`)),
        ),
      )
      .orderBy(members.name, members.id)
      .limit(20);
  },
  /** Members who owe dues: current members, not retired (retirees are exempt by rule). */
  async payingMembers(exec: Executor, orgId: string, departmentIds?: readonly string[]) {
    return exec
      .select({
        id: members.id,
        name: members.name,
        memberNo: members.memberNo,
        joinedAt: members.joinedAt,
        departmentName: departments.name,
      })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(
        and(
          eq(members.orgId, orgId),
          eq(members.status, 'member'),
          sql`${members.employmentType} <> 'retired'`,
          departmentIds ? inArray(members.departmentId, [...departmentIds]) : undefined,
        ),
      )
      .orderBy(departments.sort, departments.name, members.name, members.id);
  },

  // ---- imports
  async insertImport(exec: Executor, values: typeof duesImports.$inferInsert) {
    const [row] = await exec.insert(duesImports).values(values).returning();
    return row;
  },
  async purgeStaleStaged(exec: Executor, orgId: string, hours: number) {
    await exec
      .delete(duesImports)
      .where(
        and(
          eq(duesImports.orgId, orgId),
          eq(duesImports.status, 'staged'),
          sql`${duesImports.createdAt} < now() - make_interval(hours => ${hours})`,
        ),
      );
  },
  async lockImport(exec: Executor, orgId: string, userId: string, id: string) {
    const [row] = await exec
      .select()
      .from(duesImports)
      .where(and(eq(duesImports.orgId, orgId), eq(duesImports.userId, userId), eq(duesImports.id, id)))
      .for('update');
    return row;
  },
  /** The committed import of a month, locked: a replacement and a second commit queue behind it. */
  async lockCommittedMonth(exec: Executor, orgId: string, month: string) {
    const [row] = await exec
      .select()
      .from(duesImports)
      .where(
        and(eq(duesImports.orgId, orgId), eq(duesImports.month, month), eq(duesImports.status, 'committed')),
      )
      .for('update');
    return row;
  },
  async committedMonth(exec: Executor, orgId: string, month: string) {
    const [row] = await exec
      .select()
      .from(duesImports)
      .where(
        and(eq(duesImports.orgId, orgId), eq(duesImports.month, month), eq(duesImports.status, 'committed')),
      );
    return row;
  },
  async markReplaced(exec: Executor, id: string, reversalEntryId: string) {
    await exec
      .update(duesImports)
      .set({ status: 'replaced', replacedAt: new Date(), reversalEntryId })
      .where(eq(duesImports.id, id));
  },
  async markCommitted(
    exec: Executor,
    id: string,
    v: { rowCount: number; totalFen: number; ledgerEntryId: string },
  ) {
    await exec
      .update(duesImports)
      .set({ ...v, status: 'committed', committedAt: new Date(), payloadEnc: null })
      .where(eq(duesImports.id, id));
  },
  async listImports(exec: Executor, orgId: string, year?: number) {
    return exec
      .select()
      .from(duesImports)
      .where(
        and(
          eq(duesImports.orgId, orgId),
          sql`${duesImports.status} <> 'staged'`,
          year ? sql`${duesImports.month} like ${`${year}-%`}` : undefined,
        ),
      )
      .orderBy(desc(duesImports.month), desc(duesImports.committedAt));
  },
  /** The months that have a committed import, oldest first. */
  async importedMonths(exec: Executor, orgId: string): Promise<string[]> {
    const rows = await exec
      .select({ month: duesImports.month })
      .from(duesImports)
      .where(and(eq(duesImports.orgId, orgId), eq(duesImports.status, 'committed')))
      .orderBy(asc(duesImports.month));
    return rows.map((r) => r.month);
  },

  // ---- payments
  async deletePaymentsOfImport(exec: Executor, orgId: string, importId: string) {
    await exec
      .delete(duesPayments)
      .where(and(eq(duesPayments.orgId, orgId), eq(duesPayments.importId, importId)));
  },
  async insertPayments(exec: Executor, rows: NewDuesPayment[]) {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await exec.insert(duesPayments).values(rows.slice(i, i + CHUNK));
    }
  },
  async listPayments(
    exec: Executor,
    orgId: string,
    f: { month: string; departmentId?: string; flagged?: boolean },
    page: { limit: number; offset: number },
  ) {
    const where = and(
      eq(duesPayments.orgId, orgId),
      eq(duesPayments.month, f.month),
      f.departmentId ? eq(duesPayments.departmentId, f.departmentId) : undefined,
      f.flagged === undefined ? undefined : eq(duesPayments.flagged, f.flagged),
    );
    const rows = await exec
      .select({
        p: duesPayments,
        memberName: members.name,
        memberNo: members.memberNo,
        departmentName: departments.name,
      })
      .from(duesPayments)
      .innerJoin(members, eq(members.id, duesPayments.memberId))
      .innerJoin(departments, eq(departments.id, duesPayments.departmentId))
      .where(where)
      .orderBy(departments.sort, departments.name, members.name, duesPayments.id)
      .limit(page.limit)
      .offset(page.offset);
    const [{ n }] = await exec.select({ n: count() }).from(duesPayments).where(where);
    return { rows, total: n };
  },
  /** The months each member paid in (all, or within a year), for the arrears. */
  async paidMonths(exec: Executor, orgId: string, year?: number) {
    return exec
      .select({ memberId: duesPayments.memberId, month: duesPayments.month })
      .from(duesPayments)
      .where(
        and(eq(duesPayments.orgId, orgId), year ? sql`${duesPayments.month} like ${`${year}-%`}` : undefined),
      );
  },

  // ---- exemptions
  async listExemptions(exec: Executor, orgId: string, memberId?: string) {
    return exec
      .select({
        e: duesExemptions,
        memberName: members.name,
        memberNo: members.memberNo,
        departmentName: departments.name,
      })
      .from(duesExemptions)
      .innerJoin(members, eq(members.id, duesExemptions.memberId))
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(
        and(eq(duesExemptions.orgId, orgId), memberId ? eq(duesExemptions.memberId, memberId) : undefined),
      )
      .orderBy(desc(duesExemptions.fromMonth), members.name);
  },
  async overlappingExemption(
    exec: Executor,
    orgId: string,
    memberId: string,
    fromMonth: string,
    toMonth: string | null,
  ) {
    const cond: SQL[] = [
      eq(duesExemptions.orgId, orgId),
      eq(duesExemptions.memberId, memberId),
      or(isNull(duesExemptions.toMonth), gte(duesExemptions.toMonth, fromMonth))!,
    ];
    if (toMonth) cond.push(lte(duesExemptions.fromMonth, toMonth));
    const [row] = await exec
      .select({ id: duesExemptions.id })
      .from(duesExemptions)
      .where(and(...cond))
      .for('update');
    return row;
  },
  async insertExemption(exec: Executor, values: typeof duesExemptions.$inferInsert) {
    const [row] = await exec.insert(duesExemptions).values(values).returning();
    return row;
  },
  async deleteExemption(exec: Executor, orgId: string, id: string) {
    const [row] = await exec
      .delete(duesExemptions)
      .where(and(eq(duesExemptions.orgId, orgId), eq(duesExemptions.id, id)))
      .returning();
    return row;
  },
  async allExemptions(exec: Executor, orgId: string) {
    return exec
      .select({
        memberId: duesExemptions.memberId,
        fromMonth: duesExemptions.fromMonth,
        toMonth: duesExemptions.toMonth,
      })
      .from(duesExemptions)
      .where(eq(duesExemptions.orgId, orgId));
  },

  // ---- allocations
  async insertAllocation(exec: Executor, values: typeof fundAllocations.$inferInsert) {
    const [row] = await exec.insert(fundAllocations).values(values).returning();
    return row;
  },
  async setAllocationEntry(exec: Executor, id: string, ledgerEntryId: string) {
    await exec.update(fundAllocations).set({ ledgerEntryId }).where(eq(fundAllocations.id, id));
  },
  async listAllocations(exec: Executor, orgId: string, year?: number) {
    return exec
      .select()
      .from(fundAllocations)
      .where(
        and(
          eq(fundAllocations.orgId, orgId),
          year ? sql`${fundAllocations.fromMonth} like ${`${year}-%`}` : undefined,
        ),
      )
      .orderBy(desc(fundAllocations.fromMonth), desc(fundAllocations.createdAt));
  },
};
