import { and, arrayOverlaps, count, desc, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { careEvents, departments, members, users } from '../../db/schema/index.js';
import type { Scope } from './visits.repository.js';

// The only place reported-event SQL lives; scoped by org, and by the member's department for group leaders.

export type CareEvent = typeof careEvents.$inferSelect;
export type NewCareEvent = typeof careEvents.$inferInsert;

export interface CareEventRow {
  event: CareEvent;
  memberName: string;
  departmentName: string | null;
}

function where(orgId: string, scope: Scope) {
  return and(eq(careEvents.orgId, orgId), scope ? inArray(members.departmentId, [...scope]) : undefined);
}

function selectRows(exec: Executor) {
  return exec
    .select({ event: careEvents, memberName: members.name, departmentName: departments.name })
    .from(careEvents)
    .innerJoin(members, and(eq(members.orgId, careEvents.orgId), eq(members.id, careEvents.memberId)))
    .leftJoin(departments, eq(departments.id, members.departmentId));
}

export const careEventsRepository = {
  async insert(exec: Executor, values: NewCareEvent): Promise<CareEvent> {
    const [row] = await exec.insert(careEvents).values(values).returning();
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, values: Partial<NewCareEvent>) {
    await exec
      .update(careEvents)
      .set(values)
      .where(and(eq(careEvents.orgId, orgId), eq(careEvents.id, id)));
  },

  async lockById(exec: Executor, orgId: string, id: string): Promise<CareEvent | undefined> {
    const [row] = await exec
      .select()
      .from(careEvents)
      .where(and(eq(careEvents.orgId, orgId), eq(careEvents.id, id)))
      .for('update');
    return row;
  },

  async findRow(exec: Executor, orgId: string, id: string, scope: Scope): Promise<CareEventRow | undefined> {
    const [row] = await selectRows(exec).where(and(where(orgId, scope), eq(careEvents.id, id)));
    return row;
  },

  /** Open events oldest first (the worklist); closed ones newest first. */
  async list(
    exec: Executor,
    orgId: string,
    scope: Scope,
    f: { status?: CareEvent['status']; memberId?: string },
    page: { limit: number; offset: number },
  ): Promise<{ rows: CareEventRow[]; total: number }> {
    const cond = and(
      where(orgId, scope),
      f.status ? eq(careEvents.status, f.status) : undefined,
      f.memberId ? eq(careEvents.memberId, f.memberId) : undefined,
    );
    const order =
      f.status === 'open' ? [careEvents.eventDate, careEvents.createdAt] : [desc(careEvents.createdAt)];
    const [rows, [{ total }]] = await Promise.all([
      selectRows(exec)
        .where(cond)
        .orderBy(...order)
        .limit(page.limit)
        .offset(page.offset),
      exec
        .select({ total: count() })
        .from(careEvents)
        .innerJoin(members, and(eq(members.orgId, careEvents.orgId), eq(members.id, careEvents.memberId)))
        .where(cond),
    ]);
    return { rows, total };
  },

  /** Active accounts holding any of `roles`: who is told about a new event. */
  async usersWithRoles(exec: Executor, orgId: string, roles: readonly Role[]): Promise<string[]> {
    const rows = await exec
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.disabled, false), arrayOverlaps(users.roles, [...roles])));
    return rows.map((r) => r.id);
  },
};
