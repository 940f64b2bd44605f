import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  congressCheckIns,
  congressDelegates,
  congressMeetings,
  congressTerms,
  departments,
  members,
} from '../../db/schema/index.js';

// The only place congress SQL lives; every query is filtered by org.

export type TermRow = typeof congressTerms.$inferSelect;
export type MeetingRow = typeof congressMeetings.$inferSelect;
export type NewMeeting = typeof congressMeetings.$inferInsert;
export type DelegateRow = typeof congressDelegates.$inferSelect;
export type MeetingWithTerm = { meeting: MeetingRow; termNumber: number };
export interface DelegateWithName {
  delegate: DelegateRow;
  name: string;
  departmentName: string;
}

const fullDelegates = sql<number>`count(*) filter (where ${congressDelegates.kind} = 'full')`.mapWith(Number);

function selectMeeting(exec: Executor) {
  return exec
    .select({ meeting: congressMeetings, termNumber: congressTerms.number })
    .from(congressMeetings)
    .innerJoin(congressTerms, eq(congressTerms.id, congressMeetings.termId));
}

function selectDelegates(exec: Executor) {
  return exec
    .select({ delegate: congressDelegates, name: members.name, departmentName: departments.name })
    .from(congressDelegates)
    .innerJoin(members, eq(members.id, congressDelegates.memberId))
    .innerJoin(departments, eq(departments.id, members.departmentId));
}

const delegateOrder = [asc(congressDelegates.delegation), asc(departments.name), asc(members.name)];

export const congressRepository = {
  async insertTerm(exec: Executor, values: typeof congressTerms.$inferInsert): Promise<TermRow> {
    const [row] = await exec.insert(congressTerms).values(values).returning();
    return row;
  },

  async updateTerm(
    exec: Executor,
    orgId: string,
    id: string,
    values: Partial<typeof congressTerms.$inferInsert>,
  ): Promise<TermRow | undefined> {
    const [row] = await exec
      .update(congressTerms)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(congressTerms.orgId, orgId), eq(congressTerms.id, id)))
      .returning();
    return row;
  },

  async findTerm(exec: Executor, orgId: string, id: string): Promise<TermRow | undefined> {
    const [row] = await exec
      .select()
      .from(congressTerms)
      .where(and(eq(congressTerms.orgId, orgId), eq(congressTerms.id, id)));
    return row;
  },

  /** Terms, newest first, with their delegate counts. */
  async listTerms(exec: Executor, orgId: string) {
    return exec
      .select({ term: congressTerms, delegates: count(congressDelegates.id), fullDelegates })
      .from(congressTerms)
      .leftJoin(
        congressDelegates,
        and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.termId, congressTerms.id)),
      )
      .where(eq(congressTerms.orgId, orgId))
      .groupBy(congressTerms.id)
      .orderBy(desc(congressTerms.number));
  },

  async insertMeeting(exec: Executor, values: NewMeeting): Promise<MeetingRow> {
    const [row] = await exec.insert(congressMeetings).values(values).returning();
    return row;
  },

  async findMeeting(
    exec: Executor,
    orgId: string,
    id: string,
    opts: { lock?: boolean } = {},
  ): Promise<MeetingWithTerm | undefined> {
    const q = selectMeeting(exec).where(and(eq(congressMeetings.orgId, orgId), eq(congressMeetings.id, id)));
    const [row] = await (opts.lock ? q.for('update', { of: congressMeetings }) : q);
    return row;
  },

  async listMeetings(
    exec: Executor,
    orgId: string,
    f: { termId?: string },
    page: { limit: number; offset: number },
  ): Promise<{ rows: MeetingWithTerm[]; total: number }> {
    const where = and(
      eq(congressMeetings.orgId, orgId),
      f.termId ? eq(congressMeetings.termId, f.termId) : undefined,
    );
    const [rows, [{ total }]] = await Promise.all([
      selectMeeting(exec)
        .where(where)
        .orderBy(desc(congressMeetings.date), desc(congressMeetings.number))
        .limit(page.limit)
        .offset(page.offset),
      exec.select({ total: count() }).from(congressMeetings).where(where),
    ]);
    return { rows, total };
  },

  async updateMeeting(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    values: Partial<NewMeeting>,
  ): Promise<MeetingRow | undefined> {
    const [row] = await exec
      .update(congressMeetings)
      .set({ ...values, version: sql`${congressMeetings.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(congressMeetings.orgId, orgId),
          eq(congressMeetings.id, id),
          eq(congressMeetings.version, version),
        ),
      )
      .returning();
    return row;
  },

  async listDelegates(exec: Executor, orgId: string, termId: string): Promise<DelegateWithName[]> {
    return selectDelegates(exec)
      .where(and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.termId, termId)))
      .orderBy(...delegateOrder);
  },

  async findDelegate(exec: Executor, orgId: string, id: string): Promise<DelegateWithName | undefined> {
    const [row] = await selectDelegates(exec).where(
      and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.id, id)),
    );
    return row;
  },

  async findDelegateOfMember(
    exec: Executor,
    orgId: string,
    termId: string,
    memberId: string,
  ): Promise<DelegateWithName | undefined> {
    const [row] = await selectDelegates(exec).where(
      and(
        eq(congressDelegates.orgId, orgId),
        eq(congressDelegates.termId, termId),
        eq(congressDelegates.memberId, memberId),
      ),
    );
    return row;
  },

  /** The members among the ids that belong to the org, with their status. */
  async membersByIds(exec: Executor, orgId: string, ids: readonly string[]) {
    return exec
      .select({ id: members.id, name: members.name, status: members.status })
      .from(members)
      .where(and(eq(members.orgId, orgId), inArray(members.id, [...ids])));
  },

  /** Adds the delegates not already on the term; returns the ids added. */
  async insertDelegates(exec: Executor, rows: (typeof congressDelegates.$inferInsert)[]): Promise<string[]> {
    const out = await exec
      .insert(congressDelegates)
      .values(rows)
      .onConflictDoNothing({
        target: [congressDelegates.orgId, congressDelegates.termId, congressDelegates.memberId],
      })
      .returning({ id: congressDelegates.id });
    return out.map((r) => r.id);
  },

  async updateDelegate(
    exec: Executor,
    orgId: string,
    id: string,
    values: Pick<DelegateRow, 'kind' | 'delegation'>,
  ): Promise<boolean> {
    const out = await exec
      .update(congressDelegates)
      .set(values)
      .where(and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.id, id)))
      .returning({ id: congressDelegates.id });
    return out.length > 0;
  },

  async deleteDelegate(exec: Executor, orgId: string, id: string): Promise<void> {
    await exec
      .delete(congressDelegates)
      .where(and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.id, id)));
  },

  /** Full delegates of the term. */
  async fullDelegateIds(exec: Executor, orgId: string, termId: string): Promise<string[]> {
    const rows = await exec
      .select({ id: congressDelegates.id })
      .from(congressDelegates)
      .where(
        and(
          eq(congressDelegates.orgId, orgId),
          eq(congressDelegates.termId, termId),
          eq(congressDelegates.kind, 'full'),
        ),
      );
    return rows.map((r) => r.id);
  },

  /** Every delegate of the term with their sign-in at the meeting, if any. */
  async attendance(exec: Executor, orgId: string, termId: string, meetingId: string) {
    return exec
      .select({
        delegate: congressDelegates,
        name: members.name,
        departmentName: departments.name,
        checkedInAt: congressCheckIns.checkedInAt,
        method: congressCheckIns.method,
      })
      .from(congressDelegates)
      .innerJoin(members, eq(members.id, congressDelegates.memberId))
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .leftJoin(
        congressCheckIns,
        and(
          eq(congressCheckIns.orgId, orgId),
          eq(congressCheckIns.meetingId, meetingId),
          eq(congressCheckIns.delegateId, congressDelegates.id),
        ),
      )
      .where(and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.termId, termId)))
      .orderBy(...delegateOrder);
  },

  /** Full delegates of the term and how many of them signed in at the meeting. */
  async presence(exec: Executor, orgId: string, termId: string, meetingId: string) {
    const [row] = await exec
      .select({
        entitled: fullDelegates,
        present:
          sql<number>`count(${congressCheckIns.delegateId}) filter (where ${congressDelegates.kind} = 'full')`.mapWith(
            Number,
          ),
      })
      .from(congressDelegates)
      .leftJoin(
        congressCheckIns,
        and(
          eq(congressCheckIns.orgId, orgId),
          eq(congressCheckIns.meetingId, meetingId),
          eq(congressCheckIns.delegateId, congressDelegates.id),
        ),
      )
      .where(and(eq(congressDelegates.orgId, orgId), eq(congressDelegates.termId, termId)));
    return row;
  },

  async isCheckedIn(exec: Executor, orgId: string, meetingId: string, delegateId: string) {
    const [row] = await exec
      .select({ at: congressCheckIns.checkedInAt })
      .from(congressCheckIns)
      .where(
        and(
          eq(congressCheckIns.orgId, orgId),
          eq(congressCheckIns.meetingId, meetingId),
          eq(congressCheckIns.delegateId, delegateId),
        ),
      );
    return row?.at ?? null;
  },

  /** Signs a delegate in; false when they already were (the key makes a race give one row). */
  async insertCheckIn(exec: Executor, values: typeof congressCheckIns.$inferInsert): Promise<boolean> {
    const out = await exec
      .insert(congressCheckIns)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: congressCheckIns.delegateId });
    return out.length > 0;
  },

  async deleteCheckIn(exec: Executor, orgId: string, meetingId: string, delegateId: string) {
    const out = await exec
      .delete(congressCheckIns)
      .where(
        and(
          eq(congressCheckIns.orgId, orgId),
          eq(congressCheckIns.meetingId, meetingId),
          eq(congressCheckIns.delegateId, delegateId),
        ),
      )
      .returning({ id: congressCheckIns.delegateId });
    return out.length > 0;
  },

  /** Delegates of the term who signed in at the meeting, among the ids. */
  async checkedInAmong(exec: Executor, orgId: string, meetingId: string, delegateIds: readonly string[]) {
    if (delegateIds.length === 0) return [];
    const rows = await exec
      .select({ id: congressCheckIns.delegateId })
      .from(congressCheckIns)
      .where(
        and(
          eq(congressCheckIns.orgId, orgId),
          eq(congressCheckIns.meetingId, meetingId),
          inArray(congressCheckIns.delegateId, [...delegateIds]),
        ),
      );
    return rows.map((r) => r.id);
  },
};
