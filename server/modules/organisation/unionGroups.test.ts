import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, unionGroupDepartments, unionGroups } from '../../db/schema/index.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  createUnionGroup,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function auditActions(objectId: string) {
  const rows = await ctx.deps.db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.objectId} = ${objectId}`)
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

async function linksOf(groupId: string) {
  const rows = await ctx.deps.db
    .select()
    .from(unionGroupDepartments)
    .where(sql`${unionGroupDepartments.unionGroupId} = ${groupId}`);
  return rows.map((r) => r.departmentId).sort();
}

describe('GET /api/union-groups', () => {
  it('answers 401 to an anonymous caller', async () => {
    expect((await anonymous(ctx.app).get('/api/union-groups')).statusCode).toBe(401);
  });

  it('lists the own org’s groups with their departments', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const d1 = await createDepartment(ctx.deps, org.id);
    const d2 = await createDepartment(ctx.deps, org.id);
    await createUnionGroup(ctx.deps, org.id, [d1.id, d2.id], '甲组');
    await createUnionGroup(ctx.deps, org.id, [], '乙组');
    await createUnionGroup(ctx.deps, other.id, [], '外院小组');
    const c = await loginAs(ctx, org.id, ['member']);
    const res = await c.get('/api/union-groups');
    expect(res.statusCode).toBe(200);
    const data = res.json().data as { name: string; departmentIds: string[] }[];
    expect(data.map((g) => g.name).sort()).toEqual(['乙组', '甲组']);
    expect(data.find((g) => g.name === '甲组')!.departmentIds.sort()).toEqual([d1.id, d2.id].sort());
    expect(data.find((g) => g.name === '乙组')!.departmentIds).toEqual([]);
  });
});

describe('POST /api/union-groups', () => {
  it('answers 401 anonymous and 403 without org:manage', async () => {
    const org = await createOrg(ctx.deps);
    const body = { name: '第一小组' };
    expect((await anonymous(ctx.app).post('/api/union-groups', body)).statusCode).toBe(401);
    for (const role of ['groupLeader', 'auditor', 'delegate'] as const) {
      const c = await loginAs(ctx, org.id, [role], { departmentIds: [] });
      expect((await c.post('/api/union-groups', body)).statusCode, role).toBe(403);
    }
  });

  it('creates a group with its departments (duplicates in the list collapse) and audits it', async () => {
    const org = await createOrg(ctx.deps);
    const d1 = await createDepartment(ctx.deps, org.id);
    const d2 = await createDepartment(ctx.deps, org.id);
    const c = await loginAs(ctx, org.id, ['officer']);
    const res = await c.post('/api/union-groups', {
      name: '内科小组',
      departmentIds: [d1.id, d2.id, d1.id],
      leaderName: '李四',
      note: '',
    });
    expect(res.statusCode).toBe(201);
    const g = res.json().data;
    expect(g).toMatchObject({ name: '内科小组', leaderName: '李四', note: null });
    expect(g.departmentIds.sort()).toEqual([d1.id, d2.id].sort());
    expect(await linksOf(g.id)).toEqual([d1.id, d2.id].sort());
    expect(await auditActions(g.id)).toEqual(['unionGroup.create']);
  });

  it('answers 400 for bad input and for departments not of the org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const foreign = await createDepartment(ctx.deps, other.id);
    const c = await loginAs(ctx, org.id, ['chair']);
    const noName = await c.post('/api/union-groups', { departmentIds: [] });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.details[0]).toEqual({ path: 'name', message: '请填写小组名称' });
    const badId = await c.post('/api/union-groups', { name: '小组', departmentIds: ['x'] });
    expect(badId.json().error.details[0]).toEqual({ path: 'departmentIds.0', message: '科室无效' });
    for (const id of [foreign.id, randomUUID()]) {
      const res = await c.post('/api/union-groups', { name: '小组', departmentIds: [id] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toEqual({ path: 'departmentIds', message: '所选科室不存在' });
    }
    expect(await ctx.deps.db.select().from(unionGroups).where(sql`org_id = ${org.id}`)).toHaveLength(0);
  });

  it('answers 409 for a duplicate name and for a department already in another group', async () => {
    const org = await createOrg(ctx.deps);
    const d = await createDepartment(ctx.deps, org.id, '急诊科');
    await createUnionGroup(ctx.deps, org.id, [d.id], '急诊小组');
    const c = await loginAs(ctx, org.id, ['chair']);
    const dupName = await c.post('/api/union-groups', { name: '急诊小组' });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().error).toMatchObject({
      code: 'DUPLICATE',
      details: [{ path: 'name', message: '小组名称已存在' }],
    });
    const taken = await c.post('/api/union-groups', { name: '新小组', departmentIds: [d.id] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'DUPLICATE',
      details: [{ path: 'departmentIds', message: '科室“急诊科”已属于工会小组“急诊小组”' }],
    });
  });
});

describe('PUT /api/union-groups/:id', () => {
  it('answers 401, 403 and 404 for another org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const own = await createUnionGroup(ctx.deps, org.id, []);
    const foreign = await createUnionGroup(ctx.deps, other.id, []);
    const body = { name: '改名' };
    expect((await anonymous(ctx.app).put(`/api/union-groups/${own.id}`, body)).statusCode).toBe(401);
    const viewer = await loginAs(ctx, org.id, ['viceChair']);
    expect((await viewer.put(`/api/union-groups/${own.id}`, body)).statusCode).toBe(403);
    const c = await loginAs(ctx, org.id, ['chair']);
    const res = await c.put(`/api/union-groups/${foreign.id}`, body);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('UNION_GROUP_NOT_FOUND');
  });

  it('replaces the departments, keeps its own name and department allowed, and audits', async () => {
    const org = await createOrg(ctx.deps);
    const d1 = await createDepartment(ctx.deps, org.id);
    const d2 = await createDepartment(ctx.deps, org.id);
    const g = await createUnionGroup(ctx.deps, org.id, [d1.id], '外科小组');
    const c = await loginAs(ctx, org.id, ['chair']);
    const res = await c.put(`/api/union-groups/${g.id}`, {
      name: '外科小组',
      departmentIds: [d1.id, d2.id],
      leaderName: '王五',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ id: g.id, name: '外科小组', leaderName: '王五' });
    expect(await linksOf(g.id)).toEqual([d1.id, d2.id].sort());
    const cleared = await c.put(`/api/union-groups/${g.id}`, { name: '外科一组', departmentIds: [d2.id] });
    expect(cleared.json().data).toMatchObject({ name: '外科一组', departmentIds: [d2.id], leaderName: null });
    expect(await linksOf(g.id)).toEqual([d2.id]);
    expect(await auditActions(g.id)).toEqual(['unionGroup.update', 'unionGroup.update']);
  });

  it('answers 409 when taking another group’s name or department, and changes nothing', async () => {
    const org = await createOrg(ctx.deps);
    const d = await createDepartment(ctx.deps, org.id, '药剂科');
    await createUnionGroup(ctx.deps, org.id, [d.id], '药剂小组');
    const g = await createUnionGroup(ctx.deps, org.id, [], '后勤小组');
    const c = await loginAs(ctx, org.id, ['chair']);
    const name = await c.put(`/api/union-groups/${g.id}`, { name: '药剂小组' });
    expect(name.statusCode).toBe(409);
    expect(name.json().error.details[0].path).toBe('name');
    const dept = await c.put(`/api/union-groups/${g.id}`, { name: '后勤小组', departmentIds: [d.id] });
    expect(dept.statusCode).toBe(409);
    expect(dept.json().error.details[0].message).toBe('科室“药剂科”已属于工会小组“药剂小组”');
    expect(await linksOf(g.id)).toEqual([]);
  });
});

describe('DELETE /api/union-groups/:id', () => {
  it('answers 401, 403 and 404 for another org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const own = await createUnionGroup(ctx.deps, org.id, []);
    const foreign = await createUnionGroup(ctx.deps, other.id, []);
    expect((await anonymous(ctx.app).delete(`/api/union-groups/${own.id}`)).statusCode).toBe(401);
    const viewer = await loginAs(ctx, org.id, ['member']);
    expect((await viewer.delete(`/api/union-groups/${own.id}`)).statusCode).toBe(403);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    expect((await c.delete(`/api/union-groups/${foreign.id}`)).statusCode).toBe(404);
    expect(await ctx.deps.db.select().from(unionGroups).where(sql`id = ${foreign.id}`)).toHaveLength(1);
  });

  it('deletes the group and its links, leaves members without a group, frees the department', async () => {
    const org = await createOrg(ctx.deps);
    const d = await createDepartment(ctx.deps, org.id);
    const g = await createUnionGroup(ctx.deps, org.id, [d.id]);
    await ctx.deps.db.execute(sql`
      insert into members (org_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked,
        department_id, union_group_id, employment_type)
      values (${org.id}, '赵六', 'female', '1991-02-03', '\\x01'::bytea, ${randomUUID()}, '110105********0022',
        ${d.id}, ${g.id}, 'contract')`);
    const c = await loginAs(ctx, org.id, ['chair']);
    expect((await c.delete(`/api/union-groups/${g.id}`)).statusCode).toBe(204);
    expect(await linksOf(g.id)).toEqual([]);
    const m = await ctx.deps.db.execute<{ union_group_id: string | null }>(
      sql`select union_group_id from members where org_id = ${org.id}`,
    );
    expect(m.rows).toEqual([{ union_group_id: null }]);
    expect(await auditActions(g.id)).toEqual(['unionGroup.delete']);
    // The department is free again: a new group may take it, and it may now be deleted.
    expect((await c.post('/api/union-groups', { name: '新组', departmentIds: [d.id] })).statusCode).toBe(201);
  });
});
