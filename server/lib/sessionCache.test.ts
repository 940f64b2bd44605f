import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema/index.js';
import {
  createOrg,
  createUser,
  login,
  loginAs,
  PASSWORD,
  setupTestApp,
  type TestContext,
} from '../test/helpers.js';

// The session cache on (as in production): every way an account changes or a session ends must take
// effect on the very next request, not when the cached entry would have aged out.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp({ SESSION_CACHE_SECONDS: '60' });
});

describe('the session cache', () => {
  it('serves a recent session without reading it again', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['officer']);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    // Removed behind the server's back (another process): the cached entry still answers until it ages out.
    await ctx.deps.db.delete(sessions).where(sql`${sessions.userId} = ${c.user.id}`);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('ends a session at logout at once', async () => {
    const org = await createOrg(ctx.deps);
    const c = await loginAs(ctx, org.id, ['officer']);
    expect((await c.get('/api/members')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/members')).statusCode).toBe(401);
  });

  it('applies a role change, a disabled account and a reset password on the next request', async () => {
    const org = await createOrg(ctx.deps);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    const c = await loginAs(ctx, org.id, ['officer']);
    expect((await c.get('/api/members')).statusCode).toBe(200);

    const base = { displayName: '张三', departmentIds: [], memberId: null, disabled: false };
    await admin.put(`/api/users/${c.user.id}`, { ...base, roles: ['delegate'] });
    expect((await c.get('/api/members')).statusCode).toBe(401);

    const again = await login(ctx.app, c.user.username);
    expect((await again.get('/api/auth/me')).json().data.roles).toEqual(['delegate']);
    await admin.put(`/api/users/${c.user.id}`, { ...base, roles: ['delegate'], disabled: true });
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);

    const other = await createUser(ctx.deps, org.id, ['officer']);
    const third = await login(ctx.app, other.username);
    expect((await third.get('/api/auth/me')).statusCode).toBe(200);
    await admin.post(`/api/users/${other.id}/password`, { password: 'Another-Passw0rd!' });
    expect((await third.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('lifts the password-change requirement as soon as the password is changed', async () => {
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['officer'], { mustChangePassword: true });
    const c = await login(ctx.app, u.username);
    expect((await c.get('/api/members')).statusCode).toBe(403);
    const changed = await c.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Brand-New-Passw0rd!',
    });
    expect(changed.statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().data.mustChangePassword).toBe(false);
    expect((await c.get('/api/members')).statusCode).toBe(200);
  });
});
