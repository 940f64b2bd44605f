import { and, asc, count, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import type { ClaimStatus } from '../../../common/schemas/mutualAid.js';
import type { Executor } from '../../db/client.js';
import {
  departments,
  members,
  mutualAidClaimDocuments,
  mutualAidClaims,
  mutualAidEnrolments,
  mutualAidPlans,
} from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';
import { offsetOf } from '../../lib/pagination.js';
import { sealedDocuments } from '../../lib/sealedDocuments.js';

// The only place mutual-aid SQL lives; every query is scoped by org.

export type PlanRow = typeof mutualAidPlans.$inferSelect;
export type ClaimRow = typeof mutualAidClaims.$inferSelect;

// Correlated subqueries name the outer table in full: drizzle renders its columns unqualified here.
const planTotals = {
  plan: mutualAidPlans,
  enrolled: sql<number>`(select count(*)::int from mutual_aid_enrolments e where e.org_id = mutual_aid_plans.org_id and e.plan_id = mutual_aid_plans.id)`,
  premiumTotalFen:
    sql<number>`(select coalesce(sum(e.premium_fen), 0)::bigint from mutual_aid_enrolments e where e.org_id = mutual_aid_plans.org_id and e.plan_id = mutual_aid_plans.id)`.mapWith(
      Number,
    ),
  premiumPaidFen:
    sql<number>`(select coalesce(sum(e.premium_fen), 0)::bigint from mutual_aid_enrolments e where e.org_id = mutual_aid_plans.org_id and e.plan_id = mutual_aid_plans.id and e.premium_entry_id is not null)`.mapWith(
      Number,
    ),
  claims: sql<number>`(select count(*)::int from mutual_aid_claims c where c.org_id = mutual_aid_plans.org_id and c.plan_id = mutual_aid_plans.id)`,
  payoutTotalFen:
    sql<number>`(select coalesce(sum(c.payout_fen), 0)::bigint from mutual_aid_claims c where c.org_id = mutual_aid_plans.org_id and c.plan_id = mutual_aid_plans.id and c.status = 'paid')`.mapWith(
      Number,
    ),
};
export type PlanWithTotals = {
  plan: PlanRow;
  enrolled: number;
  premiumTotalFen: number;
  premiumPaidFen: number;
  claims: number;
  payoutTotalFen: number;
};

const claimColumns = {
  claim: mutualAidClaims,
  planName: mutualAidPlans.name,
  memberName: members.name,
  departmentName: departments.name,
};
export type ClaimWithNames = {
  claim: ClaimRow;
  planName: string;
  memberName: string;
  departmentName: string;
};

/** A plan's enrolments whose premium has not been paid to the insurer yet. */
const unpaid = (orgId: string, planId: string) =>
  and(
    eq(mutualAidEnrolments.orgId, orgId),
    eq(mutualAidEnrolments.planId, planId),
    isNull(mutualAidEnrolments.premiumEntryId),
  );

export const mutualAidRepository = {
  async insertPlan(exec: Executor, values: typeof mutualAidPlans.$inferInsert): Promise<PlanRow | undefined> {
    const [row] = await exec.insert(mutualAidPlans).values(values).onConflictDoNothing().returning();
    return row;
  },

  async plans(exec: Executor, orgId: string, year?: number): Promise<PlanWithTotals[]> {
    return exec
      .select(planTotals)
      .from(mutualAidPlans)
      .where(and(eq(mutualAidPlans.orgId, orgId), year ? eq(mutualAidPlans.year, year) : undefined))
      .orderBy(desc(mutualAidPlans.year), asc(mutualAidPlans.name));
  },

  async plan(exec: Executor, orgId: string, id: string): Promise<PlanWithTotals | undefined> {
    const [row] = await exec
      .select(planTotals)
      .from(mutualAidPlans)
      .where(and(eq(mutualAidPlans.orgId, orgId), eq(mutualAidPlans.id, id)));
    return row;
  },

  async lockPlan(exec: Executor, orgId: string, id: string): Promise<PlanRow | undefined> {
    const [row] = await exec
      .select()
      .from(mutualAidPlans)
      .where(and(eq(mutualAidPlans.orgId, orgId), eq(mutualAidPlans.id, id)))
      .for('update');
    return row;
  },

  async bumpPlan(exec: Executor, orgId: string, id: string) {
    await exec
      .update(mutualAidPlans)
      .set({ version: sql`${mutualAidPlans.version} + 1` })
      .where(and(eq(mutualAidPlans.orgId, orgId), eq(mutualAidPlans.id, id)));
  },

  /**
   * Enrols in one statement the members the filter picks (already enrolled ones are skipped);
   * returns how many were added.
   */
  async enrol(
    exec: Executor,
    p: { orgId: string; planId: string; premiumFen: number; enrolledOn: string; createdBy: string | null },
    filter: { memberIds?: string[]; departmentId?: string; activeOnly: boolean },
  ): Promise<number> {
    const conds = [sql`m.org_id = ${p.orgId}`];
    if (filter.activeOnly) conds.push(sql`m.status = 'member'`);
    if (filter.departmentId) conds.push(sql`m.department_id = ${filter.departmentId}`);
    if (filter.memberIds) conds.push(sql`m.id = any(${sql.param(filter.memberIds)}::uuid[])`);
    const res = await exec.execute(sql`
      insert into ${mutualAidEnrolments} (org_id, plan_id, member_id, premium_fen, enrolled_on, created_by)
      select m.org_id, ${p.planId}, m.id, ${p.premiumFen}, ${p.enrolledOn}, ${p.createdBy}
      from ${members} m where ${sql.join(conds, sql` and `)}
      on conflict do nothing`);
    return res.rowCount ?? 0;
  },

  async membersInOrg(exec: Executor, orgId: string, ids: string[]): Promise<string[]> {
    const rows = await exec
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), inArray(members.id, ids)));
    return rows.map((r) => r.id);
  },

  async enrolments(
    exec: Executor,
    orgId: string,
    planId: string,
    q: { page: number; pageSize: number; q?: string },
  ) {
    const where = and(
      eq(mutualAidEnrolments.orgId, orgId),
      eq(mutualAidEnrolments.planId, planId),
      q.q ? ilike(members.name, containsPattern(q.q)) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      exec
        .select({ e: mutualAidEnrolments, memberName: members.name, departmentName: departments.name })
        .from(mutualAidEnrolments)
        .innerJoin(members, eq(members.id, mutualAidEnrolments.memberId))
        .innerJoin(departments, eq(departments.id, members.departmentId))
        .where(where)
        .orderBy(asc(departments.name), asc(members.name), asc(mutualAidEnrolments.id))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
      exec
        .select({ n: count() })
        .from(mutualAidEnrolments)
        .innerJoin(members, eq(members.id, mutualAidEnrolments.memberId))
        .where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  /** A plan's enrolment, found by its own id or by the enrolled member. */
  async enrolment(exec: Executor, orgId: string, planId: string, by: { id: string } | { memberId: string }) {
    const [row] = await exec
      .select()
      .from(mutualAidEnrolments)
      .where(
        and(
          eq(mutualAidEnrolments.orgId, orgId),
          eq(mutualAidEnrolments.planId, planId),
          'id' in by ? eq(mutualAidEnrolments.id, by.id) : eq(mutualAidEnrolments.memberId, by.memberId),
        ),
      );
    return row;
  },

  async deleteEnrolment(exec: Executor, orgId: string, id: string) {
    await exec
      .delete(mutualAidEnrolments)
      .where(and(eq(mutualAidEnrolments.orgId, orgId), eq(mutualAidEnrolments.id, id)));
  },

  async unpaidPremiums(exec: Executor, orgId: string, planId: string): Promise<{ n: number; fen: number }> {
    const [row] = await exec
      .select({
        n: count(),
        fen: sql<number>`coalesce(sum(${mutualAidEnrolments.premiumFen}), 0)::bigint`.mapWith(Number),
      })
      .from(mutualAidEnrolments)
      .where(unpaid(orgId, planId));
    return row ?? { n: 0, fen: 0 };
  },

  async markPremiumsPaid(exec: Executor, orgId: string, planId: string, entryId: string, paidOn: string) {
    await exec
      .update(mutualAidEnrolments)
      .set({ premiumEntryId: entryId, premiumPaidOn: paidOn })
      .where(unpaid(orgId, planId));
  },

  async countClaimsOf(exec: Executor, orgId: string, planId: string, memberId: string): Promise<number> {
    const [row] = await exec
      .select({ n: count() })
      .from(mutualAidClaims)
      .where(
        and(
          eq(mutualAidClaims.orgId, orgId),
          eq(mutualAidClaims.planId, planId),
          eq(mutualAidClaims.memberId, memberId),
        ),
      );
    return row?.n ?? 0;
  },

  async insertClaim(exec: Executor, values: typeof mutualAidClaims.$inferInsert): Promise<ClaimRow> {
    const [row] = await exec.insert(mutualAidClaims).values(values).returning();
    return row!;
  },

  async claims(
    exec: Executor,
    orgId: string,
    q: { page: number; pageSize: number; planId?: string; year?: number; status?: ClaimStatus },
  ) {
    const where = and(
      eq(mutualAidClaims.orgId, orgId),
      q.planId ? eq(mutualAidClaims.planId, q.planId) : undefined,
      // A subquery, not the join, so the count below filters the same way.
      q.year
        ? inArray(
            mutualAidClaims.planId,
            exec
              .select({ id: mutualAidPlans.id })
              .from(mutualAidPlans)
              .where(and(eq(mutualAidPlans.orgId, orgId), eq(mutualAidPlans.year, q.year))),
          )
        : undefined,
      q.status ? eq(mutualAidClaims.status, q.status) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      exec
        .select(claimColumns)
        .from(mutualAidClaims)
        .innerJoin(mutualAidPlans, eq(mutualAidPlans.id, mutualAidClaims.planId))
        .innerJoin(members, eq(members.id, mutualAidClaims.memberId))
        .innerJoin(departments, eq(departments.id, members.departmentId))
        .where(where)
        .orderBy(desc(mutualAidClaims.createdAt), desc(mutualAidClaims.id))
        .limit(q.pageSize)
        .offset(offsetOf(q)),
      exec.select({ n: count() }).from(mutualAidClaims).where(where),
    ]);
    return { rows, total: total?.n ?? 0 };
  },

  async claim(exec: Executor, orgId: string, id: string): Promise<ClaimWithNames | undefined> {
    const [row] = await exec
      .select(claimColumns)
      .from(mutualAidClaims)
      .innerJoin(mutualAidPlans, eq(mutualAidPlans.id, mutualAidClaims.planId))
      .innerJoin(members, eq(members.id, mutualAidClaims.memberId))
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(and(eq(mutualAidClaims.orgId, orgId), eq(mutualAidClaims.id, id)));
    return row;
  },

  async lockClaim(exec: Executor, orgId: string, id: string): Promise<ClaimRow | undefined> {
    const [row] = await exec
      .select()
      .from(mutualAidClaims)
      .where(and(eq(mutualAidClaims.orgId, orgId), eq(mutualAidClaims.id, id)))
      .for('update');
    return row;
  },

  async updateClaim(
    exec: Executor,
    orgId: string,
    id: string,
    values: Partial<typeof mutualAidClaims.$inferInsert>,
  ) {
    await exec
      .update(mutualAidClaims)
      .set({ ...values, version: sql`${mutualAidClaims.version} + 1`, updatedAt: new Date() })
      .where(and(eq(mutualAidClaims.orgId, orgId), eq(mutualAidClaims.id, id)));
  },
};

/** Medical records and certificates of a claim, sealed. */
export const claimDocumentStore = sealedDocuments(mutualAidClaimDocuments, 'claimId');
