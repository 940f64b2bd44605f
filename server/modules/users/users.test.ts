import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema/index.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  createUser,
  login,
  loginAs,
  PASSWORD,
  setupTestApp,
  type TestContext,
  unique,
} from '../../test/helpers.js';
import { createMember } from '../members/testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp({ LOGIN_MAX_FAILURES: '3' });
});

const NEW_PASSWORD = 'Fresh-Start-2024!';

async function auditActions(objectId: string) {
  const rows = await ctx.deps.db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.objectId} = ${objectId}`)
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

async function userRow(id: string) {
  const [row] = await ctx.deps.db.select().from(users).where(sql`id = ${id}`);
  return row;
}

const newUser = (over: Record<string, unknown> = {}) => ({
  username: unique('staff'),
  displayName: '张医生',
  password: NEW_PASSWORD,
  roles: ['officer'],
  ...over,
});

describe('who may manage accounts', () => {
  it('answers 401 to an anonymous caller on every users route', async () => {
    const a = anonymous(ctx.app);
    const id = randomUUID();
    for (const res of [
      await a.get('/api/users'),
      await a.post('/api/users', newUser()),
      await a.get(`/api/users/${id}`),
      await a.put(`/api/users/${id}`, {}),
      await a.post(`/api/users/${id}/password`, { password: NEW_PASSWORD }),
    ]) {
      expect(res.statusCode).toBe(401);
    }
  });

  it('answers 403 to the officer, the chair and the auditor', async () => {
    const org = await createOrg(ctx.deps);
    const target = await createUser(ctx.deps, org.id, ['member']);
    for (const role of ['officer', 'chair', 'auditor'] as const) {
      const c = await loginAs(ctx, org.id, [role]);
      for (const res of [
        await c.get('/api/users'),
        await c.post('/api/users', newUser()),
        await c.get(`/api/users/${target.id}`),
        await c.put(`/api/users/${target.id}`, {
          displayName: 'x',
          roles: ['chair'],
          departmentIds: [],
          disabled: false,
        }),
        await c.post(`/api/users/${target.id}/password`, { password: NEW_PASSWORD }),
      ]) {
        expect(res.statusCode, role).toBe(403);
      }
    }
    expect((await userRow(target.id)).roles).toEqual(['member']);
  });

  it('lets the security administrator manage accounts too', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['securityAdmin']);
    expect((await c.post('/api/users', newUser())).statusCode).toBe(201);
  });
});

describe('GET /api/users', () => {
  it('lists only the own org, searches and pages', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const stranger = await createUser(ctx.deps, other.id, ['officer']);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const a = await createUser(ctx.deps, org.id, ['officer'], { username: unique('zhang') });
    await createUser(ctx.deps, org.id, ['member'], { username: unique('li') });
    const all = await c.get('/api/users?pageSize=200');
    expect(all.statusCode).toBe(200);
    const ids = all.json().data.map((u: { id: string }) => u.id);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain(stranger.id);
    expect(all.json().data[0]).not.toHaveProperty('passwordHash');
    const found = await c.get(`/api/users?q=${a.username.slice(0, 8)}`);
    expect(found.json().data.map((u: { id: string }) => u.id)).toEqual([a.id]);
    const page = await c.get('/api/users?page=2&pageSize=2');
    expect(page.json().page).toEqual({ page: 2, pageSize: 2, total: 3 });
    expect(page.json().data).toHaveLength(1);
  });
});

describe('POST /api/users', () => {
  it('creates an account that must change its password at first login, and audits it', async () => {
    const org = await createOrg(ctx.deps);
    const dept = await createDepartment(ctx.deps, org.id);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const body = newUser({ roles: ['groupLeader', 'delegate'], departmentIds: [dept.id] });
    const res = await c.post('/api/users', body);
    expect(res.statusCode).toBe(201);
    const u = res.json().data;
    expect(u).toMatchObject({
      username: body.username,
      roles: ['groupLeader', 'delegate'],
      departmentIds: [dept.id],
      mustChangePassword: true,
      disabled: false,
    });
    expect(u).not.toHaveProperty('passwordHash');
    expect(await auditActions(u.id)).toEqual(['user.create']);

    const own = await login(ctx.app, body.username, NEW_PASSWORD);
    const blocked = await own.get('/api/departments');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await own.post('/api/auth/password', {
      currentPassword: NEW_PASSWORD,
      newPassword: 'Own-Secret-Pass-7',
    });
    expect(changed.statusCode).toBe(200);
    expect((await own.get('/api/departments')).statusCode).toBe(200);
  });

  it('answers 400 for a weak password, naming the field', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const res = await c.post('/api/users', newUser({ password: 'short' }));
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details;
    expect(details.every((d: { path: string }) => d.path === 'password')).toBe(true);
    expect(details.map((d: { message: string }) => d.message)).toContain('密码至少10位');
    const withName = await c.post(
      '/api/users',
      newUser({ username: 'doctorwho', password: 'Doctorwho-123' }),
    );
    expect(withName.json().error.details).toContainEqual({ path: 'password', message: '密码不能包含用户名' });
  });

  it('answers 400 for a group leader without departments and for departments of another org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const foreign = await createDepartment(ctx.deps, other.id);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const none = await c.post('/api/users', newUser({ roles: ['groupLeader'] }));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details).toEqual([
      { path: 'departmentIds', message: '工会小组长须指定负责的科室' },
    ]);
    const alien = await c.post(
      '/api/users',
      newUser({ roles: ['groupLeader'], departmentIds: [foreign.id] }),
    );
    expect(alien.statusCode).toBe(400);
    expect(alien.json().error.details).toEqual([{ path: 'departmentIds', message: '所选科室不存在' }]);
  });

  it('refuses to combine the auditor with another role (三员分立)', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const res = await c.post('/api/users', newUser({ roles: ['auditor', 'chair'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'roles', message: '安全审计员不能与其他角色兼任（三员分立）' },
    ]);
    const sys = await c.post('/api/users', newUser({ roles: ['chair', 'sysAdmin'] }));
    expect(sys.json().error.details[0].message).toBe('系统管理员不能与其他角色兼任（三员分立）');
  });

  it('answers 400 for bad input: username format, unknown role, no role', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const name = await c.post('/api/users', newUser({ username: '1abc' }));
    expect(name.json().error.details[0].path).toBe('username');
    const role = await c.post('/api/users', newUser({ roles: ['king'] }));
    expect(role.json().error.details[0]).toMatchObject({ path: 'roles.0', message: '角色无效' });
    const empty = await c.post('/api/users', newUser({ roles: [] }));
    expect(empty.json().error.details[0]).toMatchObject({ path: 'roles', message: '请至少选择一个角色' });
  });

  it('answers 409 for a username already taken, in any case and in any org', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const taken = await createUser(ctx.deps, other.id, ['member'], { username: unique('Taken') });
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const res = await c.post('/api/users', newUser({ username: taken.username.toLowerCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'DUPLICATE',
      details: [{ path: 'username', message: '用户名已被使用' }],
    });
  });
});

describe('POST /api/users: at the same moment', () => {
  it('gives one 201 and one 409, never a 500, when two admins create the same name at once', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const body = newUser();
    const codes = await Promise.all([c.post('/api/users', body), c.post('/api/users', body)]);
    expect(codes.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(codes.find((r) => r.statusCode === 409)!.json().error.details[0].path).toBe('username');
  });

  it('searches for % and _ literally', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    expect((await c.get('/api/users?q=%25')).json().data).toEqual([]);
    expect((await c.get('/api/users?q=_')).json().data).toEqual([]);
  });
});

describe('GET /api/users/:id', () => {
  it('answers 404 for another org’s account and 400 for a malformed id', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const stranger = await createUser(ctx.deps, other.id, ['officer']);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    const res = await c.get(`/api/users/${stranger.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('USER_NOT_FOUND');
    expect((await c.get('/api/users/abc')).statusCode).toBe(400);
    const own = await c.get(`/api/users/${c.user.id}`);
    expect(own.json().data).toMatchObject({ id: c.user.id, roles: ['sysAdmin'] });
  });
});

describe('PUT /api/users/:id', () => {
  const update = (over: Record<string, unknown> = {}) => ({
    displayName: '王主任',
    roles: ['chair'],
    departmentIds: [],
    disabled: false,
    ...over,
  });

  it('answers 404 for another org’s account and leaves it alone', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const stranger = await createUser(ctx.deps, other.id, ['officer']);
    const c = await loginAs(ctx, org.id, ['sysAdmin']);
    expect((await c.put(`/api/users/${stranger.id}`, update({ disabled: true }))).statusCode).toBe(404);
    expect((await userRow(stranger.id)).disabled).toBe(false);
  });

  it('changes roles, ends the user’s sessions so the change takes effect, and audits', async () => {
    const org = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const target = await loginAs(ctx, org.id, ['member']);
    const res = await admin.put(`/api/users/${target.user.id}`, update());
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ displayName: '王主任', roles: ['chair'] });
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    const again = await login(ctx.app, target.user.username);
    expect((await again.get('/api/auth/me')).json().data.permissions).toContain('member:write');
    expect(await auditActions(target.user.id)).toContain('user.update');
  });

  it('disabling ends the sessions and refuses the next login', async () => {
    const org = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const target = await loginAs(ctx, org.id, ['officer']);
    const res = await admin.put(
      `/api/users/${target.user.id}`,
      update({ roles: ['officer'], displayName: target.user.displayName, disabled: true }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().data.disabled).toBe(true);
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    const again = await anonymous(ctx.app).post('/api/auth/login', {
      username: target.user.username,
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(401);
  });

  it('answers 409 when an admin would disable themselves or drop their own admin role', async () => {
    const org = await createOrg(ctx.deps);
    for (const role of ['sysAdmin', 'securityAdmin'] as const) {
      const admin = await loginAs(ctx, org.id, [role]);
      const self = `/api/users/${admin.user.id}`;
      const disable = await admin.put(self, update({ roles: [role], disabled: true }));
      expect(disable.statusCode, role).toBe(409);
      expect(disable.json().error.code).toBe('CONFLICT');
      const drop = await admin.put(self, update({ roles: ['member'] }));
      expect(drop.statusCode, role).toBe(409);
      const row = await userRow(admin.user.id);
      expect(row).toMatchObject({ disabled: false, roles: [role] });
      expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
    }
  });

  it('answers 400 for a role conflict and a group leader without departments', async () => {
    const org = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const target = await createUser(ctx.deps, org.id, ['member']);
    const clash = await admin.put(`/api/users/${target.id}`, update({ roles: ['auditor', 'chair'] }));
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details[0]).toEqual({
      path: 'roles',
      message: '安全审计员不能与其他角色兼任（三员分立）',
    });
    const leader = await admin.put(`/api/users/${target.id}`, update({ roles: ['groupLeader'] }));
    expect(leader.json().error.details[0].path).toBe('departmentIds');
    const missing = await admin.put(`/api/users/${target.id}`, { displayName: 'x', roles: ['member'] });
    expect(missing.json().error.details[0].path).toBe('disabled');
  });
});

describe('POST /api/users/:id/password', () => {
  it('answers 404 for another org’s account and 400 for a weak password', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    const stranger = await createUser(ctx.deps, other.id, ['officer']);
    const mine = await createUser(ctx.deps, org.id, ['officer']);
    const c = await loginAs(ctx, org.id, ['securityAdmin']);
    expect((await c.post(`/api/users/${stranger.id}/password`, { password: NEW_PASSWORD })).statusCode).toBe(
      404,
    );
    const weak = await c.post(`/api/users/${mine.id}/password`, { password: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0]).toEqual({ path: 'password', message: '密码至少10位' });
  });

  it('sets a first password, lifts a lockout and ends the user’s sessions', async () => {
    const org = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const target = await loginAs(ctx, org.id, ['officer']);
    for (let i = 0; i < 3; i++) {
      await anonymous(ctx.app).post('/api/auth/login', { username: target.user.username, password: 'bad' });
    }
    const listed = await admin.get(`/api/users/${target.user.id}`);
    expect(listed.json().data.lockedUntil).not.toBeNull();

    const res = await admin.post(`/api/users/${target.user.id}/password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await target.get('/api/auth/me')).statusCode).toBe(401);
    const old = await anonymous(ctx.app).post('/api/auth/login', {
      username: target.user.username,
      password: PASSWORD,
    });
    expect(old.json().error.code).toBe('LOGIN_FAILED');
    const fresh = await login(ctx.app, target.user.username, NEW_PASSWORD);
    const me = await fresh.get('/api/auth/me');
    expect(me.json().data.mustChangePassword).toBe(true);
    expect((await fresh.get('/api/departments')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(await auditActions(target.user.id)).toContain('user.resetPassword');
  });
});

describe('an account linked to its member record', () => {
  it('links a member, shows it in /auth/me, and refuses an unknown, foreign or already linked member', async () => {
    const org = await createOrg(ctx.deps);
    const dept = await createDepartment(ctx.deps, org.id, '内科');
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const officer = await loginAs(ctx, org.id, ['officer']);
    const member = await createMember(officer, dept.id);

    const res = await admin.post('/api/users', newUser({ roles: ['delegate'], memberId: member.id }));
    expect(res.statusCode).toBe(201);
    expect(res.json().data.memberId).toBe(member.id);
    await ctx.deps.db.update(users).set({ mustChangePassword: false }).where(sql`id = ${res.json().data.id}`);
    const me = await (await login(ctx.app, res.json().data.username, NEW_PASSWORD)).get('/api/auth/me');
    expect(me.json().data.memberId).toBe(member.id);

    const twice = await admin.post('/api/users', newUser({ roles: ['member'], memberId: member.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details[0]).toMatchObject({
      path: 'memberId',
      message: '该会员已关联其他账户',
    });

    const other = await createOrg(ctx.deps);
    const otherDept = await createDepartment(ctx.deps, other.id, '外科');
    const foreign = await createMember(await loginAs(ctx, other.id, ['officer']), otherDept.id);
    for (const memberId of [foreign.id, randomUUID()]) {
      const bad = await admin.post('/api/users', newUser({ roles: ['member'], memberId }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0]).toMatchObject({ path: 'memberId', message: '关联会员不存在' });
    }
  });

  it('lets account admins find a member by name without reading the roster', async () => {
    const org = await createOrg(ctx.deps);
    const dept = await createDepartment(ctx.deps, org.id, '检验科');
    const officer = await loginAs(ctx, org.id, ['officer']);
    const wanted = await createMember(officer, dept.id, { name: '欧阳明' });
    await createMember(officer, dept.id, { name: '王芳' });
    const other = await createOrg(ctx.deps);
    await createMember(
      await loginAs(ctx, other.id, ['officer']),
      (await createDepartment(ctx.deps, other.id, '检验科')).id,
      { name: '欧阳明' },
    );

    const admin = await loginAs(ctx, org.id, ['securityAdmin']);
    const found = await admin.get(`/api/users/member-options?q=${encodeURIComponent('欧阳')}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().data).toEqual([{ id: wanted.id, name: '欧阳明', departmentName: '检验科' }]);
    const byId = await admin.get(`/api/users/member-options?id=${wanted.id}`);
    expect(byId.json().data.map((m: { id: string }) => m.id)).toEqual([wanted.id]);
    expect((await officer.get('/api/users/member-options?q=a')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/users/member-options?q=a')).statusCode).toBe(401);
  });

  it('requires a handler to name the office it answers for', async () => {
    const org = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const res = await admin.post('/api/users', newUser({ roles: ['handler'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'departmentIds',
      message: '承办部门联系人须指定所在科室',
    });
  });
});
