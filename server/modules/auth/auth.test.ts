import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions } from '../../db/schema/index.js';
import {
  anonymous,
  Client,
  createOrg,
  createUser,
  login,
  loginAs,
  PASSWORD,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { setupService } from './setup.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp({ LOGIN_MAX_FAILURES: '3' });
});

describe('login', () => {
  it('signs in, sets an HttpOnly SameSite=Strict cookie and returns the roles', async () => {
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['officer']);
    const res = await anonymous(ctx.app).post('/api/auth/login', {
      username: u.username.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ username: u.username, orgName: org.name, roles: ['officer'] });
    expect(res.json().data.permissions).toContain('member:read');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it('gives one message for an unknown user and a wrong password, and audits both', async () => {
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['officer']);
    const wrong = await anonymous(ctx.app).post('/api/auth/login', {
      username: u.username,
      password: 'nope-Nope-1',
    });
    const unknown = await anonymous(ctx.app).post('/api/auth/login', {
      username: 'nobody-here',
      password: 'x',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    const rows = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(sql`action = 'auth.login' and result = 'failure' and actor_id = ${u.id}`);
    expect(rows).toHaveLength(1);
  });

  it('locks a username after the configured failures, existing or not, even for the right password', async () => {
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['officer']);
    for (const name of [u.username, 'ghost-user']) {
      const codes = [];
      for (let i = 0; i < 3; i++) {
        codes.push(
          (await anonymous(ctx.app).post('/api/auth/login', { username: name, password: 'bad' })).json().error
            .code,
        );
      }
      expect(codes).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_LOCKED']);
    }
    const right = await anonymous(ctx.app).post('/api/auth/login', {
      username: u.username,
      password: PASSWORD,
    });
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('LOGIN_LOCKED');
  });

  it('refuses a disabled account', async () => {
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['officer']);
    await ctx.deps.db.execute(sql`update users set disabled = true where id = ${u.id}`);
    const res = await anonymous(ctx.app).post('/api/auth/login', {
      username: u.username,
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 for a missing field and for unknown fields', async () => {
    const a = anonymous(ctx.app);
    const missing = await a.post('/api/auth/login', { username: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0]).toMatchObject({ path: 'password', message: '请填写密码' });
    const extra = await a.post('/api/auth/login', { username: 'x', password: 'y', admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details[0].path).toBe('admin');
  });

  it('answers 400, not 500, for malformed JSON', async () => {
    const res = await anonymous(ctx.app).request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/JSON/);
  });
});

describe('sessions', () => {
  it('needs a session for /me (401) and ends it on logout', async () => {
    expect((await anonymous(ctx.app).get('/api/auth/me')).statusCode).toBe(401);
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['member']);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await c.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('expires an idle session on the server', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['member']);
    await ctx.deps.db.execute(
      sql`update ${sessions} set last_seen_at = now() - interval '31 minutes' where user_id = ${c.user.id}`,
    );
    expect((await c.get('/api/auth/me')).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('expires a session past the absolute limit even when active', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['member']);
    await ctx.deps.db.execute(
      sql`update ${sessions} set created_at = now() - interval '13 hours' where user_id = ${c.user.id}`,
    );
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request from another origin or with no origin (CSRF)', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['member']);
    const evil = await c.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CSRF_REJECTED');
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: c.cookie! },
    });
    expect(none.statusCode).toBe(403);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('forces a first-login change before anything else, then lets the user in', async () => {
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['officer'], { mustChangePassword: true });
    const c = await login(ctx.app, u.username);
    const blocked = await c.get('/api/users');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.map((d: { path: string }) => d.path)).toContain('newPassword');
    const withName = await c.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: `${u.username}-Aa1!xyz`,
    });
    expect(withName.json().error.details.map((d: { message: string }) => d.message)).toContain(
      '密码不能包含用户名',
    );
    const wrongCurrent = await c.post('/api/auth/password', {
      currentPassword: 'Wrong-Passw0rd',
      newPassword: 'Brand-New-Pass-9',
    });
    expect(wrongCurrent.json().error.details[0].path).toBe('currentPassword');
    const ok = await c.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Brand-New-Pass-9',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.mustChangePassword).toBe(false);
    expect((await login(ctx.app, u.username, 'Brand-New-Pass-9')).cookie).toBeTruthy();
  });
});

describe('setup', () => {
  it('creates the first union and admin with a one-time token, then refuses', async () => {
    // This file's database already has users from other tests only if they ran first; use a fresh one.
    const fresh = await setupTestApp();
    const status = await anonymous(fresh.app).get('/api/setup/status');
    expect(status.json()).toEqual({ needed: true });
    const token = await setupService.issueToken(fresh.deps.db);
    const body = {
      orgName: '示范医院工会',
      username: 'admin',
      displayName: '管理员',
      password: 'Setup-Passw0rd!',
    };
    const bad = await anonymous(fresh.app).post('/api/setup', { ...body, token: 'wrong' });
    expect(bad.statusCode).toBe(403);
    const weak = await anonymous(fresh.app).post('/api/setup', { ...body, token, password: 'weak' });
    expect(weak.statusCode).toBe(400);
    const ok = await anonymous(fresh.app).post('/api/setup', { ...body, token });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().data).toMatchObject({
      orgName: '示范医院工会',
      roles: ['sysAdmin'],
      mustChangePassword: false,
    });
    const again = await anonymous(fresh.app).post('/api/setup', { ...body, token, username: 'admin2' });
    expect(again.statusCode).toBe(409);
    expect((await anonymous(fresh.app).get('/api/setup/status')).json()).toEqual({ needed: false });
    const c = new Client(fresh.app, `gh_session=${ok.cookies.find((k) => k.name === 'gh_session')!.value}`);
    expect((await c.get('/api/auth/me')).json().data.username).toBe('admin');
  });
});
