import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { anonymous, createOrg, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

interface Row {
  action: string;
  at?: string;
  actorName?: string | null;
  objectType?: string | null;
  result?: 'success' | 'failure';
}

/** Audit rows written straight to the table, `at` given as an ISO instant. */
async function seed(orgId: string | null, rows: Row[]) {
  for (const r of rows) {
    await ctx.deps.db.insert(auditLog).values({
      orgId,
      action: r.action,
      actorName: r.actorName ?? '测试者',
      objectType: r.objectType ?? null,
      result: r.result ?? 'success',
      ...(r.at ? { at: new Date(r.at) } : {}),
    });
  }
}

async function auditorOf(orgId: string) {
  return loginAs(ctx, orgId, ['auditor']);
}

type View = { action: string; actorName: string; at: string; result: string };
const actions = (res: { json(): { data: View[] } }) => res.json().data.map((a) => a.action);

describe('GET /api/audit: who may read', () => {
  it('answers 401 to an anonymous caller', async () => {
    expect((await anonymous(ctx.app).get('/api/audit')).statusCode).toBe(401);
  });

  it('is for the auditor alone: system admin, security admin and chair get 403', async () => {
    const org = await createOrg(ctx.deps);
    for (const role of ['sysAdmin', 'securityAdmin', 'chair', 'officer'] as const) {
      const c = await loginAs(ctx, org.id, [role]);
      const res = await c.get('/api/audit');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await (await auditorOf(org.id)).get('/api/audit')).statusCode).toBe(200);
  });

  it('shows only the auditor’s own org, never another org’s rows or org-less ones', async () => {
    const org = await createOrg(ctx.deps);
    const other = await createOrg(ctx.deps);
    await seed(org.id, [{ action: 'own.thing' }]);
    await seed(other.id, [{ action: 'other.thing' }]);
    await seed(null, [{ action: 'nobody.thing' }]);
    const c = await auditorOf(org.id);
    const res = await c.get('/api/audit?pageSize=200');
    expect(res.statusCode).toBe(200);
    const seen = actions(res);
    expect(seen).toContain('own.thing');
    // The auditor's own login is audited too.
    expect(seen).toContain('auth.login');
    expect(seen).not.toContain('other.thing');
    expect(seen).not.toContain('nobody.thing');
    const otherAuditor = await auditorOf(other.id);
    expect(actions(await otherAuditor.get('/api/audit'))).not.toContain('own.thing');
  });

  it('has no route that changes or deletes a row', async () => {
    const org = await createOrg(ctx.deps);
    const c = await auditorOf(org.id);
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      const res = await c.request({ method, url: '/api/audit', payload: {} });
      expect(res.statusCode, method).toBe(404);
    }
    const writes = ctx.app.registeredRoutes.filter(
      (r) => r.url.startsWith('/api/audit') && r.method !== 'GET',
    );
    expect(writes).toEqual([]);
  });
});

describe('GET /api/audit: listing', () => {
  it('lists newest first with the view fields, pages on the server', async () => {
    const org = await createOrg(ctx.deps);
    await seed(org.id, [
      { action: 'a.first', at: '2024-01-01T00:00:00Z' },
      { action: 'a.second', at: '2024-01-02T00:00:00Z' },
      { action: 'a.third', at: '2024-01-03T00:00:00Z', objectType: 'member', result: 'failure' },
    ]);
    const c = await auditorOf(org.id);
    const all = await c.get('/api/audit?from=2024-01-01&to=2024-01-31');
    expect(all.statusCode).toBe(200);
    expect(actions(all)).toEqual(['a.third', 'a.second', 'a.first']);
    expect(all.json().data[0]).toMatchObject({
      action: 'a.third',
      at: '2024-01-03T00:00:00.000Z',
      objectType: 'member',
      result: 'failure',
      actorName: '测试者',
    });
    expect(typeof all.json().data[0].id).toBe('string');
    const p2 = await c.get('/api/audit?from=2024-01-01&to=2024-01-31&page=2&pageSize=2');
    expect(actions(p2)).toEqual(['a.first']);
    expect(p2.json().page).toEqual({ page: 2, pageSize: 2, total: 3 });
  });

  it('filters by exact action, actor name part, object type and result', async () => {
    const org = await createOrg(ctx.deps);
    await seed(org.id, [
      { action: 'member.create', actorName: '王小明', objectType: 'member' },
      { action: 'member.create.extra', actorName: '李华', objectType: 'member' },
      { action: 'user.create', actorName: '王大明', objectType: 'proposal', result: 'failure' },
      { action: 'user.update', actorName: '100%_admin', objectType: 'proposal' },
    ]);
    const c = await auditorOf(org.id);
    expect(actions(await c.get('/api/audit?action=member.create'))).toEqual(['member.create']);
    expect(actions(await c.get(`/api/audit?actor=${encodeURIComponent('小明')}`))).toEqual(['member.create']);
    expect(actions(await c.get(`/api/audit?actor=${encodeURIComponent('王')}`)).sort()).toEqual([
      'member.create',
      'user.create',
    ]);
    // % and _ are searched for as they are, not as wildcards.
    expect(actions(await c.get(`/api/audit?actor=${encodeURIComponent('%_')}`))).toEqual(['user.update']);
    expect(actions(await c.get(`/api/audit?actor=${encodeURIComponent('0_a')}`))).toEqual([]);
    expect(actions(await c.get('/api/audit?objectType=proposal')).sort()).toEqual([
      'user.create',
      'user.update',
    ]);
    expect(actions(await c.get('/api/audit?result=failure'))).toEqual(['user.create']);
    expect(actions(await c.get('/api/audit?objectType=proposal&result=success'))).toEqual(['user.update']);
  });

  it('reads from/to as whole days in Asia/Shanghai, both ends inclusive', async () => {
    const org = await createOrg(ctx.deps);
    await seed(org.id, [
      // 2024-03-09 23:59 Beijing time
      { action: 'd.before', at: '2024-03-09T15:59:59Z' },
      // 2024-03-10 00:00 Beijing time (still 03-09 in UTC)
      { action: 'd.startOfFrom', at: '2024-03-09T16:00:00Z' },
      // 2024-03-11 23:59:59 Beijing time
      { action: 'd.endOfTo', at: '2024-03-11T15:59:59Z' },
      // 2024-03-12 00:00 Beijing time
      { action: 'd.after', at: '2024-03-11T16:00:00Z' },
    ]);
    const c = await auditorOf(org.id);
    const res = await c.get('/api/audit?from=2024-03-10&to=2024-03-11');
    expect(actions(res)).toEqual(['d.endOfTo', 'd.startOfFrom']);
    expect(actions(await c.get('/api/audit?from=2024-03-12&action=d.after'))).toEqual(['d.after']);
    expect(actions(await c.get('/api/audit?to=2024-03-09&action=d.before'))).toEqual(['d.before']);
    expect(actions(await c.get('/api/audit?to=2024-03-09&action=d.startOfFrom'))).toEqual([]);
  });

  it('answers 400 naming the field for bad filters', async () => {
    const org = await createOrg(ctx.deps);
    const c = await auditorOf(org.id);
    const badDate = await c.get('/api/audit?from=2024-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0]).toEqual({
      path: 'from',
      message: '开始日期格式应为 YYYY-MM-DD，且须是有效日期',
    });
    const reversed = await c.get('/api/audit?from=2024-03-02&to=2024-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0]).toEqual({ path: 'to', message: '结束日期不能早于开始日期' });
    const badResult = await c.get('/api/audit?result=maybe');
    expect(badResult.statusCode).toBe(400);
    expect(badResult.json().error.details[0].path).toBe('result');
    const unknown = await c.get('/api/audit?orgId=x');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('orgId');
    const bigPage = await c.get('/api/audit?pageSize=1000');
    expect(bigPage.json().error.details[0]).toMatchObject({ path: 'pageSize', message: '每页最多200条' });
  });
});

describe('audit_log is append-only in the database', () => {
  it('rejects UPDATE, DELETE and TRUNCATE, even from the application’s own connection', async () => {
    const org = await createOrg(ctx.deps);
    await seed(org.id, [{ action: 'kept.row' }]);
    const where = sql`org_id = ${org.id} and action = 'kept.row'`;
    await expect(
      ctx.deps.db.execute(sql`update audit_log set action = 'changed' where ${where}`),
    ).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`delete from audit_log where ${where}`)).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    // The trigger's own message, not some other failure.
    const direct = await ctx.pool.query('delete from audit_log where true').catch((e: Error) => e);
    expect(String((direct as Error).message)).toMatch(/append-only/);
    const rows = await ctx.deps.db.select().from(auditLog).where(where);
    expect(rows).toHaveLength(1);
    expect(rows[0].action).toBe('kept.row');
  });
});
