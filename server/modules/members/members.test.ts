import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, members, membershipEvents } from '../../db/schema/index.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  createUnionGroup,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { createMember, idNumber, memberBody, nextIdNumber, orgWithOfficer } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe('POST /members', () => {
  it('401 anonymous, 403 without member:write', async () => {
    const { org, dept } = await orgWithOfficer(ctx);
    expect((await anonymous(ctx.app).post('/api/members', memberBody(dept.id))).statusCode).toBe(401);
    const vice = await loginAs(ctx, org.id, ['viceChair']);
    const res = await vice.post('/api/members', memberBody(dept.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('registers a person, deriving birth date and gender from the ID, defaulting the union group', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const group = await createUnionGroup(ctx.deps, org.id, [dept.id]);
    const id = idNumber('19880215', '246');
    const res = await officer.post('/api/members', memberBody(dept.id, { name: '王五', idNumber: id }));
    expect(res.statusCode).toBe(201);
    const m = res.json().data;
    expect(m).toMatchObject({
      name: '王五',
      birthDate: '1988-02-15',
      gender: 'female',
      idNumberMasked: `110105********${id.slice(-4)}`,
      departmentId: dept.id,
      departmentName: dept.name,
      unionGroupId: group.id,
      unionGroupName: group.name,
      status: 'nonMember',
      phone: '13912345678',
      version: 1,
      abilities: { edit: true, revealIdNumber: true, actions: ['apply', 'transferIn'] },
    });
    const [row] = await ctx.deps.db.select().from(members).where(eq(members.id, m.id));
    expect(row.idNumberEnc.toString('utf8')).not.toContain(id);
    expect(ctx.deps.sealer.open(row.idNumberEnc)).toBe(id);
    expect(row.idNumberHash).toBe(ctx.deps.sealer.keyedHash(id));
    const events = await ctx.deps.db
      .select()
      .from(membershipEvents)
      .where(eq(membershipEvents.memberId, m.id));
    expect(events).toMatchObject([{ action: 'create', fromStatus: null, toStatus: 'nonMember' }]);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.create'), eq(auditLog.objectId, m.id)));
    expect(audit).toHaveLength(1);
  });

  it('starts as a member when a join date is given', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id, { joinedAt: '2015-05-04', memberNo: 'A-001' });
    expect(m).toMatchObject({ status: 'member', joinedAt: '2015-05-04', memberNo: 'A-001' });
  });

  it('400 for a bad ID number, a disagreeing birth date and gender, and an unknown department', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    const good = idNumber('19900101', '123');
    const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const bad = await officer.post('/api/members', memberBody(dept.id, { idNumber: badCheck }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual({ path: 'idNumber', message: '身份证号校验位错误' });

    const disagree = await officer.post(
      '/api/members',
      memberBody(dept.id, { idNumber: good, birthDate: '1990-01-02', gender: 'female' }),
    );
    expect(disagree.statusCode).toBe(400);
    const paths = disagree.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['birthDate', 'gender']));
    expect(disagree.json().error.details).toContainEqual({
      path: 'birthDate',
      message: '出生日期与身份证号不一致（应为1990-01-01）',
    });

    const unknown = await officer.post('/api/members', memberBody(NO_SUCH));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'departmentId', message: '所选科室不存在' }]);

    const otherOrg = await createOrg(ctx.deps);
    const foreign = await createDepartment(ctx.deps, otherOrg.id);
    expect((await officer.post('/api/members', memberBody(foreign.id))).statusCode).toBe(400);

    const badGroup = await officer.post('/api/members', memberBody(dept.id, { unionGroupId: NO_SUCH }));
    expect(badGroup.json().error.details).toEqual([{ path: 'unionGroupId', message: '所选工会小组不存在' }]);

    const missing = await officer.post('/api/members', { departmentId: dept.id, employmentType: 'contract' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '请填写姓名' },
        { path: 'idNumber', message: '请填写身份证号' },
      ]),
    );
  });

  it('409 for an ID number already registered in the org (naming the person) and a taken card number', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    const id = nextIdNumber();
    await createMember(officer, dept.id, {
      name: '赵六',
      idNumber: id,
      joinedAt: '2020-01-01',
      memberNo: 'X1',
    });
    const dup = await officer.post('/api/members', memberBody(dept.id, { idNumber: id.toLowerCase() }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: 'DUPLICATE',
      details: [{ path: 'idNumber', message: '该身份证号已登记（姓名：赵六）' }],
    });
    const no = await officer.post('/api/members', memberBody(dept.id, { memberNo: 'X1' }));
    expect(no.statusCode).toBe(409);
    expect(no.json().error.details[0].path).toBe('memberNo');

    // The same person may be on another union's roster.
    const other = await orgWithOfficer(ctx);
    expect(
      (await other.officer.post('/api/members', memberBody(other.dept.id, { idNumber: id }))).statusCode,
    ).toBe(201);
  });
});

describe('GET /members/:id and /reveal-id', () => {
  it('401, 403, 404 for another org, 400 for a malformed id', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id);
    expect((await anonymous(ctx.app).get(`/api/members/${m.id}`)).statusCode).toBe(401);
    const delegate = await loginAs(ctx, org.id, ['delegate']);
    expect((await delegate.get(`/api/members/${m.id}`)).statusCode).toBe(403);
    const other = await orgWithOfficer(ctx);
    const foreign = await other.officer.get(`/api/members/${m.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('MEMBER_NOT_FOUND');
    expect((await officer.get('/api/members/not-a-uuid')).statusCode).toBe(400);
  });

  it('masks the phone and offers no actions to a reader without sensitive or write permission', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id, { phone: '13912345678' });
    const vice = await loginAs(ctx, org.id, ['viceChair']);
    const res = await vice.get(`/api/members/${m.id}`);
    expect(res.json().data).toMatchObject({
      phone: '139****5678',
      abilities: { edit: false, revealIdNumber: false, actions: [] },
    });
    expect((await officer.get(`/api/members/${m.id}`)).json().data.phone).toBe('13912345678');
  });

  it('reveals the full ID number to member:readSensitive and audits the look', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const id = nextIdNumber();
    const m = await createMember(officer, dept.id, { idNumber: id });
    expect((await anonymous(ctx.app).post(`/api/members/${m.id}/reveal-id`)).statusCode).toBe(401);
    const committee = await loginAs(ctx, org.id, ['committeeMember']);
    expect((await committee.post(`/api/members/${m.id}/reveal-id`)).statusCode).toBe(403);
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.post(`/api/members/${m.id}/reveal-id`)).statusCode).toBe(404);

    const res = await officer.post(`/api/members/${m.id}/reveal-id`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({ idNumber: id });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.revealIdNumber'), eq(auditLog.objectId, m.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(officer.user.id);
  });
});

describe('PUT /members/:id', () => {
  it('401, 403, 404 for another org, 400 for bad input and for a status field', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const m = await createMember(officer, dept.id);
    const body = { ...memberBody(dept.id), version: 1 };
    expect((await anonymous(ctx.app).put(`/api/members/${m.id}`, body)).statusCode).toBe(401);
    const vice = await loginAs(ctx, org.id, ['viceChair']);
    expect((await vice.put(`/api/members/${m.id}`, body)).statusCode).toBe(403);
    const other = await orgWithOfficer(ctx);
    expect(
      (await other.officer.put(`/api/members/${m.id}`, { ...body, departmentId: other.dept.id })).statusCode,
    ).toBe(404);
    const bad = await officer.put(`/api/members/${m.id}`, { ...body, phone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('phone');
    const status = await officer.put(`/api/members/${m.id}`, { ...body, status: 'member' });
    expect(status.statusCode).toBe(400);
    expect(status.json().error.details[0].path).toBe('status');
    const noVersion = await officer.put(`/api/members/${m.id}`, memberBody(dept.id));
    expect(noVersion.json().error.details[0]).toEqual({ path: 'version', message: '缺少版本号' });
  });

  it('updates, keeps the stored ID when omitted, bumps the version and refuses a stale one', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const dept2 = await createDepartment(ctx.deps, org.id);
    const group2 = await createUnionGroup(ctx.deps, org.id, [dept2.id]);
    const id = idNumber('19850505', '111');
    const m = await createMember(officer, dept.id, { idNumber: id });
    const { idNumber: _omit, ...rest } = memberBody(dept2.id, {
      name: '李四改',
      jobTitle: '护士长',
      birthDate: '1985-05-05',
    });
    const res = await officer.put(`/api/members/${m.id}`, { ...rest, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      name: '李四改',
      jobTitle: '护士长',
      departmentId: dept2.id,
      unionGroupId: group2.id,
      version: 2,
      status: 'nonMember',
    });
    expect((await officer.post(`/api/members/${m.id}/reveal-id`)).json().data.idNumber).toBe(id);

    const stale = await officer.put(`/api/members/${m.id}`, { ...rest, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    const wrongBirth = await officer.put(`/api/members/${m.id}`, {
      ...rest,
      birthDate: '1985-05-06',
      version: 2,
    });
    expect(wrongBirth.statusCode).toBe(400);
    expect(wrongBirth.json().error.details[0].path).toBe('birthDate');

    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.update'), eq(auditLog.objectId, m.id)));
    expect(audit).toHaveLength(1);
    expect((audit[0].detail as { changed: string[] }).changed).toEqual(
      expect.arrayContaining(['name', 'jobTitle', 'departmentId']),
    );
  });

  it('409 when the new ID number or card number belongs to someone else', async () => {
    const { dept, officer } = await orgWithOfficer(ctx);
    const a = await createMember(officer, dept.id, { name: '甲', memberNo: 'N-1', joinedAt: '2019-01-01' });
    const aId = (await officer.post(`/api/members/${a.id}/reveal-id`)).json().data.idNumber;
    const b = await createMember(officer, dept.id, { name: '乙' });
    const body = { ...memberBody(dept.id), version: 1 };
    const dupId = await officer.put(`/api/members/${b.id}`, { ...body, idNumber: aId });
    expect(dupId.statusCode).toBe(409);
    expect(dupId.json().error.details).toEqual([
      { path: 'idNumber', message: '该身份证号已登记（姓名：甲）' },
    ]);
    const dupNo = await officer.put(`/api/members/${b.id}`, { ...body, memberNo: 'N-1' });
    expect(dupNo.statusCode).toBe(409);
    expect(dupNo.json().error.details[0].path).toBe('memberNo');
  });
});

describe('GET /members', () => {
  it('401 anonymous, 403 without member:read, 400 for a bad filter', async () => {
    const { org, officer } = await orgWithOfficer(ctx);
    expect((await anonymous(ctx.app).get('/api/members')).statusCode).toBe(401);
    expect((await (await loginAs(ctx, org.id, ['delegate'])).get('/api/members')).statusCode).toBe(403);
    const bad = await officer.get('/api/members?status=ghost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({ path: 'status', message: '会籍状态无效' });
    expect((await officer.get('/api/members?pageSize=500')).json().error.details[0].message).toBe(
      '每页最多200条',
    );
  });

  it('searches by name, card number prefix and phone prefix; filters; pages and sorts on the server', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const child = await createDepartment(ctx.deps, org.id, undefined, dept.id);
    const other = await createDepartment(ctx.deps, org.id);
    const group = await createUnionGroup(ctx.deps, org.id, [other.id]);
    await createMember(officer, dept.id, {
      name: '张一',
      phone: '13800000001',
      joinedAt: '2018-03-01',
      memberNo: 'GH-7',
    });
    await createMember(officer, child.id, {
      name: '张二',
      phone: '13900000002',
      employmentType: 'recruited',
    });
    await createMember(officer, other.id, { name: '李三', phone: '13700000003', joinedAt: '2021-06-01' });
    // Another org's people never show.
    const foreign = await orgWithOfficer(ctx);
    await createMember(foreign.officer, foreign.dept.id, { name: '张外' });

    const names = async (qs: string) =>
      (await officer.get(`/api/members?${qs}`))
        .json()
        .data.map((m: { name: string }) => m.name)
        .sort();
    expect(await names('q=张')).toEqual(['张一', '张二']);
    expect(await names('q=GH-')).toEqual(['张一']);
    expect(await names('q=1390')).toEqual(['张二']);
    expect(await names('q=%25')).toEqual([]);
    expect(await names(`departmentId=${dept.id}`)).toEqual(['张一', '张二']);
    expect(await names(`unionGroupId=${group.id}`)).toEqual(['李三']);
    expect(await names('employmentType=recruited')).toEqual(['张二']);
    expect(await names('status=member')).toEqual(['张一', '李三']);
    expect(await names('joinedYear=2021')).toEqual(['李三']);
    expect(await names(`departmentId=${foreign.dept.id}`)).toEqual([]);

    const page = await officer.get('/api/members?sort=name&order=asc&page=2&pageSize=2');
    expect(page.json().page).toEqual({ page: 2, pageSize: 2, total: 3 });
    expect(page.json().data).toHaveLength(1);
    const sorted = (await officer.get('/api/members?sort=joinedAt&order=desc')).json().data;
    expect(sorted.map((m: { name: string }) => m.name)).toEqual(['李三', '张一', '张二']);
  });

  it('keeps a group leader to the assigned departments (and those below) on list, detail and history', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const child = await createDepartment(ctx.deps, org.id, undefined, dept.id);
    const other = await createDepartment(ctx.deps, org.id);
    const mine = await createMember(officer, dept.id, { name: '本科室' });
    const below = await createMember(officer, child.id, { name: '下级科室' });
    const theirs = await createMember(officer, other.id, { name: '外科室', phone: '13611112222' });
    const leader = await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [dept.id] });

    const list = await leader.get('/api/members');
    expect(
      list
        .json()
        .data.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([mine.id, below.id].sort());
    expect(list.json().page.total).toBe(2);
    expect((await leader.get(`/api/members?departmentId=${other.id}`)).json().data).toEqual([]);
    expect((await leader.get('/api/members?q=1361')).json().data).toEqual([]);
    expect((await leader.get(`/api/members/${below.id}`)).statusCode).toBe(200);
    expect((await leader.get(`/api/members/${theirs.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/members/${theirs.id}/history`)).statusCode).toBe(404);
    expect((await leader.get(`/api/members/${mine.id}`)).json().data.phone).toBe('139****5678');
  });
});
