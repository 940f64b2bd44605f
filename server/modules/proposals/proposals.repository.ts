import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PROPOSAL_STATES } from '../../../common/schemas/proposal.js';
import type { Executor } from '../../db/client.js';
import {
  congressDelegates,
  congressMeetings,
  departments,
  handlingItems,
  members,
  proposalAttachments,
  proposalCosigners,
  proposalEvents,
  proposals,
  proposalTopics,
  proposalWindows,
} from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';

export type ProposalRow = typeof proposals.$inferSelect;
export type TopicRow = typeof proposalTopics.$inferSelect;
export type WindowRow = typeof proposalWindows.$inferSelect;

export const TOPIC_SUBJECT = 'proposalTopic';

export interface ProposalFilter {
  /** Handler scope: only proposals whose topic one of these departments handles. */
  scope: string[] | null;
  /** The caller's member record: drafts and co-sign requests are visible to their people only. */
  viewerMemberId: string | null;
  year?: number;
  meetingId?: string;
  state?: string;
  departmentId?: string;
  satisfaction?: string;
  overdue?: { today: string };
  topicId?: string;
  mine?: boolean;
  q?: string;
}

const handled = alias(handlingItems, 'hi');

/** Every state but the proposer's own draft and the co-signing stage. */
const PUBLIC_STATES = PROPOSAL_STATES.filter((st) => st !== 'draft' && st !== 'awaitingCosigners');

function filterWhere(orgId: string, f: ProposalFilter): SQL {
  const conds: SQL[] = [eq(proposals.orgId, orgId)];
  // Drafts and proposals still collecting co-signers belong to the proposer and those asked.
  const me = f.viewerMemberId;
  // Listed as the states that are visible (not "not unfinished"), so counts can use the state index.
  const finished = inArray(proposals.state, PUBLIC_STATES);
  const asked = me
    ? sql`exists (select 1 from ${proposalCosigners} c where c.org_id = ${proposals.orgId}
        and c.proposal_id = ${proposals.id} and c.member_id = ${me})`
    : sql`false`;
  conds.push(
    me
      ? or(
          finished,
          eq(proposals.proposerMemberId, me),
          and(eq(proposals.state, 'awaitingCosigners'), asked),
        )!
      : finished,
  );
  if (f.scope) conds.push(f.scope.length ? involvingHandled(f.scope) : sql`false`);
  if (f.year) {
    conds.push(
      sql`${proposals.meetingId} in (select ${congressMeetings.id} from ${congressMeetings}
        where ${congressMeetings.orgId} = ${proposals.orgId}
        and ${congressMeetings.date} between ${`${f.year}-01-01`} and ${`${f.year}-12-31`})`,
    );
  }
  if (f.meetingId) conds.push(eq(proposals.meetingId, f.meetingId));
  if (f.state) conds.push(eq(proposals.state, f.state));
  if (f.departmentId) conds.push(involvingHandled([f.departmentId]));
  if (f.satisfaction) conds.push(eq(proposals.satisfaction, f.satisfaction));
  if (f.overdue) {
    conds.push(and(eq(handled.state, 'assigned'), lt(handled.dueDate, f.overdue.today))!);
    // The overdue topics are few and their proposals old: named by key, the planner starts from them
    // instead of walking every proposal newest first until twenty old ones turn up.
    conds.push(
      sql`${proposals.topicId} = any (array (select ${handlingItems.subjectId} from ${handlingItems}
        where ${handlingItems.orgId} = ${orgId} and ${handlingItems.subjectType} = ${TOPIC_SUBJECT}
          and ${handlingItems.state} = 'assigned' and ${handlingItems.dueDate} < ${f.overdue.today}))`,
    );
  }
  if (f.topicId) conds.push(eq(proposals.topicId, f.topicId));
  if (f.mine) conds.push(me ? eq(proposals.proposerMemberId, me) : sql`false`);
  if (f.q) {
    const p = containsPattern(f.q);
    conds.push(or(ilike(proposals.title, p), ilike(proposals.number, p))!);
  }
  return and(...conds)!;
}

function involvingHandled(departmentIds: string[]): SQL {
  return and(
    sql`${handled.id} is not null`,
    or(
      inArray(handled.leadDepartmentId, departmentIds),
      sql`${handled.coDepartmentIds} && ${sql.param(departmentIds)}::uuid[]`,
    ),
  )!;
}

// Names come from scalar subqueries rather than joins: with one join only, planning stays well under a
// millisecond, which is most of the cost of a 20-row page.
const listColumns = {
  p: proposals,
  proposerName: sql<string>`(select ${members.name} from ${members} where ${members.id} = ${proposals.proposerMemberId})`,
  topicTitle: sql<
    string | null
  >`(select ${proposalTopics.title} from ${proposalTopics} where ${proposalTopics.id} = ${proposals.topicId})`,
  meetingTitle: sql<string>`(select ${congressMeetings.title} from ${congressMeetings} where ${congressMeetings.id} = ${proposals.meetingId})`,
  handlingState: handled.state,
  dueDate: handled.dueDate,
  leadDepartmentName: sql<
    string | null
  >`(select ${departments.name} from ${departments} where ${departments.id} = ${handled.leadDepartmentId})`,
};
export type ProposalListRow = {
  p: ProposalRow;
  proposerName: string;
  topicTitle: string | null;
  meetingTitle: string;
  handlingState: string | null;
  dueDate: string | null;
  leadDepartmentName: string | null;
};

const handledJoin = and(
  eq(handled.orgId, proposals.orgId),
  eq(handled.subjectType, TOPIC_SUBJECT),
  eq(handled.subjectId, proposals.topicId),
);

function listFrom(exec: Executor) {
  return exec.select(listColumns).from(proposals).leftJoin(handled, handledJoin);
}

/** The count joins the handling records only when a filter reads them. */
function countOf(exec: Executor, f: ProposalFilter, where: SQL) {
  const q = exec.select({ total: count() }).from(proposals).$dynamic();
  return (f.scope || f.departmentId || f.overdue ? q.leftJoin(handled, handledJoin) : q).where(where);
}

export const proposalsRepository = {
  async findWindow(exec: Executor, orgId: string, meetingId: string, lock = false) {
    const q = exec
      .select()
      .from(proposalWindows)
      .where(and(eq(proposalWindows.orgId, orgId), eq(proposalWindows.meetingId, meetingId)));
    const [row] = lock ? await q.for('update') : await q;
    return row as WindowRow | undefined;
  },

  async insertWindow(exec: Executor, values: typeof proposalWindows.$inferInsert) {
    const [row] = await exec.insert(proposalWindows).values(values).returning();
    return row;
  },

  async updateWindow(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    values: Partial<typeof proposalWindows.$inferInsert>,
  ) {
    const [row] = await exec
      .update(proposalWindows)
      .set({ ...values, version: version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(proposalWindows.orgId, orgId),
          eq(proposalWindows.id, id),
          eq(proposalWindows.version, version),
        ),
      )
      .returning();
    return row as WindowRow | undefined;
  },

  /** The next number of the meeting: the window row stays locked until commit, so numbers have no gaps. */
  async nextSeq(exec: Executor, orgId: string, meetingId: string): Promise<number> {
    const [row] = await exec
      .update(proposalWindows)
      .set({ lastSeq: sql`${proposalWindows.lastSeq} + 1` })
      .where(and(eq(proposalWindows.orgId, orgId), eq(proposalWindows.meetingId, meetingId)))
      .returning({ seq: proposalWindows.lastSeq });
    return row.seq;
  },

  /** Which of these members are delegates of the term. */
  async delegatesOf(
    exec: Executor,
    orgId: string,
    termId: string,
    memberIds: string[],
  ): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await exec
      .select({ memberId: congressDelegates.memberId })
      .from(congressDelegates)
      .where(
        and(
          eq(congressDelegates.orgId, orgId),
          eq(congressDelegates.termId, termId),
          inArray(congressDelegates.memberId, memberIds),
        ),
      );
    return new Set(rows.map((r) => r.memberId));
  },

  async find(exec: Executor, orgId: string, id: string, lock = false) {
    const q = exec
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), eq(proposals.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row as ProposalRow | undefined;
  },

  async findMany(exec: Executor, orgId: string, ids: string[], lock = false) {
    if (ids.length === 0) return [];
    const q = exec
      .select()
      .from(proposals)
      .where(and(eq(proposals.orgId, orgId), inArray(proposals.id, ids)))
      .orderBy(asc(proposals.id));
    return lock ? q.for('update') : q;
  },

  async insert(exec: Executor, values: typeof proposals.$inferInsert) {
    const [row] = await exec.insert(proposals).values(values).returning();
    return row;
  },

  async update(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    values: Partial<typeof proposals.$inferInsert>,
  ) {
    const [row] = await exec
      .update(proposals)
      .set({ ...values, version: version + 1, updatedAt: new Date() })
      .where(and(eq(proposals.orgId, orgId), eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    return row as ProposalRow | undefined;
  },

  async setState(
    exec: Executor,
    orgId: string,
    ids: string[],
    values: Partial<typeof proposals.$inferInsert>,
  ) {
    if (ids.length === 0) return;
    await exec
      .update(proposals)
      .set({ ...values, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(and(eq(proposals.orgId, orgId), inArray(proposals.id, ids)));
  },

  async byTopic(exec: Executor, orgId: string, topicId: string) {
    return exec
      .select({ p: proposals, proposerName: members.name })
      .from(proposals)
      .innerJoin(members, eq(members.id, proposals.proposerMemberId))
      .where(and(eq(proposals.orgId, orgId), eq(proposals.topicId, topicId)))
      .orderBy(asc(proposals.seq));
  },

  async insertEvents(exec: Executor, rows: (typeof proposalEvents.$inferInsert)[]) {
    if (rows.length) await exec.insert(proposalEvents).values(rows);
  },

  async events(exec: Executor, orgId: string, proposalId: string) {
    return exec
      .select()
      .from(proposalEvents)
      .where(and(eq(proposalEvents.orgId, orgId), eq(proposalEvents.proposalId, proposalId)))
      .orderBy(desc(proposalEvents.createdAt), desc(proposalEvents.id));
  },

  async cosigners(exec: Executor, orgId: string, proposalId: string) {
    return exec
      .select({ c: proposalCosigners, name: members.name })
      .from(proposalCosigners)
      .innerJoin(members, eq(members.id, proposalCosigners.memberId))
      .where(and(eq(proposalCosigners.orgId, orgId), eq(proposalCosigners.proposalId, proposalId)))
      .orderBy(asc(members.name));
  },

  /** The confirmed co-signers' names of many proposals at once, by proposal, in name order. */
  async confirmedCosignerNames(exec: Executor, orgId: string, proposalIds: string[]) {
    const rows = proposalIds.length
      ? await exec
          .select({ proposalId: proposalCosigners.proposalId, name: members.name })
          .from(proposalCosigners)
          .innerJoin(members, eq(members.id, proposalCosigners.memberId))
          .where(
            and(
              eq(proposalCosigners.orgId, orgId),
              inArray(proposalCosigners.proposalId, proposalIds),
              eq(proposalCosigners.state, 'confirmed'),
            ),
          )
          .orderBy(asc(members.name))
      : [];
    const byProposal = new Map<string, string[]>();
    for (const r of rows) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r.name]);
    return byProposal;
  },

  async replaceCosigners(exec: Executor, orgId: string, proposalId: string, memberIds: string[]) {
    await exec
      .delete(proposalCosigners)
      .where(and(eq(proposalCosigners.orgId, orgId), eq(proposalCosigners.proposalId, proposalId)));
    if (memberIds.length) {
      await exec
        .insert(proposalCosigners)
        .values(memberIds.map((memberId) => ({ orgId, proposalId, memberId })));
    }
  },

  async resetCosigners(exec: Executor, orgId: string, proposalId: string) {
    await exec
      .update(proposalCosigners)
      .set({ state: 'invited', respondedAt: null })
      .where(and(eq(proposalCosigners.orgId, orgId), eq(proposalCosigners.proposalId, proposalId)));
  },

  async respondCosign(exec: Executor, orgId: string, proposalId: string, memberId: string, confirm: boolean) {
    const [row] = await exec
      .update(proposalCosigners)
      .set({ state: confirm ? 'confirmed' : 'declined', respondedAt: new Date() })
      .where(
        and(
          eq(proposalCosigners.orgId, orgId),
          eq(proposalCosigners.proposalId, proposalId),
          eq(proposalCosigners.memberId, memberId),
        ),
      )
      .returning();
    return row;
  },

  /** Proposals waiting for this member's co-signature. */
  async cosignRequests(exec: Executor, orgId: string, memberId: string) {
    return listFrom(exec)
      .innerJoin(
        proposalCosigners,
        and(
          eq(proposalCosigners.orgId, proposals.orgId),
          eq(proposalCosigners.proposalId, proposals.id),
          eq(proposalCosigners.memberId, memberId),
          eq(proposalCosigners.state, 'invited'),
        ),
      )
      .where(and(eq(proposals.orgId, orgId), eq(proposals.state, 'awaitingCosigners')))
      .orderBy(desc(proposals.updatedAt));
  },

  async list(exec: Executor, orgId: string, f: ProposalFilter, page: { limit: number; offset: number }) {
    const where = filterWhere(orgId, f);
    const [rows, [{ total }]] = await Promise.all([
      listFrom(exec)
        .where(where)
        .orderBy(desc(proposals.createdAt), desc(proposals.id))
        .limit(page.limit)
        .offset(page.offset),
      countOf(exec, f, where),
    ]);
    return { rows: rows as ProposalListRow[], total };
  },

  async listRow(exec: Executor, orgId: string, id: string) {
    const [row] = await listFrom(exec).where(and(eq(proposals.orgId, orgId), eq(proposals.id, id)));
    return row as ProposalListRow | undefined;
  },

  /** Every submitted proposal of a meeting in number order, for the compilation and the report. */
  async ofMeeting(exec: Executor, orgId: string, meetingId: string) {
    const rows = await listFrom(exec)
      .where(
        and(
          eq(proposals.orgId, orgId),
          eq(proposals.meetingId, meetingId),
          sql`${proposals.seq} is not null`,
        ),
      )
      .orderBy(asc(proposals.seq));
    return rows as ProposalListRow[];
  },

  async insertTopic(exec: Executor, values: typeof proposalTopics.$inferInsert) {
    const [row] = await exec.insert(proposalTopics).values(values).returning();
    return row;
  },

  async findTopic(exec: Executor, orgId: string, id: string, lock = false) {
    const q = exec
      .select()
      .from(proposalTopics)
      .where(and(eq(proposalTopics.orgId, orgId), eq(proposalTopics.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row as TopicRow | undefined;
  },

  async topicsOf(exec: Executor, orgId: string, meetingId: string) {
    return exec
      .select()
      .from(proposalTopics)
      .where(and(eq(proposalTopics.orgId, orgId), eq(proposalTopics.meetingId, meetingId)))
      .orderBy(asc(proposalTopics.createdAt));
  },

  async attachments(exec: Executor, orgId: string, proposalId: string) {
    return exec
      .select({
        id: proposalAttachments.id,
        fileName: proposalAttachments.fileName,
        size: proposalAttachments.size,
        contentType: proposalAttachments.contentType,
      })
      .from(proposalAttachments)
      .where(and(eq(proposalAttachments.orgId, orgId), eq(proposalAttachments.proposalId, proposalId)))
      .orderBy(asc(proposalAttachments.createdAt));
  },

  async attachment(exec: Executor, orgId: string, proposalId: string, id: string) {
    const [row] = await exec
      .select()
      .from(proposalAttachments)
      .where(
        and(
          eq(proposalAttachments.orgId, orgId),
          eq(proposalAttachments.proposalId, proposalId),
          eq(proposalAttachments.id, id),
        ),
      );
    return row;
  },

  async insertAttachment(exec: Executor, values: typeof proposalAttachments.$inferInsert) {
    const [row] = await exec
      .insert(proposalAttachments)
      .values(values)
      .returning({ id: proposalAttachments.id });
    return row;
  },

  async deleteAttachment(exec: Executor, orgId: string, id: string) {
    await exec
      .delete(proposalAttachments)
      .where(and(eq(proposalAttachments.orgId, orgId), eq(proposalAttachments.id, id)));
  },

  async countAttachments(exec: Executor, orgId: string, proposalId: string) {
    const [{ n }] = await exec
      .select({ n: count() })
      .from(proposalAttachments)
      .where(and(eq(proposalAttachments.orgId, orgId), eq(proposalAttachments.proposalId, proposalId)));
    return n;
  },

  /**
   * Whether pg_trgm is installed and splits Chinese into trigrams: under the C locale it treats CJK
   * characters as separators and every Chinese title would score 0.
   */
  async hasTrigram(exec: Executor): Promise<boolean> {
    const r = await exec.execute<{ ok: boolean }>(
      sql`select exists (select 1 from pg_extension where extname = 'pg_trgm') as ok`,
    );
    if (!r.rows[0].ok) return false;
    const t = await exec.execute<{ n: number | null }>(
      sql`select array_length(show_trgm('职工停车'), 1) as n`,
    );
    return (t.rows[0].n ?? 0) > 0;
  },

  /** Earlier proposals ranked by pg_trgm similarity of their titles. */
  async similarByTrigram(exec: Executor, orgId: string, p: ProposalRow, limit: number) {
    const score = sql<number>`similarity(${proposals.title}, ${p.title})`;
    return exec
      .select({ p: proposals, meetingTitle: congressMeetings.title, score })
      .from(proposals)
      .innerJoin(congressMeetings, eq(congressMeetings.id, proposals.meetingId))
      .where(
        and(
          eq(proposals.orgId, orgId),
          sql`${proposals.id} <> ${p.id}`,
          sql`${proposals.seq} is not null`,
          lt(proposals.createdAt, p.createdAt),
          gte(score, 0.1),
        ),
      )
      .orderBy(desc(score))
      .limit(limit);
  },

  /** Candidates for the JavaScript fallback: the most recent earlier submitted proposals. */
  async earlierTitles(exec: Executor, orgId: string, p: ProposalRow, limit: number) {
    return exec
      .select({ p: proposals, meetingTitle: congressMeetings.title })
      .from(proposals)
      .innerJoin(congressMeetings, eq(congressMeetings.id, proposals.meetingId))
      .where(
        and(
          eq(proposals.orgId, orgId),
          sql`${proposals.id} <> ${p.id}`,
          sql`${proposals.seq} is not null`,
          lt(proposals.createdAt, p.createdAt),
        ),
      )
      .orderBy(desc(proposals.createdAt))
      .limit(limit);
  },
};
