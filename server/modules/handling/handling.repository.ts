import { and, asc, count, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  departments,
  handlingEvents,
  handlingItems,
  handlingRatings,
  handlingResponses,
} from '../../db/schema/index.js';

export type HandlingItemRow = typeof handlingItems.$inferSelect;
export type NewHandlingItem = typeof handlingItems.$inferInsert;
export type HandlingItemChange = Partial<Omit<NewHandlingItem, 'id' | 'orgId' | 'version'>>;

/** null: the whole union; a list: only items where one of these departments is lead or co-handler. */
export type DepartmentScope = string[] | null;

export interface HandlingFilter {
  scope: DepartmentScope;
  departmentId?: string;
  state?: string;
  subjectType?: string;
  /** Open items past due (before `today`) or due between `today` and `soonUntil`. */
  due?: { kind: 'overdue' | 'dueSoon'; today: string; soonUntil: string };
  limit: number;
  offset: number;
}

/** Items one of these departments leads or co-handles. */
export function involving(departmentIds: string[]): SQL {
  return or(
    inArray(handlingItems.leadDepartmentId, departmentIds),
    sql`${handlingItems.coDepartmentIds} && ${sql.param(departmentIds)}::uuid[]`,
  )!;
}

function filterWhere(orgId: string, f: Omit<HandlingFilter, 'limit' | 'offset'>): SQL {
  const conds: SQL[] = [eq(handlingItems.orgId, orgId)];
  if (f.scope) conds.push(f.scope.length ? involving(f.scope) : sql`false`);
  if (f.departmentId) conds.push(involving([f.departmentId]));
  if (f.state) conds.push(eq(handlingItems.state, f.state as HandlingItemRow['state']));
  if (f.subjectType) conds.push(eq(handlingItems.subjectType, f.subjectType));
  if (f.due) {
    conds.push(eq(handlingItems.state, 'assigned'));
    if (f.due.kind === 'overdue') conds.push(lt(handlingItems.dueDate, f.due.today));
    else conds.push(gte(handlingItems.dueDate, f.due.today), lte(handlingItems.dueDate, f.due.soonUntil));
  }
  return and(...conds)!;
}

export const handlingRepository = {
  async findBySubject(exec: Executor, orgId: string, subjectType: string, subjectId: string, lock = false) {
    const q = exec
      .select()
      .from(handlingItems)
      .where(
        and(
          eq(handlingItems.orgId, orgId),
          eq(handlingItems.subjectType, subjectType),
          eq(handlingItems.subjectId, subjectId),
        ),
      );
    const [row] = lock ? await q.for('update') : await q;
    return row as HandlingItemRow | undefined;
  },

  async findById(exec: Executor, orgId: string, id: string, lock = false) {
    const q = exec
      .select()
      .from(handlingItems)
      .where(and(eq(handlingItems.orgId, orgId), eq(handlingItems.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row as HandlingItemRow | undefined;
  },

  async findBySubjects(exec: Executor, orgId: string, subjectType: string, subjectIds: string[]) {
    if (subjectIds.length === 0) return [];
    return exec
      .select()
      .from(handlingItems)
      .where(
        and(
          eq(handlingItems.orgId, orgId),
          eq(handlingItems.subjectType, subjectType),
          inArray(handlingItems.subjectId, subjectIds),
        ),
      );
  },

  async insertItem(exec: Executor, values: NewHandlingItem) {
    const [row] = await exec.insert(handlingItems).values(values).returning();
    return row;
  },

  /** Applies a change when the version still matches; undefined when someone changed it first. */
  async updateItem(exec: Executor, orgId: string, id: string, version: number, values: HandlingItemChange) {
    const [row] = await exec
      .update(handlingItems)
      .set({ ...values, version: version + 1, updatedAt: new Date() })
      .where(
        and(eq(handlingItems.orgId, orgId), eq(handlingItems.id, id), eq(handlingItems.version, version)),
      )
      .returning();
    return row as HandlingItemRow | undefined;
  },

  async insertEvent(exec: Executor, values: typeof handlingEvents.$inferInsert) {
    await exec.insert(handlingEvents).values(values);
  },

  async insertResponse(exec: Executor, values: typeof handlingResponses.$inferInsert) {
    await exec.insert(handlingResponses).values(values);
  },

  async insertRating(exec: Executor, values: typeof handlingRatings.$inferInsert) {
    await exec.insert(handlingRatings).values(values);
  },

  async ratingsOf(exec: Executor, orgId: string, itemId: string, round?: number) {
    const conds = [eq(handlingRatings.orgId, orgId), eq(handlingRatings.itemId, itemId)];
    if (round !== undefined) conds.push(eq(handlingRatings.round, round));
    return exec
      .select()
      .from(handlingRatings)
      .where(and(...conds))
      .orderBy(asc(handlingRatings.createdAt));
  },

  async responsesOf(exec: Executor, orgId: string, itemId: string) {
    return exec
      .select({ r: handlingResponses, departmentName: departments.name })
      .from(handlingResponses)
      .innerJoin(departments, eq(departments.id, handlingResponses.departmentId))
      .where(and(eq(handlingResponses.orgId, orgId), eq(handlingResponses.itemId, itemId)))
      .orderBy(asc(handlingResponses.createdAt));
  },

  async eventsOf(exec: Executor, orgId: string, itemId: string) {
    return exec
      .select()
      .from(handlingEvents)
      .where(and(eq(handlingEvents.orgId, orgId), eq(handlingEvents.itemId, itemId)))
      .orderBy(desc(handlingEvents.createdAt), desc(handlingEvents.id));
  },

  async departmentNames(exec: Executor, orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await exec
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), inArray(departments.id, [...new Set(ids)])));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async list(exec: Executor, orgId: string, f: HandlingFilter) {
    const where = filterWhere(orgId, f);
    const [rows, [{ total }]] = await Promise.all([
      exec
        .select()
        .from(handlingItems)
        .where(where)
        .orderBy(asc(handlingItems.dueDate), asc(handlingItems.id))
        .limit(f.limit)
        .offset(f.offset),
      exec.select({ total: count() }).from(handlingItems).where(where),
    ]);
    return { rows, total };
  },

  /**
   * Marks the open items whose deadline notice of this kind is due and not yet sent this round,
   * and returns them: the update is the claim, so two scans never notify the same item twice.
   */
  async claimDeadlineNotices(
    exec: Executor,
    orgId: string,
    kind: 'overdue' | 'dueSoon',
    today: string,
    soonUntil: string,
  ): Promise<HandlingItemRow[]> {
    const column =
      kind === 'overdue' ? handlingItems.overdueNotifiedRound : handlingItems.dueSoonNotifiedRound;
    const window =
      kind === 'overdue'
        ? lt(handlingItems.dueDate, today)
        : and(gte(handlingItems.dueDate, today), lte(handlingItems.dueDate, soonUntil));
    const set =
      kind === 'overdue'
        ? { overdueNotifiedRound: sql`${handlingItems.round}` }
        : { dueSoonNotifiedRound: sql`${handlingItems.round}` };
    return exec
      .update(handlingItems)
      .set(set)
      .where(
        and(
          eq(handlingItems.orgId, orgId),
          eq(handlingItems.state, 'assigned'),
          window,
          lt(column, handlingItems.round),
        ),
      )
      .returning();
  },

  /** Unions that have open items: the periodic scan visits only these. */
  async orgsWithOpenItems(exec: Executor): Promise<string[]> {
    const rows = await exec
      .selectDistinct({ orgId: handlingItems.orgId })
      .from(handlingItems)
      .where(eq(handlingItems.state, 'assigned'));
    return rows.map((r) => r.orgId);
  },
};
