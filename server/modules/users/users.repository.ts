import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { departments, loginThrottle, members, users } from '../../db/schema/index.js';
import { containsPattern } from '../../lib/like.js';
import { sessionCache } from '../../lib/sessionCache.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const usersRepository = {
  async findByUsername(exec: Executor, username: string): Promise<UserRow | undefined> {
    const [row] = await exec
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
    return row;
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<UserRow | undefined> {
    const [row] = await exec
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, id)));
    return row;
  },

  async findByMember(exec: Executor, orgId: string, memberId: string): Promise<UserRow | undefined> {
    const [row] = await exec
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.memberId, memberId)));
    return row;
  },

  async list(exec: Executor, orgId: string, q: { q?: string; limit: number; offset: number }) {
    const like = q.q ? containsPattern(q.q) : undefined;
    const where = and(
      eq(users.orgId, orgId),
      like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
    );
    const rows = await exec
      .select({ user: users, lockedUntil: loginThrottle.lockedUntil })
      .from(users)
      .leftJoin(loginThrottle, eq(loginThrottle.username, sql`lower(${users.username})`))
      .where(where)
      .orderBy(users.username)
      .limit(q.limit)
      .offset(q.offset);
    const [{ n }] = await exec.select({ n: count() }).from(users).where(where);
    return { rows, total: n };
  },

  /** Up to 20 members whose name contains q (or the one with id), for the account form's member picker. */
  async memberOptions(exec: Executor, orgId: string, q: { q: string; id?: string }) {
    return exec
      .select({ id: members.id, name: members.name, departmentName: departments.name })
      .from(members)
      .innerJoin(departments, eq(departments.id, members.departmentId))
      .where(
        and(
          eq(members.orgId, orgId),
          q.id ? eq(members.id, q.id) : ilike(members.name, containsPattern(q.q)),
        ),
      )
      .orderBy(members.name, members.id)
      .limit(20);
  },

  async insert(exec: Executor, values: NewUser): Promise<UserRow> {
    const [row] = await exec.insert(users).values(values).returning();
    return row;
  },

  async update(
    exec: Executor,
    orgId: string,
    id: string,
    values: Partial<NewUser>,
  ): Promise<UserRow | undefined> {
    sessionCache.forgetUser(id);
    const [row] = await exec
      .update(users)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(users.orgId, orgId), eq(users.id, id)))
      .returning();
    return row;
  },

  async countAll(exec: Executor): Promise<number> {
    const [{ n }] = await exec.select({ n: count() }).from(users);
    return n;
  },

  async lockedUntil(exec: Executor, username: string): Promise<Date | null> {
    const [row] = await exec
      .select({ lockedUntil: loginThrottle.lockedUntil })
      .from(loginThrottle)
      .where(eq(loginThrottle.username, username.toLowerCase()));
    return row?.lockedUntil ?? null;
  },

  async clearThrottle(exec: Executor, username: string) {
    await exec.delete(loginThrottle).where(eq(loginThrottle.username, username.toLowerCase()));
  },
};
