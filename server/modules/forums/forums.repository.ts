import { and, asc, count, desc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { forumIssues, forums } from '../../db/schema/index.js';

// The only place forum SQL lives; every query is scoped by org.

export type ForumRow = typeof forums.$inferSelect;
export type NewForum = typeof forums.$inferInsert;
export type ForumIssueRow = typeof forumIssues.$inferSelect;
export type IssueWithForum = { issue: ForumIssueRow; forumTitle: string; forumDate: string };

const inYear = (col: typeof forums.date, year: number) =>
  sql`${col} between ${`${year}-01-01`} and ${`${year}-12-31`}`;

function forumWhere(orgId: string, f: { year?: number; kind?: string }): SQL {
  return and(
    eq(forums.orgId, orgId),
    f.year ? inYear(forums.date, f.year) : undefined,
    f.kind ? eq(forums.kind, f.kind as ForumRow['kind']) : undefined,
  )!;
}

export const forumsRepository = {
  async list(
    exec: Executor,
    orgId: string,
    f: { year?: number; kind?: string },
    page: { limit: number; offset: number },
  ) {
    const w = forumWhere(orgId, f);
    const rows = await exec
      .select()
      .from(forums)
      .where(w)
      .orderBy(desc(forums.date), desc(forums.createdAt))
      .limit(page.limit)
      .offset(page.offset);
    const [{ n }] = await exec.select({ n: count() }).from(forums).where(w);
    return { rows, total: n };
  },

  async findById(exec: Executor, orgId: string, id: string, lock = false): Promise<ForumRow | undefined> {
    const q = exec
      .select()
      .from(forums)
      .where(and(eq(forums.orgId, orgId), eq(forums.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async insert(exec: Executor, values: NewForum): Promise<ForumRow> {
    const [row] = await exec.insert(forums).values(values).returning();
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, version: number, change: Partial<NewForum>) {
    const [row] = await exec
      .update(forums)
      .set({ ...change, version: sql`${forums.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(forums.orgId, orgId), eq(forums.id, id), eq(forums.version, version)))
      .returning();
    return row as ForumRow | undefined;
  },

  /** Issues with their forum's title and date: of some forums, or of the forums held in a year. */
  async issues(
    exec: Executor,
    orgId: string,
    f: { forumIds?: string[]; year?: number },
  ): Promise<IssueWithForum[]> {
    if (f.forumIds && f.forumIds.length === 0) return [];
    return exec
      .select({ issue: forumIssues, forumTitle: forums.title, forumDate: forums.date })
      .from(forumIssues)
      .innerJoin(forums, eq(forums.id, forumIssues.forumId))
      .where(
        and(
          eq(forumIssues.orgId, orgId),
          f.forumIds ? inArray(forumIssues.forumId, f.forumIds) : undefined,
          f.year ? inYear(forums.date, f.year) : undefined,
        ),
      )
      .orderBy(desc(forums.date), asc(forumIssues.forumId), asc(forumIssues.seq));
  },

  async issueById(
    exec: Executor,
    orgId: string,
    id: string,
    lock = false,
  ): Promise<ForumIssueRow | undefined> {
    const q = exec
      .select()
      .from(forumIssues)
      .where(and(eq(forumIssues.orgId, orgId), eq(forumIssues.id, id)));
    const [row] = lock ? await q.for('update') : await q;
    return row;
  },

  async nextSeq(exec: Executor, orgId: string, forumId: string): Promise<number> {
    const [{ m }] = await exec
      .select({ m: max(forumIssues.seq) })
      .from(forumIssues)
      .where(and(eq(forumIssues.orgId, orgId), eq(forumIssues.forumId, forumId)));
    return (m ?? 0) + 1;
  },

  async insertIssue(exec: Executor, values: typeof forumIssues.$inferInsert): Promise<ForumIssueRow> {
    const [row] = await exec.insert(forumIssues).values(values).returning();
    return row;
  },

  async updateIssue(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    change: Partial<typeof forumIssues.$inferInsert>,
  ) {
    const [row] = await exec
      .update(forumIssues)
      .set({ ...change, version: sql`${forumIssues.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(forumIssues.orgId, orgId), eq(forumIssues.id, id), eq(forumIssues.version, version)))
      .returning();
    return row as ForumIssueRow | undefined;
  },
};
