import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/permissions.js';
import { auditLog, departments } from '../../db/schema/index.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  createUnionGroup,
  createUser,
  loginAs,
  setupTestApp,
  type TestContext,
  unique,
} from '../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function auditRows(objectId: string) {
  return ctx.deps.db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.objectId} = ${objectId}`)
    .orderBy(auditLog.id);
}

/** A member row pointing at the department, written straight to the table (the members module is separate). */
async function insertMember(orgId: string, departmentId: string) {
  await ctx.deps.db.execute(sql`
    insert into members (org_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked,
      department_id, employment_type)
    values (${orgId}, '张三', 'male', '1990-01-01', '\\x01'::bytea, ${randomUUID()}, '110105********0011',
      ${departmentId}, 'permanent')`);
}

describe('GET /api/departments', () => {
  it('answers 401 to an anonymous caller', async () => {
    expect((await anonymous(ctx.app).get('/api/departments')).statusCode).toBe(401);
  });

  it('lists only the own org, ordered by sort then name, for every role', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    await createDepartment(ctx.deps, other.id, '外院科室');
    for (const [name, sort] of [
      ['乙科', 1],
      ['甲科', 1],
      ['丙科', 0],
    ] as const) {
      await ctx.deps.db.insert(departments).values({ orgId: org.id, name, sort });
    }
    for (const role of ROLES) {
      const c = await loginAs(ctx, org.id, [role], role === 'groupLeader' ? { departmentIds: [] } : {});
      const res = await c.get('/api/departments');
      expect(res.statusCode, role).toBe(200);
      expect(res.json().data.map((d: { name: string }) => d.name)).toEqual(['丙科', '乙科', '甲科']);
    }
  });
});

describe('POST /api/departments', () => {
  it('answers 401 anonymous and 403 to a role without org:manage', async () => {
    const org = await createOrg(ctx.deps);
    expect((await anonymous(ctx.app).post('/api/departments', { name: '内科' })).statusCode).toBe(401);
    for (const role of ['viceChair', 'auditor', 'securityAdmin', 'member'] as const) {
      const c = await loginAs(ctx, org.id, [role]);
      const res = await c.post('/api/departments', { name: '内科' });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('creates a department under a parent and audits it', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['officer']);
    const parent = await c.post('/api/departments', { name: '内科系统', code: 'NK', sort: 2 });
    expect(parent.statusCode).toBe(201);
    expect(parent.json().data).toMatchObject({ name: '内科系统', code: 'NK', sort: 2, parentId: null });
    const child = await c.post('/api/departments', { name: ' 心内科 ', parentId: parent.json().data.id });
    expect(child.statusCode).toBe(201);
    expect(child.json().data).toMatchObject({ name: '心内科', parentId: parent.json().data.id, sort: 0 });
    const [row] = await auditRows(child.json().data.id);
    expect(row).toMatchObject({ action: 'department.create', orgId: org.id, actorId: c.user.id });
  });

  it('answers 400 naming the field for bad input', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['chair']);
    const empty = await c.post('/api/departments', { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toEqual({ path: 'name', message: '请填写科室名称' });
    const badParent = await c.post('/api/departments', { name: '外科', parentId: 'nope' });
    expect(badParent.json().error.details[0]).toEqual({ path: 'parentId', message: '上级科室无效' });
    const badSort = await c.post('/api/departments', { name: '外科', sort: 1.5 });
    expect(badSort.json().error.details[0]).toMatchObject({ path: 'sort', message: '排序应为整数' });
  });

  it('refuses a parent that is not a department of the org (400)', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const foreign = await createDepartment(ctx.deps, other.id);
    const c = await loginAs(ctx, org.id, ['chair']);
    for (const parentId of [foreign.id, randomUUID()]) {
      const res = await c.post('/api/departments', { name: '外科', parentId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toEqual({ path: 'parentId', message: '上级科室不存在' });
    }
  });

  it('answers 409 for a name already used in the org, but not for one used by another org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    await createDepartment(ctx.deps, org.id, '儿科');
    await createDepartment(ctx.deps, other.id, '眼科');
    const c = await loginAs(ctx, org.id, ['chair']);
    const dup = await c.post('/api/departments', { name: '儿科' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE',
      details: [{ path: 'name', message: '科室名称已存在' }],
    });
    expect((await c.post('/api/departments', { name: '眼科' })).statusCode).toBe(201);
  });
});

describe('PUT /api/departments/:id', () => {
  it('answers 401, 403 and 404 for another org or an unknown id', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const own = await createDepartment(ctx.deps, org.id);
    const foreign = await createDepartment(ctx.deps, other.id);
    const body = { name: '新名称' };
    expect((await anonymous(ctx.app).put(`/api/departments/${own.id}`, body)).statusCode).toBe(401);
    const viewer = await loginAs(ctx, org.id, ['committeeMember']);
    expect((await viewer.put(`/api/departments/${own.id}`, body)).statusCode).toBe(403);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    for (const id of [foreign.id, randomUUID()]) {
      const res = await c.put(`/api/departments/${id}`, body);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('DEPARTMENT_NOT_FOUND');
    }
    expect((await c.put('/api/departments/not-a-uuid', body)).statusCode).toBe(400);
    const [row] = await ctx.deps.db.select().from(departments).where(sql`id = ${foreign.id}`);
    expect(row.name).toBe(foreign.name);
  });

  it('renames and moves a department, keeping its own name allowed, and audits before and after', async () => {
    const org = await createOrg(ctx.deps);
    const a = await createDepartment(ctx.deps, org.id, '外科系统');
    const b = await createDepartment(ctx.deps, org.id, '骨科');
    const c = await loginAs(ctx, org.id, ['officer']);
    const same = await c.put(`/api/departments/${b.id}`, { name: '骨科', sort: 3 });
    expect(same.statusCode).toBe(200);
    const moved = await c.put(`/api/departments/${b.id}`, { name: '骨一科', parentId: a.id, code: 'GK1' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().data).toEqual({ id: b.id, name: '骨一科', parentId: a.id, code: 'GK1', sort: 0 });
    const rows = await auditRows(b.id);
    expect(rows.map((r) => r.action)).toEqual(['department.update', 'department.update']);
    expect(rows[1].detail).toMatchObject({
      before: { name: '骨科' },
      after: { name: '骨一科', parentId: a.id },
    });
  });

  it('refuses to move a department under itself or a descendant (400)', async () => {
    const org = await createOrg(ctx.deps);
    const top = await createDepartment(ctx.deps, org.id);
    const mid = await createDepartment(ctx.deps, org.id, unique('科室'), top.id);
    const leaf = await createDepartment(ctx.deps, org.id, unique('科室'), mid.id);
    const c = await loginAs(ctx, org.id, ['chair']);
    for (const parentId of [top.id, mid.id, leaf.id]) {
      const res = await c.put(`/api/departments/${top.id}`, { name: top.name, parentId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0]).toEqual({
        path: 'parentId',
        message: '不能将科室移到其自身或下级科室之下',
      });
    }
    // Moving a leaf up to the top is fine.
    expect((await c.put(`/api/departments/${leaf.id}`, { name: leaf.name, parentId: null })).statusCode).toBe(
      200,
    );
  });

  it('lets only one of two concurrent crossing moves through, so no cycle is built', async () => {
    const org = await createOrg(ctx.deps);
    const a = await createDepartment(ctx.deps, org.id);
    const b = await createDepartment(ctx.deps, org.id);
    const c = await loginAs(ctx, org.id, ['chair']);
    const codes = await Promise.all([
      c.put(`/api/departments/${a.id}`, { name: a.name, parentId: b.id }),
      c.put(`/api/departments/${b.id}`, { name: b.name, parentId: a.id }),
    ]).then((rs) => rs.map((r) => r.statusCode).sort());
    expect(codes).toEqual([200, 400]);
    const rows = await ctx.deps.db.select().from(departments).where(sql`org_id = ${org.id}`);
    expect(rows.filter((d) => d.parentId !== null)).toHaveLength(1);
  });

  it('answers 409 when renaming to another department’s name', async () => {
    const org = await createOrg(ctx.deps);
    await createDepartment(ctx.deps, org.id, '口腔科');
    const d = await createDepartment(ctx.deps, org.id, '皮肤科');
    const c = await loginAs(ctx, org.id, ['chair']);
    const res = await c.put(`/api/departments/${d.id}`, { name: '口腔科' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([{ path: 'name', message: '科室名称已存在' }]);
  });
});

describe('DELETE /api/departments/:id', () => {
  it('answers 401, 403 and 404 for another org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const own = await createDepartment(ctx.deps, org.id);
    const foreign = await createDepartment(ctx.deps, other.id);
    expect((await anonymous(ctx.app).delete(`/api/departments/${own.id}`)).statusCode).toBe(401);
    const viewer = await loginAs(ctx, org.id, ['viceChair']);
    expect((await viewer.delete(`/api/departments/${own.id}`)).statusCode).toBe(403);
    const c = await loginAs(ctx, org.id, ['chair']);
    expect((await c.delete(`/api/departments/${foreign.id}`)).statusCode).toBe(404);
    expect(await ctx.deps.db.select().from(departments).where(sql`id = ${foreign.id}`)).toHaveLength(1);
  });

  it('deletes an unused department and audits it', async () => {
    const org = await createOrg(ctx.deps);
    const d = await createDepartment(ctx.deps, org.id);
    const c = await loginAs(ctx, org.id, ['chair']);
    const res = await c.delete(`/api/departments/${d.id}`);
    expect(res.statusCode).toBe(204);
    expect(await ctx.deps.db.select().from(departments).where(sql`id = ${d.id}`)).toHaveLength(0);
    expect((await auditRows(d.id)).map((r) => r.action)).toEqual(['department.delete']);
    expect((await c.delete(`/api/departments/${d.id}`)).statusCode).toBe(404);
  });

  it('refuses (409 IN_USE) while sub-departments, members, accounts or a union group refer to it', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['chair']);
    const expectInUse = async (id: string, text: string) => {
      const res = await c.delete(`/api/departments/${id}`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IN_USE');
      expect(res.json().error.message).toContain(text);
    };

    const parent = await createDepartment(ctx.deps, org.id);
    await createDepartment(ctx.deps, org.id, unique('科室'), parent.id);
    await expectInUse(parent.id, '有1个下级科室');

    const withMember = await createDepartment(ctx.deps, org.id);
    await insertMember(org.id, withMember.id);
    await insertMember(org.id, withMember.id);
    await expectInUse(withMember.id, '有2名会员');

    const scoped = await createDepartment(ctx.deps, org.id);
    await createUser(ctx.deps, org.id, ['groupLeader'], { departmentIds: [scoped.id] });
    await expectInUse(scoped.id, '有1个用户账号负责该科室');

    const grouped = await createDepartment(ctx.deps, org.id);
    await createUnionGroup(ctx.deps, org.id, [grouped.id], '第一工会小组');
    await expectInUse(grouped.id, '已关联工会小组“第一工会小组”');

    for (const d of [parent, withMember, scoped, grouped]) {
      expect(await ctx.deps.db.select().from(departments).where(sql`id = ${d.id}`)).toHaveLength(1);
      expect(await auditRows(d.id)).toHaveLength(0);
    }
  });
});
