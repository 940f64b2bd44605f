import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { aidCases, departments, members } from '../../db/schema/index.js';

// Read-only counts over the care modules' tables (visits, hardship files, aid cases, donation
// drives, checkups, mutual aid) for the year's figures and the home screen. Like the democracy
// figures, one statement per area beats a dozen calls into each module's service; every statement
// filters by org, and each module's meaning of "in the year" is the one its list filter uses.

const yearOf = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

async function rows<T>(exec: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await exec.execute(query)).rows as T[];
}

/** Aid states still waiting for someone's step. */
const CLOSED_AID_STATES = ['paid', 'refused'];

/** An approved aid case: approved, on notice or paid (the aid list takes them as one filter). */
export const APPROVED_AID_STATES = ['approved', 'noticed', 'paid'] as const;
const approved = sql.join(
  APPROVED_AID_STATES.map((s) => sql`${s}`),
  sql`, `,
);

/** Drives the figures count (the drive list takes them as one filter). */
export const COUNTED_DRIVE_STATUSES = ['open', 'closed', 'handedOver'] as const;
const countedDrives = sql.join(
  COUNTED_DRIVE_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Checkup programmes the figures count: published, and closed after it (never the drafts). */
export const COUNTED_CHECKUP_STATUSES = ['published', 'closed'] as const;
const countedCheckups = sql.join(
  COUNTED_CHECKUP_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

export const careStatsRepository = {
  /** Visits made in the year (cancelled ones out), per occasion: count and cash. */
  visitsByReason(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    return rows<{ reason: string; n: number; fen: number }>(
      exec,
      sql`select reason, count(*)::int as n, coalesce(sum(cash_fen), 0)::bigint as fen
        from visits
        where org_id = ${orgId} and status = 'done' and visit_date between ${from} and ${to}
        group by reason`,
    );
  },

  /**
   * Per level: files active on `asOf` (registered by then, not closed by then) and files registered
   * in the year. The level is the file's current one (a review may have changed it).
   */
  hardshipByLevel(exec: Executor, orgId: string, year: number, asOf: string) {
    const { from, to } = yearOf(year);
    return rows<{ level: string; active: number; registered: number }>(
      exec,
      sql`select level,
          count(*) filter (where registered_on <= ${asOf}
            and (closed_on is null or closed_on > ${asOf}))::int as active,
          count(*) filter (where registered_on between ${from} and ${to})::int as registered
        from hardship_files
        where org_id = ${orgId} and registered_on <= ${to}
        group by level`,
    );
  },

  /** Aid cases applied for in the year, per kind: applied, approved (and on), paid. */
  aidByKind(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    return rows<{
      kind: string;
      applied: number;
      asked: number;
      approved: number;
      granted: number;
      paid: number;
      paid_fen: number;
    }>(
      exec,
      sql`select kind,
          count(*)::int as applied,
          coalesce(sum(amount_asked_fen), 0)::bigint as asked,
          count(*) filter (where state in (${approved}))::int as approved,
          coalesce(sum(amount_granted_fen) filter (where state in (${approved})), 0)::bigint as granted,
          count(*) filter (where state = 'paid')::int as paid,
          coalesce(sum(amount_granted_fen) filter (where state = 'paid'), 0)::bigint as paid_fen
        from aid_cases
        where org_id = ${orgId} and applied_on between ${from} and ${to}
        group by kind`,
    );
  },

  /** Drives started in the year (not cancelled), their donations (not removed) and handovers. */
  async donations(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    const [r] = await rows<{
      drives: number;
      donations: number;
      donors: number;
      raised: number;
      handed_over: number;
      handover_fen: number;
    }>(
      exec,
      sql`with d as (
          select id, status, handover_fen from donation_drives
          where org_id = ${orgId} and status in (${countedDrives}) and start_date between ${from} and ${to}
        ), g as (
          select count(*)::int as donations,
            count(distinct coalesce(x.member_id::text, 'name:' || x.donor_name))::int as donors,
            coalesce(sum(x.amount_fen), 0)::bigint as raised
          from donations x join d on d.id = x.drive_id
          where x.org_id = ${orgId} and x.removed_at is null
        )
        select (select count(*)::int from d) as drives, g.donations, g.donors, g.raised,
          (select count(*)::int from d where status = 'handedOver') as handed_over,
          (select coalesce(sum(handover_fen), 0)::bigint from d where status = 'handedOver') as handover_fen
        from g`,
    );
    return r;
  },

  /** Published (or closed) programmes of the year: their eligible lists and attendance. */
  async checkups(exec: Executor, orgId: string, year: number) {
    const [r] = await rows<{ programmes: number; eligible: number; attended: number }>(
      exec,
      sql`with p as (
          select id from checkup_programmes
          where org_id = ${orgId} and year = ${year} and status in (${countedCheckups})
        )
        select (select count(*)::int from p) as programmes,
          count(x.id)::int as eligible,
          count(x.id) filter (where x.attendance = 'attended')::int as attended
        from checkup_participants x
        where x.org_id = ${orgId} and x.programme_id in (select id from p)`,
    );
    return r;
  },

  /** Plans of the year: enrolments and premiums, claims (amount claimed), payouts. */
  async mutualAid(exec: Executor, orgId: string, year: number) {
    const [r] = await rows<{
      plans: number;
      enrolled: number;
      premium_fen: number;
      claims: number;
      claimed_fen: number;
      paid: number;
      payout_fen: number;
    }>(
      exec,
      sql`with p as (select id from mutual_aid_plans where org_id = ${orgId} and year = ${year})
        select (select count(*)::int from p) as plans,
          (select count(*)::int from mutual_aid_enrolments e
            where e.org_id = ${orgId} and e.plan_id in (select id from p)) as enrolled,
          (select coalesce(sum(premium_fen), 0)::bigint from mutual_aid_enrolments e
            where e.org_id = ${orgId} and e.plan_id in (select id from p)) as premium_fen,
          count(c.id)::int as claims,
          coalesce(sum(c.claimed_fen), 0)::bigint as claimed_fen,
          count(c.id) filter (where c.status = 'paid')::int as paid,
          coalesce(sum(c.payout_fen) filter (where c.status = 'paid'), 0)::bigint as payout_fen
        from mutual_aid_claims c
        where c.org_id = ${orgId} and c.plan_id in (select id from p)`,
    );
    return r;
  },

  // Home screen

  /** Open reported events, and those open for more than `overdueDays` days (as of `today`). */
  async openEvents(exec: Executor, orgId: string, today: string, overdueDays: number) {
    const [r] = await rows<{ open: number; overdue: number }>(
      exec,
      sql`select count(*)::int as open,
          count(*) filter (where event_date < ${today}::date - ${overdueDays}::int)::int as overdue
        from care_events where org_id = ${orgId} and status = 'open'`,
    );
    return r;
  },

  /** Aid cases still in the workflow, oldest first, with the facts that decide whose step it is. */
  openAidCases(exec: Executor, orgId: string) {
    return exec
      .select({ aid: aidCases, memberName: members.name, departmentName: departments.name })
      .from(aidCases)
      .innerJoin(members, eq(members.id, aidCases.memberId))
      .innerJoin(departments, eq(departments.id, aidCases.departmentId))
      .where(and(eq(aidCases.orgId, orgId), notInArray(aidCases.state, CLOSED_AID_STATES)))
      .orderBy(asc(aidCases.appliedOn), asc(aidCases.createdAt));
  },

  // A member's history

  async memberExists(exec: Executor, orgId: string, memberId: string): Promise<boolean> {
    const [r] = await exec
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.id, memberId)));
    return !!r;
  },

  memberAid(exec: Executor, orgId: string, memberId: string) {
    return exec
      .select({
        id: aidCases.id,
        kind: aidCases.kind,
        state: aidCases.state,
        appliedOn: aidCases.appliedOn,
        amountAskedFen: aidCases.amountAskedFen,
        amountGrantedFen: aidCases.amountGrantedFen,
        paidOn: aidCases.paidOn,
      })
      .from(aidCases)
      .where(and(eq(aidCases.orgId, orgId), eq(aidCases.memberId, memberId)))
      .orderBy(sql`${aidCases.appliedOn} desc`, sql`${aidCases.createdAt} desc`);
  },
};
