import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../common/permissions.js';
import type { RegisteredRoute } from './app.js';
import { ORIGIN, setupTestApp, type TestContext } from './test/helpers.js';

// The first layer of authorization, checked for the whole API at once: every route says who may
// call it, and every route that is not public turns away a caller without a session.

let ctx: TestContext;
let api: RegisteredRoute[];
beforeAll(async () => {
  ctx = await setupTestApp();
  api = ctx.app.registeredRoutes.filter((r) => r.url.startsWith('/api/'));
});

const label = (r: RegisteredRoute) => `${r.method} ${r.url}`;

/** A concrete URL for a route pattern: every :param becomes a random uuid, a wildcard a plain word. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z0-9_]+/g, () => randomUUID()).replace(/\*/g, 'x');
}

describe('registered routes', () => {
  it('finds the API routes of the modules (the walk below is not vacuous)', () => {
    const names = api.map(label);
    for (const expected of [
      'POST /api/auth/login',
      'GET /api/users',
      'GET /api/departments',
      'DELETE /api/union-groups/:id',
      'GET /api/audit',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it('every /api route declares a known permission code, authenticated or public', () => {
    const allowed = new Set<string>([...PERMISSIONS, 'authenticated', 'public']);
    const undeclared = api.filter((r) => !r.permission).map(label);
    expect(undeclared, 'routes without config.permission').toEqual([]);
    const unknown = api.filter((r) => r.permission && !allowed.has(r.permission)).map(label);
    expect(unknown, 'routes with an unknown permission code').toEqual([]);
  });

  it('keeps the public routes to the few that must be reachable before signing in', () => {
    // The API documentation (swagger UI and the OpenAPI document) is public by design.
    const publicRoutes = api
      .filter((r) => r.permission === 'public' && !r.url.startsWith('/api/docs'))
      .map(label);
    expect(publicRoutes.sort()).toEqual(
      ['GET /api/health', 'GET /api/setup/status', 'POST /api/auth/login', 'POST /api/setup'].sort(),
    );
  });

  it('answers 401 to an anonymous request on every non-public route', async () => {
    const guarded = api.filter((r) => r.permission !== 'public');
    expect(guarded.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const r of guarded) {
      const write = !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        headers: write ? { origin: ORIGIN, 'content-type': 'application/json' } : {},
        ...(write ? { payload: '{}' } : {}),
      });
      const code = res.statusCode === 401 ? res.json().error?.code : undefined;
      if (res.statusCode !== 401 || code !== 'UNAUTHENTICATED') {
        wrong.push(`${label(r)} → ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to a request carrying a made-up session cookie', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/departments',
      headers: { cookie: 'gh_session=forged-token' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });
});
