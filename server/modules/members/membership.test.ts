import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { anonymous, type Client, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { createMember, orgWithOfficer } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function step(c: Client, m: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await c.post(`/api/members/${m.id}/membership`, {
    version: m.version,
    date: '2024-03-01',
    ...body,
  });
  return res;
}

/** Takes a step that must succeed and returns the new view. */
async function ok(c: Client, m: { id: string; version: number }, body: Record<string, unknown>) {
  const res = await step(c, m, body);
  if (res.statusCode !== 200) throw new Error(`${String(body.action)}: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

describe('POST /members/:id/membership', () => {
  it('401, 403 without member:write, 404 for another org, 400 for a bad action or date', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id);
    const body = { action: 'apply', date: '2024-01-01', version: 1 };
    expect((await anonymous(ctx.app).post(`/api/members/${m.id}/membership`, body)).statusCode).toBe(401);
    const vice = await loginAs(ctx, org.id, ['viceChair']);
    expect((await vice.post(`/api/members/${m.id}/membership`, body)).statusCode).toBe(403);
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.post(`/api/members/${m.id}/membership`, body)).statusCode).toBe(404);
    const badAction = await officer.post(`/api/members/${m.id}/membership`, { ...body, action: 'promote' });
    expect(badAction.statusCode).toBe(400);
    expect(badAction.json().error.details[0]).toEqual({ path: 'action', message: '会籍变动类型无效' });
    const badDate = await officer.post(`/api/members/${m.id}/membership`, { ...body, date: '2024-02-30' });
    expect(badDate.json().error.details[0].path).toBe('date');
  });

  it('walks apply → approve → transfer out → transfer in → leave → apply, with history and audit', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    let m = await createMember(officer, dept.id);
    m = await ok(officer, m, { action: 'apply', date: '2024-01-10' });
    expect(m).toMatchObject({ status: 'applied', version: 2, abilities: { actions: ['approve', 'reject'] } });

    m = await ok(officer, m, { action: 'approve', date: '2024-02-01' });
    expect(m).toMatchObject({ status: 'member', joinedAt: '2024-02-01', memberNo: 'GH202400001' });

    m = await ok(officer, m, { action: 'transferOut', date: '2024-05-01', reason: '调往分院' });
    expect(m.status).toBe('transferredOut');
    m = await ok(officer, m, { action: 'transferIn', date: '2024-06-01' });
    expect(m).toMatchObject({ status: 'member', joinedAt: '2024-02-01', memberNo: 'GH202400001' });

    m = await ok(officer, m, { action: 'leave', date: '2024-07-01', reason: '个人原因' });
    expect(m.status).toBe('left');
    m = await ok(officer, m, { action: 'apply', date: '2024-08-01' });
    expect(m.status).toBe('applied');

    const history = (await officer.get(`/api/members/${m.id}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'apply',
      'leave',
      'transferIn',
      'transferOut',
      'approve',
      'apply',
      'create',
    ]);
    expect(history[1]).toMatchObject({
      fromStatus: 'member',
      toStatus: 'left',
      date: '2024-07-01',
      reason: '个人原因',
      actorName: officer.user.displayName,
    });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.status'), eq(auditLog.objectId, m.id)));
    expect(audit).toHaveLength(6);
  });

  it('numbers cards per org and year, takes a given number, and refuses a taken one', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    const applied = async () => ok(officer, await createMember(officer, dept.id), { action: 'apply' });
    const a = await ok(officer, await applied(), { action: 'approve', date: '2023-12-31' });
    const b = await ok(officer, await applied(), { action: 'approve', date: '2023-06-01' });
    expect([a.memberNo, b.memberNo]).toEqual(['GH202300001', 'GH202300002']);
    const c = await ok(officer, await applied(), { action: 'approve', memberNo: 'HS-0001' });
    expect(c.memberNo).toBe('HS-0001');
    const d = await applied();
    const taken = await step(officer, d, { action: 'approve', memberNo: 'HS-0001' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].path).toBe('memberNo');
    const wrongStep = await step(officer, d, { action: 'reject', memberNo: 'HS-0002', reason: '材料不全' });
    expect(wrongStep.statusCode).toBe(400);
    expect(wrongStep.json().error.details[0].path).toBe('memberNo');
    // Another org starts its own sequence.
    const other = await orgWithOfficer(ctx);
    const o = await ok(other.officer, await createMember(other.officer, other.dept.id), {
      action: 'transferIn',
    });
    expect(o.memberNo).toBe('GH202400001');
  });

  it('409 INVALID_TRANSITION naming the current state for a wrong step', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    let m = await createMember(officer, dept.id, { joinedAt: '2010-01-01' });
    m = await ok(officer, m, { action: 'leave', reason: '离职' });
    const res = await step(officer, m, { action: 'transferOut' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '当前状态为“已退会”，不能执行“转出”',
    });
    const r = await ok(officer, await createMember(officer, dept.id, { joinedAt: '2010-01-01' }), {
      action: 'retire',
    });
    expect(r.abilities.actions).toEqual([]);
    expect((await step(officer, r, { action: 'apply' })).json().error.message).toBe(
      '当前状态为“退休会员”，不能执行“申请入会”',
    );
  });

  it('400 without a reason to reject or leave; rejecting returns the person to non-member', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    let m = await ok(officer, await createMember(officer, dept.id), { action: 'apply' });
    const noReason = await step(officer, m, { action: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([{ path: 'reason', message: '请填写不予批准的原因' }]);
    m = await ok(officer, m, { action: 'reject', reason: '  材料不全 ' });
    expect(m.status).toBe('nonMember');
    const history = (await officer.get(`/api/members/${m.id}/history`)).json().data;
    expect(history[0]).toMatchObject({ action: 'reject', reason: '材料不全' });

    const member = await createMember(officer, dept.id, { joinedAt: '2012-01-01' });
    const leave = await step(officer, member, { action: 'leave', reason: '' });
    expect(leave.json().error.details).toEqual([{ path: 'reason', message: '请填写退会原因' }]);
    const early = await step(officer, member, { action: 'retire', date: '1950-01-01' });
    expect(early.json().error.details[0]).toEqual({ path: 'date', message: '变动日期不能早于出生日期' });
  });

  it('409 STALE_VERSION when the record changed since it was read', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id);
    await ok(officer, m, { action: 'apply' });
    const res = await step(officer, m, { action: 'apply' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STALE_VERSION');
  });
});

describe('GET /members/:id/history', () => {
  it('401, 403, 404 for another org', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id);
    expect((await anonymous(ctx.app).get(`/api/members/${m.id}/history`)).statusCode).toBe(401);
    expect(
      (await (await loginAs(ctx, org.id, ['member'])).get(`/api/members/${m.id}/history`)).statusCode,
    ).toBe(403);
    expect((await (await orgWithOfficer(ctx)).officer.get(`/api/members/${m.id}/history`)).statusCode).toBe(
      404,
    );
    const res = await (await loginAs(ctx, org.id, ['committeeMember'])).get(`/api/members/${m.id}/history`);
    expect(res.json().data).toMatchObject([{ action: 'create', toStatus: 'nonMember' }]);
  });
});
