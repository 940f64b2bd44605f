import { and, asc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { departments, unionGroupDepartments, unionGroups } from '../../db/schema/index.js';

export type UnionGroupRow = typeof unionGroups.$inferSelect;
export type UnionGroupValues = Pick<UnionGroupRow, 'name' | 'leaderName' | 'note'>;
export type UnionGroupWithDepartments = UnionGroupRow & { departmentIds: string[] };

const departmentIdsOf = sql<string[]>`coalesce((
  select array_agg(l.department_id order by l.department_id)
  from ${unionGroupDepartments} l
  where l.org_id = ${unionGroups.orgId} and l.union_group_id = ${unionGroups.id}
), '{}'::uuid[])`;

const withDepartments = { ...getTableColumns(unionGroups), departmentIds: departmentIdsOf };

export const unionGroupsRepository = {
  async list(exec: Executor, orgId: string): Promise<UnionGroupWithDepartments[]> {
    return exec
      .select(withDepartments)
      .from(unionGroups)
      .where(eq(unionGroups.orgId, orgId))
      .orderBy(asc(unionGroups.name), asc(unionGroups.id));
  },

  async findById(exec: Executor, orgId: string, id: string): Promise<UnionGroupWithDepartments | undefined> {
    const [row] = await exec
      .select(withDepartments)
      .from(unionGroups)
      .where(and(eq(unionGroups.orgId, orgId), eq(unionGroups.id, id)));
    return row;
  },

  async findByName(exec: Executor, orgId: string, name: string): Promise<UnionGroupRow | undefined> {
    const [row] = await exec
      .select()
      .from(unionGroups)
      .where(and(eq(unionGroups.orgId, orgId), eq(unionGroups.name, name)));
    return row;
  },

  /** Of the given departments, those already linked to a group other than `exceptGroupId`. */
  async linkedElsewhere(exec: Executor, orgId: string, departmentIds: string[], exceptGroupId?: string) {
    if (departmentIds.length === 0) return [];
    return exec
      .select({
        departmentId: departments.id,
        departmentName: departments.name,
        groupId: unionGroups.id,
        groupName: unionGroups.name,
      })
      .from(unionGroupDepartments)
      .innerJoin(departments, eq(departments.id, unionGroupDepartments.departmentId))
      .innerJoin(unionGroups, eq(unionGroups.id, unionGroupDepartments.unionGroupId))
      .where(
        and(
          eq(unionGroupDepartments.orgId, orgId),
          inArray(unionGroupDepartments.departmentId, departmentIds),
          exceptGroupId ? ne(unionGroupDepartments.unionGroupId, exceptGroupId) : undefined,
        ),
      )
      .orderBy(asc(departments.name));
  },

  async insert(exec: Executor, orgId: string, values: UnionGroupValues): Promise<UnionGroupRow> {
    const [row] = await exec
      .insert(unionGroups)
      .values({ orgId, ...values })
      .returning();
    return row;
  },

  async update(exec: Executor, orgId: string, id: string, values: UnionGroupValues) {
    await exec
      .update(unionGroups)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(unionGroups.orgId, orgId), eq(unionGroups.id, id)));
  },

  /** Replaces the group's department links with exactly the given ones. */
  async setDepartments(exec: Executor, orgId: string, groupId: string, departmentIds: string[]) {
    await exec
      .delete(unionGroupDepartments)
      .where(and(eq(unionGroupDepartments.orgId, orgId), eq(unionGroupDepartments.unionGroupId, groupId)));
    if (departmentIds.length === 0) return;
    await exec
      .insert(unionGroupDepartments)
      .values(departmentIds.map((departmentId) => ({ orgId, unionGroupId: groupId, departmentId })));
  },

  /** Links go with the group (ON DELETE CASCADE); members keep their record with no group (SET NULL). */
  async delete(exec: Executor, orgId: string, id: string) {
    await exec.delete(unionGroups).where(and(eq(unionGroups.orgId, orgId), eq(unionGroups.id, id)));
  },
};
