import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import {
  anonymous,
  type Client,
  createDepartment,
  createOrg,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { bodyBuffer, createMember, idNumber, readXlsx } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function setup() {
  const org = await createOrg(ctx.deps);
  const dept = await createDepartment(ctx.deps, org.id, '内一科');
  const other = await createDepartment(ctx.deps, org.id, '外一科');
  const officer = await loginAs(ctx, org.id, ['officer']);
  return { org, dept, other, officer };
}

async function exportRows(c: Client, qs = '') {
  const res = await c.get(`/api/members/export${qs}`);
  expect(res.statusCode).toBe(200);
  return readXlsx(bodyBuffer(res));
}

describe('GET /members/export', () => {
  it('401 anonymous, 403 without member:export, 400 for a bad filter', async () => {
    const { org, officer } = await setup();
    expect((await anonymous(ctx.app).get('/api/members/export')).statusCode).toBe(401);
    const committee = await loginAs(ctx, org.id, ['committeeMember']);
    expect((await committee.get('/api/members/export')).statusCode).toBe(403);
    const bad = await officer.get('/api/members/export?employmentType=temp');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({ path: 'employmentType', message: '用工形式无效' });
    // Paging does not apply to an export.
    expect((await officer.get('/api/members/export?page=2')).statusCode).toBe(400);
  });

  it('exports the filtered list with labels, escapes formulas, and masks IDs without sensitive permission', async () => {
    const { org, dept, other, officer } = await setup();
    const id = idNumber('19900101', '123');
    await createMember(officer, dept.id, {
      name: '=cmd|/c calc!A1',
      idNumber: id,
      jobTitle: '+SUM(A1:A2)',
      notes: '@import',
      phone: '13912345678',
      politicalStatus: 'cpc',
      joinedAt: '2018-01-01',
      memberNo: 'GH-1',
    });
    await createMember(officer, dept.id, { name: '张三', employmentType: 'recruited' });
    await createMember(officer, other.id, { name: '外科人' });

    const rows = await exportRows(officer, `?departmentId=${dept.id}`);
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '出生日期',
      '身份证号',
      '民族',
      '政治面貌',
      '学历',
      '手机号',
      '科室',
      '工会小组',
      '职务/岗位',
      '用工形式',
      '入职日期',
      '入会日期',
      '会员证号',
      '会籍状态',
      '备注',
    ]);
    expect(rows).toHaveLength(3);
    const evil = rows.find((r) => String(r[0]).includes('cmd'))!;
    expect(evil[0]).toBe("'=cmd|/c calc!A1");
    expect(evil[10]).toBe("'+SUM(A1:A2)");
    expect(evil[16]).toBe("'@import");
    expect(evil).toMatchObject({
      1: '男',
      2: '1990-01-01',
      3: id,
      5: '中共党员',
      7: '13912345678',
      8: '内一科',
    });
    expect(evil[13]).toBe('2018-01-01');
    expect(evil[15]).toBe('会员');
    const zhang = rows.find((r) => r[0] === '张三')!;
    expect(zhang[11]).toBe('招聘');
    expect(zhang[15]).toBe('非会员');

    const res = await officer.get(`/api/members/export?departmentId=${dept.id}`);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1])).toBe(
      '会员名册.xlsx',
    );

    const vice = await loginAs(ctx, org.id, ['viceChair']);
    const masked = await exportRows(vice, '?q=cmd');
    expect(masked).toHaveLength(2);
    expect(masked[1][3]).toBe(`110105********${id.slice(-4)}`);
    expect(masked[1][7]).toBe('139****5678');

    const audits = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.export'), eq(auditLog.orgId, org.id)));
    const details = audits.map((a) => a.detail as Record<string, unknown>);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filter: { departmentId: dept.id }, rows: 2, unmasked: true }),
        expect.objectContaining({ filter: { q: 'cmd' }, rows: 1, unmasked: false }),
      ]),
    );
  });

  it("keeps a group leader's export to the assigned departments; another org's department gives nothing", async () => {
    const { org, dept, other, officer } = await setup();
    await createMember(officer, dept.id, { name: '本科室' });
    await createMember(officer, other.id, { name: '外科室' });
    const leader = await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [dept.id] });
    const rows = await exportRows(leader);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['本科室']);
    expect(await exportRows(leader, `?departmentId=${other.id}`)).toHaveLength(1);
    const foreign = await setup();
    expect(await exportRows(officer, `?departmentId=${foreign.dept.id}`)).toHaveLength(1);
  });
});

describe('GET /members/stats', () => {
  it('401 anonymous, 403 without member:read', async () => {
    const { org } = await setup();
    expect((await anonymous(ctx.app).get('/api/members/stats')).statusCode).toBe(401);
    expect((await (await loginAs(ctx, org.id, ['delegate'])).get('/api/members/stats')).statusCode).toBe(403);
  });

  it('counts staff, members and applicants in total, by department and by employment type', async () => {
    const { org, dept, other, officer } = await setup();
    const joined = { joinedAt: '2015-01-01' };
    await createMember(officer, dept.id, { ...joined, employmentType: 'permanent' });
    await createMember(officer, dept.id, { ...joined, employmentType: 'recruited' });
    await createMember(officer, dept.id, { employmentType: 'recruited' });
    const applicant = await createMember(officer, other.id, { employmentType: 'recruited' });
    await officer.post(`/api/members/${applicant.id}/membership`, {
      action: 'apply',
      date: '2024-01-01',
      version: 1,
    });
    const leaving = await createMember(officer, other.id, joined);
    await officer.post(`/api/members/${leaving.id}/membership`, {
      action: 'leave',
      date: '2024-01-01',
      reason: '离职',
      version: 1,
    });
    // Another org's roster never counts.
    const foreign = await setup();
    await createMember(foreign.officer, foreign.dept.id, joined);

    const res = await officer.get('/api/members/stats');
    expect(res.statusCode).toBe(200);
    const stats = res.json().data;
    expect(stats.total).toEqual({ staff: 4, members: 2, applied: 1, joinRate: 0.5 });
    expect(stats.byDepartment).toEqual([
      { key: dept.id, label: '内一科', staff: 3, members: 2, joinRate: 0.6667 },
      { key: other.id, label: '外一科', staff: 1, members: 0, joinRate: 0 },
    ]);
    const byType = Object.fromEntries(stats.byEmploymentType.map((r: { key: string }) => [r.key, r]));
    expect(byType.recruited).toEqual({
      key: 'recruited',
      label: '招聘',
      staff: 3,
      members: 1,
      joinRate: 0.3333,
    });
    expect(byType.permanent).toMatchObject({ label: '编制内', staff: 1, members: 1, joinRate: 1 });
    expect(byType.agency).toMatchObject({ staff: 0, members: 0, joinRate: 0 });

    const leader = await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [other.id] });
    const scoped = (await leader.get('/api/members/stats')).json().data;
    expect(scoped.total).toEqual({ staff: 1, members: 0, applied: 1, joinRate: 0 });
    expect(scoped.byDepartment.map((r: { label: string }) => r.label)).toEqual(['外一科']);
  });

  it('shows a roster change in the statistics and the list total on the next request', async () => {
    const { dept, officer } = await setup();
    const m = await createMember(officer, dept.id, { joinedAt: '2015-01-01' });
    const before = (await officer.get('/api/members/stats')).json().data.total;
    const listed = (await officer.get('/api/members?status=member')).json().page.total;
    await officer.post(`/api/members/${m.id}/membership`, {
      action: 'leave',
      date: '2024-01-01',
      reason: '离职',
      version: m.version,
    });
    expect((await officer.get('/api/members/stats')).json().data.total.members).toBe(before.members - 1);
    expect((await officer.get('/api/members?status=member')).json().page.total).toBe(listed - 1);
    await createMember(officer, dept.id, { joinedAt: '2015-01-01' });
    expect((await officer.get('/api/members?status=member')).json().page.total).toBe(listed);
  });
});
