import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { departments, orgs } from '../../db/schema/index.js';

export const organisationRepository = {
  /**
   * Serialises changes to one org's departments and union groups for the rest of the transaction:
   * two concurrent moves cannot build a cycle, and the name and usage checks made after it hold.
   */
  async lockStructure(exec: Executor, orgId: string) {
    await exec.execute(sql`select pg_advisory_xact_lock(hashtext(${`gonghui.structure:${orgId}`}))`);
  },

  async insertOrg(exec: Executor, name: string) {
    const [row] = await exec.insert(orgs).values({ name }).returning();
    return row;
  },

  async findOrg(exec: Executor, id: string) {
    const [row] = await exec.select().from(orgs).where(eq(orgs.id, id));
    return row;
  },

  async existingDepartmentIds(exec: Executor, orgId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await exec
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), inArray(departments.id, ids)));
    return rows.map((r) => r.id);
  },

  /** The given departments and every department below them. */
  async withDescendants(exec: Executor, orgId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const r = await exec.execute<{ id: string }>(sql`
      with recursive tree as (
        select id from departments where org_id = ${orgId} and id in ${ids}
        union
        select d.id from departments d join tree t on d.parent_id = t.id where d.org_id = ${orgId}
      )
      select id from tree`);
    return r.rows.map((row) => row.id);
  },
};
