import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { departments } from '../../db/schema/index.js';

export type DepartmentRow = typeof departments.$inferSelect;
export type DepartmentValues = Pick<DepartmentRow, 'name' | 'parentId' | 'code' | 'sort'>;

/** What still refers to a department; any non-zero count keeps it from being deleted. */
export interface DepartmentUsage {
  children: number;
  members: number;
  users: number;
  groupNames: string[];
}

export const departmentsRepository = {
  async list(exec: Executor, orgId: string): Promise<DepartmentRow[]> {
    return exec
      .select()
      .from(departments)
      .where(eq(departments.orgId, orgId))
      .orderBy(asc(departments.sort), asc(departments.name), asc(departments.id));
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<DepartmentRow | undefined> {
    const [row] = await exec
      .select()
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
    return row;
  },

  async findByName(exec: Executor, orgId: string, name: string): Promise<DepartmentRow | undefined> {
    const [row] = await exec
      .select()
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.name, name)));
    return row;
  },

  async insert(exec: Executor, orgId: string, values: DepartmentValues): Promise<DepartmentRow> {
    const [row] = await exec
      .insert(departments)
      .values({ orgId, ...values })
      .returning();
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, values: DepartmentValues): Promise<DepartmentRow> {
    const [row] = await exec
      .update(departments)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(departments.orgId, orgId), eq(departments.id, id)))
      .returning();
    return row;
  },

  async delete(exec: Executor, orgId: string, id: string) {
    await exec.delete(departments).where(and(eq(departments.orgId, orgId), eq(departments.id, id)));
  },

  /**
   * Everything that points at the department: sub-departments, members, accounts scoped to it and
   * union-group links. One read over the tables involved, all scoped by org.
   */
  async usage(exec: Executor, orgId: string, id: string): Promise<DepartmentUsage> {
    const r = await exec.execute<{ children: number; members: number; users: number; groups: string[] }>(sql`
      select
        (select count(*)::int from departments where org_id = ${orgId} and parent_id = ${id}) as children,
        (select count(*)::int from members where org_id = ${orgId} and department_id = ${id}) as members,
        (select count(*)::int from users where org_id = ${orgId} and ${id}::uuid = any(department_ids)) as users,
        coalesce((
          select array_agg(g.name order by g.name)
          from union_group_departments l join union_groups g on g.id = l.union_group_id
          where l.org_id = ${orgId} and l.department_id = ${id}
        ), '{}') as groups`);
    const row = r.rows[0];
    return { children: row.children, members: row.members, users: row.users, groupNames: row.groups };
  },
};
