import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import type { Role } from '../../common/permissions.js';
import { buildApp, type Deps } from '../app.js';
import { loadConfig } from '../config.js';
import { createDb, createPool } from '../db/client.js';
import { departments, orgs, unionGroupDepartments, unionGroups, users } from '../db/schema/index.js';
import { createSealer } from '../lib/crypto.js';
import { hashPassword } from '../lib/password.js';
import { TEMPLATE, withDatabase } from './globalSetup.js';

export const ORIGIN = 'http://localhost:80';
export const PASSWORD = 'Test-Passw0rd!';
let passwordHash: Promise<string> | undefined;

export interface TestContext {
  app: FastifyInstance;
  deps: Deps;
  pool: pg.Pool;
}

/**
 * A fresh database cloned from the migrated template, and the real app on top of it.
 * Call once per test file; it is closed and dropped after the file.
 */
export async function setupTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const base = inject('pgBaseUrl');
  const name = `gonghui_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE}`);
  await admin.end();

  const config = loadConfig({
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    // Tests change accounts and sessions behind the server's back with SQL; the cache has its own test.
    SESSION_CACHE_SECONDS: '0',
    PUBLIC_URL: ORIGIN,
    ...env,
  } as NodeJS.ProcessEnv);
  const pool = createPool(withDatabase(base, name), 5);
  const deps: Deps = { config, db: createDb(pool), sealer: createSealer(randomBytes(32)) };
  const app = await buildApp(deps);
  await app.ready();
  afterAll(async () => {
    await app.close();
    await pool.end();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return { app, deps, pool };
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createOrg(deps: Deps, name = unique('测试工会')) {
  const [org] = await deps.db.insert(orgs).values({ name }).returning();
  return org;
}

export async function createDepartment(
  deps: Deps,
  orgId: string,
  name = unique('科室'),
  parentId: string | null = null,
) {
  const [d] = await deps.db.insert(departments).values({ orgId, name, parentId }).returning();
  return d;
}

export async function createUnionGroup(
  deps: Deps,
  orgId: string,
  departmentIds: string[],
  name = unique('小组'),
) {
  const [g] = await deps.db.insert(unionGroups).values({ orgId, name }).returning();
  if (departmentIds.length) {
    await deps.db
      .insert(unionGroupDepartments)
      .values(departmentIds.map((departmentId) => ({ orgId, unionGroupId: g.id, departmentId })));
  }
  return g;
}

export async function createUser(
  deps: Deps,
  orgId: string,
  roles: Role[],
  opts: { departmentIds?: string[]; mustChangePassword?: boolean; username?: string; memberId?: string } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const [u] = await deps.db
    .insert(users)
    .values({
      orgId,
      username: opts.username ?? unique('u'),
      displayName: unique('用户'),
      passwordHash: await passwordHash,
      roles,
      departmentIds: opts.departmentIds ?? [],
      memberId: opts.memberId ?? null,
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    .returning();
  return u;
}

/** A signed-in browser: sends the session cookie and a same-origin Origin on every request. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string | null,
  ) {}

  request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { origin: ORIGIN, ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    return this.app.inject({ ...opts, headers });
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

export const anonymous = (app: FastifyInstance) => new Client(app, null);

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Client> {
  const res = await anonymous(app).post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gh_session');
  return new Client(app, `gh_session=${cookie!.value}`);
}

/** A new user with the given roles in the org, already signed in. */
export async function loginAs(
  ctx: TestContext,
  orgId: string,
  roles: Role[],
  opts: { departmentIds?: string[]; memberId?: string } = {},
) {
  const user = await createUser(ctx.deps, orgId, roles, opts);
  return Object.assign(await login(ctx.app, user.username), { user });
}
