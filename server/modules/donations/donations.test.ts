import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DonationDriveStatus } from '../../../common/schemas/donation.js';
import { auditLog, donationDrives, fundPeriods, ledgerEntries } from '../../db/schema/index.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { categoriesRepository } from '../funds/categories.repository.js';
import { ensureChart } from '../funds/funds.chart.js';
import { DRIVE_TRANSITIONS, nextStatus } from './donations.state.js';
import { createDrive, type DonationOrg, donate, donationOrg, ok, thisYear, todayDate } from './testkit.js';

let ctx: TestContext;
let o: DonationOrg;
beforeAll(async () => {
  ctx = await setupTestApp();
  o = await donationOrg(ctx);
});

const D = '/api/care/donations/drives';
const MISSING = '00000000-0000-4000-8000-000000000000';

async function ledgerOf(orgId: string, driveId: string) {
  return ctx.deps.db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, orgId),
        eq(ledgerEntries.sourceModule, 'donation'),
        eq(ledgerEntries.sourceId, driveId),
      ),
    );
}

describe('drive state machine', () => {
  const STATUSES: DonationDriveStatus[] = ['open', 'closed', 'handedOver', 'cancelled'];
  const ACTIONS = ['close', 'reopen', 'handover', 'cancel'] as const;
  const expected: Record<string, DonationDriveStatus | null> = {
    'open:close': 'closed',
    'open:cancel': 'cancelled',
    'closed:reopen': 'open',
    'closed:handover': 'handedOver',
    'closed:cancel': 'cancelled',
  };
  for (const from of STATUSES) {
    for (const action of ACTIONS) {
      const to = expected[`${from}:${action}`] ?? null;
      it(`${from} --${action}--> ${to ?? '409'}`, () => {
        if (to) expect(nextStatus(from, action)).toBe(to);
        else expect(() => nextStatus(from, action)).toThrow(expect.objectContaining({ status: 409 }));
      });
    }
  }
  it('the table has no other transition', () => {
    expect(DRIVE_TRANSITIONS.flatMap((t) => t.from.map((f) => `${f}:${t.action}`)).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });
});

describe('drives', () => {
  it('401 anonymous, 403 without the permission, on every route', async () => {
    const drive = await createDrive(o.officer);
    const anon = anonymous(ctx.app);
    const routes: [string, string][] = [
      ['GET', D],
      ['POST', D],
      ['GET', `${D}/${drive.id}`],
      ['POST', `${D}/${drive.id}/close`],
      ['POST', `${D}/${drive.id}/reopen`],
      ['POST', `${D}/${drive.id}/cancel`],
      ['POST', `${D}/${drive.id}/handover`],
      ['GET', `${D}/${drive.id}/donations`],
      ['GET', '/api/care/donations/donors'],
      ['POST', `${D}/${drive.id}/donations`],
      ['POST', `${D}/${drive.id}/donations/${MISSING}/remove`],
      ['GET', '/api/care/donations/import/template'],
      ['POST', `${D}/${drive.id}/departments/${o.nursing.id}/import`],
      ['POST', `/api/care/donations/imports/${MISSING}/commit`],
      ['GET', '/api/care/donations/public'],
      ['GET', `/api/care/donations/public/${drive.id}`],
    ];
    for (const [method, url] of routes) {
      expect((await anon.request({ method: method as 'GET', url })).statusCode, url).toBe(401);
    }
    // Reading needs care:summary: a group leader and a member have none.
    for (const c of [o.groupLeader, o.member, o.treasurer]) {
      expect((await c.get(D)).statusCode).toBe(403);
      expect((await c.get(`${D}/${drive.id}`)).statusCode).toBe(403);
      expect((await c.get(`${D}/${drive.id}/donations`)).statusCode).toBe(403);
      expect((await c.get('/api/care/donations/donors')).statusCode).toBe(403);
    }
    // Managing needs care:write: the vice chair and committee members read only.
    for (const c of [o.viceChair, o.committeeMember, o.groupLeader]) {
      expect((await c.post(D, { title: 'x', beneficiaryName: 'x', startDate: todayDate() })).statusCode).toBe(
        403,
      );
      expect((await c.post(`${D}/${drive.id}/close`)).statusCode).toBe(403);
      expect((await donate(c, drive.id, { donorName: '甲', amountFen: 100 })).statusCode).toBe(403);
      expect((await c.get('/api/care/donations/import/template')).statusCode).toBe(403);
    }
    // The handover is the chair's step (care:approve): the officer cannot hand over.
    expect((await o.officer.post(`${D}/${drive.id}/handover`, { date: todayDate() })).statusCode).toBe(403);
    // Every member sees the public summary; a system administrator is no member.
    const sysAdmin = await loginAs(ctx, o.org.id, ['sysAdmin']);
    expect((await sysAdmin.get('/api/care/donations/public')).statusCode).toBe(403);
    expect((await o.member.get('/api/care/donations/public')).statusCode).toBe(200);
  });

  it('400 naming the field', async () => {
    const bad = await o.officer.post(D, { title: '', startDate: '2025-02-30', targetFen: -5 });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'startDate', 'targetFen']));
    const noBeneficiary = await o.officer.post(D, { title: '捐款', startDate: todayDate() });
    expect(noBeneficiary.json().error.details[0]).toMatchObject({ path: 'beneficiaryName' });
    const backwards = await o.officer.post(D, {
      title: '捐款',
      beneficiaryName: '灾区',
      startDate: '2025-03-01',
      endDate: '2025-02-01',
    });
    expect(backwards.json().error.details[0].path).toBe('endDate');
    const ghost = await o.officer.post(D, {
      title: '捐款',
      beneficiaryMemberId: MISSING,
      startDate: todayDate(),
    });
    expect(ghost.statusCode).toBe(400);
    expect(ghost.json().error.details[0]).toMatchObject({
      path: 'beneficiaryMemberId',
      message: '受助会员不存在',
    });
    expect((await o.officer.get(`${D}/not-a-uuid`)).statusCode).toBe(400);
  });

  it('a member beneficiary is named from the roster; the reason is sealed and shown only with care:read', async () => {
    const drive = await createDrive(o.officer, { beneficiaryMemberId: o.nurse.id, beneficiaryName: null });
    expect(drive).toMatchObject({
      beneficiaryName: '王护士',
      reason: '肾移植手术',
      status: 'open',
      percent: 0,
    });
    const [row] = await ctx.deps.db.select().from(donationDrives).where(eq(donationDrives.id, drive.id));
    expect(row.reasonEnc?.toString('utf8')).not.toContain('肾移植');
    // The committee member and vice chair (care:summary only) see totals, not the reason.
    for (const c of [o.committeeMember, o.viceChair]) {
      expect(ok(await c.get(`${D}/${drive.id}`)).reason).toBeNull();
      expect(ok(await c.get(D)).find((d: { id: string }) => d.id === drive.id).reason).toBeNull();
    }
    expect(ok(await o.chair.get(`${D}/${drive.id}`)).reason).toBe('肾移植手术');
    const views = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, drive.id), eq(auditLog.action, 'care.donationDrive.view')));
    expect(views).toHaveLength(1);
    const [created] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, drive.id), eq(auditLog.action, 'care.donationDrive.create')));
    expect(JSON.stringify(created.detail)).not.toContain('肾移植');
  });

  it("404 for another union's drive and a missing one", async () => {
    const drive = await createDrive(o.officer);
    const other = await createOrg(ctx.deps);
    const otherOfficer = await loginAs(ctx, other.id, ['officer']);
    const otherChair = await loginAs(ctx, other.id, ['chair']);
    const otherMember = await loginAs(ctx, other.id, ['member']);
    for (const id of [drive.id, MISSING]) {
      expect((await otherOfficer.get(`${D}/${id}`)).statusCode).toBe(404);
      expect((await otherOfficer.get(`${D}/${id}/donations`)).statusCode).toBe(404);
      expect((await otherOfficer.post(`${D}/${id}/close`)).statusCode).toBe(404);
      expect((await otherOfficer.post(`${D}/${id}/cancel`, { reason: '重复' })).statusCode).toBe(404);
      expect((await donate(otherOfficer, id, { donorName: '甲', amountFen: 100 })).statusCode).toBe(404);
      expect((await otherChair.post(`${D}/${id}/handover`, { date: todayDate() })).statusCode).toBe(404);
      expect((await otherMember.get(`/api/care/donations/public/${id}`)).statusCode).toBe(404);
    }
    expect(ok(await otherOfficer.get(D))).toEqual([]);
    const d = ok(await donate(o.officer, drive.id, { donorName: '甲', amountFen: 100 }), 201);
    expect(
      (await otherOfficer.post(`${D}/${drive.id}/donations/${d.id}/remove`, { reason: '录错' })).statusCode,
    ).toBe(404);
    expect(
      (await o.officer.post(`${D}/${drive.id}/donations/${MISSING}/remove`, { reason: '录错' })).statusCode,
    ).toBe(404);
  });

  it('lists a year’s drives in any of several statuses (the figures leave cancelled ones out); 400 naming 状态', async () => {
    const u = await donationOrg(ctx);
    const year = thisYear();
    const open = await createDrive(u.officer, { startDate: `${year}-01-02` });
    const closed = await createDrive(u.officer, { startDate: `${year}-01-03` });
    ok(await u.officer.post(`${D}/${closed.id}/close`));
    const cancelled = await createDrive(u.officer, { startDate: `${year}-01-04` });
    ok(await u.officer.post(`${D}/${cancelled.id}/cancel`, { reason: '重复发起' }));
    await createDrive(u.officer, { startDate: `${year - 1}-06-01` });
    const ids = async (query: string) =>
      (ok(await u.officer.get(`${D}?${query}`)) as { id: string }[]).map((d) => d.id).sort();
    expect(await ids(`year=${year}&status=open,closed,handedOver`)).toEqual([open.id, closed.id].sort());
    expect(await ids(`year=${year}&status=cancelled`)).toEqual([cancelled.id]);
    expect(await ids(`year=${year}`)).toHaveLength(3);
    for (const bad of ['open,lost', '', 'open,']) {
      const res = await u.officer.get(`${D}?status=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details[0].path).toBe('status');
      expect(res.json().error.details[0].message).toContain('状态');
    }
  });

  it('close, reopen and cancel with 409 on the wrong step; audited', async () => {
    const drive = await createDrive(o.officer);
    expect((await o.officer.post(`${D}/${drive.id}/reopen`)).statusCode).toBe(409);
    expect(ok(await o.officer.post(`${D}/${drive.id}/close`)).status).toBe('closed');
    expect((await o.officer.post(`${D}/${drive.id}/close`)).statusCode).toBe(409);
    expect(ok(await o.officer.post(`${D}/${drive.id}/reopen`)).status).toBe('open');
    expect((await o.officer.post(`${D}/${drive.id}/cancel`, {})).statusCode).toBe(400);
    const cancelled = ok(await o.officer.post(`${D}/${drive.id}/cancel`, { reason: '家属已筹足费用' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '家属已筹足费用' });
    expect((await o.officer.post(`${D}/${drive.id}/reopen`)).statusCode).toBe(409);
    expect((await o.chair.post(`${D}/${drive.id}/handover`, { date: todayDate() })).statusCode).toBe(409);
    // A cancelled drive is not published.
    expect((await o.member.get(`/api/care/donations/public/${drive.id}`)).statusCode).toBe(404);
    const actions = (await ctx.deps.db.select().from(auditLog).where(eq(auditLog.objectId, drive.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'care.donationDrive.close',
        'care.donationDrive.reopen',
        'care.donationDrive.cancel',
      ]),
    );
  });
});

describe('donations', () => {
  it('lists the donors of the drives chosen, each once, with how often and how much they gave', async () => {
    const u = await donationOrg(ctx);
    const year = thisYear();
    const gave = async (driveId: string, body: Record<string, unknown>) =>
      ok(await donate(u.officer, driveId, body), 201);
    const a = await createDrive(u.officer, { startDate: `${year}-01-02` });
    await gave(a.id, { memberId: u.nurse.id, amountFen: 10_000 });
    await gave(a.id, { memberId: u.nurse.id, amountFen: 5_000 });
    await gave(a.id, { donorName: '院外人士', amountFen: 20_000 });
    const wrong = await gave(a.id, { donorName: '录错了', amountFen: 99_000 });
    ok(await u.officer.post(`${D}/${a.id}/donations/${wrong.id}/remove`, { reason: '重复录入' }));
    const b = await createDrive(u.officer, { startDate: `${year}-01-03` });
    await gave(b.id, { memberId: u.nurse.id, amountFen: 3_000, departmentId: u.surgery.id });
    await gave(b.id, { donorName: '李四', amountFen: 1_000 });
    ok(await u.officer.post(`${D}/${b.id}/close`));
    const c = await createDrive(u.officer, { startDate: `${year}-01-04` });
    await gave(c.id, { donorName: '王五', amountFen: 500 });
    ok(await u.officer.post(`${D}/${c.id}/cancel`, { reason: '重复发起' }));
    const old = await createDrive(u.officer, { startDate: `${year - 1}-06-01` });
    await gave(old.id, { donorName: '赵六', amountFen: 700 });

    const counted = (
      await u.viceChair.get(`/api/care/donations/donors?year=${year}&status=open,closed`)
    ).json();
    expect(counted.page.total).toBe(3);
    expect(counted.data).toEqual([
      {
        id: 'name:院外人士',
        memberId: null,
        name: '院外人士',
        departmentName: null,
        drives: 1,
        count: 1,
        totalFen: 20_000,
      },
      {
        id: u.nurse.id,
        memberId: u.nurse.id,
        name: '王护士',
        departmentName: expect.any(String),
        drives: 2,
        count: 3,
        totalFen: 18_000,
      },
      {
        id: 'name:李四',
        memberId: null,
        name: '李四',
        departmentName: null,
        drives: 1,
        count: 1,
        totalFen: 1_000,
      },
    ]);
    const all = (await u.viceChair.get(`/api/care/donations/donors?year=${year}`)).json();
    expect(all.data.map((d: { name: string }) => d.name)).toContain('王五');
    expect(all.page.total).toBe(4);
    const paged = (await u.viceChair.get(`/api/care/donations/donors?year=${year}&pageSize=2&page=2`)).json();
    expect(paged.data).toHaveLength(2);
    expect(paged.page.total).toBe(4);
    for (const [query, path] of [
      ['status=lost', 'status'],
      ['year=abc', 'year'],
      ['pageSize=0', 'pageSize'],
    ]) {
      const res = await u.viceChair.get(`/api/care/donations/donors?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].path).toBe(path);
    }
    // Another union's donors are not listed.
    const other = await donationOrg(ctx);
    expect((await other.viceChair.get(`/api/care/donations/donors?year=${year}`)).json().page.total).toBe(0);
  });

  it('recorded one by one: member (department from the roster) or a non-member by name; totals live', async () => {
    const drive = await createDrive(o.officer, { targetFen: 100_000 });
    const byMember = ok(
      await donate(o.officer, drive.id, { memberId: o.nurse.id, amountFen: 20_000, nameConsent: true }),
      201,
    );
    expect(byMember).toMatchObject({ donorName: '王护士', departmentId: o.nursing.id, nameConsent: true });
    ok(
      await donate(o.officer, drive.id, {
        donorName: '进修医生甲',
        departmentId: o.surgery.id,
        amountFen: 5_000,
      }),
      201,
    );
    ok(await donate(o.officer, drive.id, { donorName: '院外爱心人士', amountFen: 1_050 }), 201);
    const detail = ok(await o.officer.get(`${D}/${drive.id}`));
    expect(detail).toMatchObject({ count: 3, totalFen: 26_050, percent: 26 });
    const depts = Object.fromEntries(
      detail.byDepartment.map((r: { departmentName: string; count: number; totalFen: number }) => [
        r.departmentName,
        [r.count, r.totalFen],
      ]),
    );
    expect(depts).toEqual({
      [o.nursing.name]: [1, 20_000],
      [o.surgery.name]: [1, 5_000],
      '其他（未填科室）': [1, 1_050],
    });
    const list = ok(await o.viceChair.get(`${D}/${drive.id}/donations?departmentId=${o.surgery.id}`));
    expect(list.map((d: { donorName: string }) => d.donorName)).toEqual(['进修医生甲']);
    const listed = ok(await o.officer.get(D)).find((d: { id: string }) => d.id === drive.id);
    expect(listed).toMatchObject({ count: 3, totalFen: 26_050, percent: 26 });
  });

  it('400 naming the field; 409 unless the drive is open', async () => {
    const drive = await createDrive(o.officer, { startDate: `${thisYear()}-01-01` });
    const bad = await donate(o.officer, drive.id, { amountFen: 0.5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['amountFen']),
    );
    expect((await donate(o.officer, drive.id, { amountFen: 100 })).json().error.details[0].path).toBe(
      'donorName',
    );
    const early = await donate(o.officer, drive.id, {
      donorName: '甲',
      amountFen: 100,
      date: `${thisYear() - 1}-12-31`,
    });
    expect(early.json().error.details[0]).toMatchObject({ path: 'date' });
    const future = await donate(o.officer, drive.id, {
      donorName: '甲',
      amountFen: 100,
      date: `${thisYear() + 1}-01-01`,
    });
    expect(future.json().error.details[0].message).toContain('不能晚于今天');
    const ghost = await donate(o.officer, drive.id, { memberId: MISSING, amountFen: 100 });
    expect(ghost.json().error.details[0]).toMatchObject({ path: 'memberId' });
    const otherDept = await createDepartment(ctx.deps, (await createOrg(ctx.deps)).id);
    const foreign = await donate(o.officer, drive.id, {
      donorName: '甲',
      departmentId: otherDept.id,
      amountFen: 100,
    });
    expect(foreign.json().error.details[0]).toMatchObject({ path: 'departmentId', message: '科室不存在' });

    const d = ok(await donate(o.officer, drive.id, { donorName: '甲', amountFen: 100 }), 201);
    ok(await o.officer.post(`${D}/${drive.id}/close`));
    expect((await donate(o.officer, drive.id, { donorName: '乙', amountFen: 100 })).statusCode).toBe(409);
    expect(
      (await o.officer.post(`${D}/${drive.id}/donations/${d.id}/remove`, { reason: '录错' })).statusCode,
    ).toBe(409);
    expect(ok(await o.officer.get(`${D}/${drive.id}`)).totalFen).toBe(100);
  });

  it('a wrong donation is removed with a reason (kept, audited, out of the totals); twice is 409', async () => {
    const drive = await createDrive(o.officer);
    const keep = ok(await donate(o.officer, drive.id, { donorName: '甲', amountFen: 10_000 }), 201);
    const wrong = ok(await donate(o.officer, drive.id, { donorName: '乙', amountFen: 99_900 }), 201);
    const url = `${D}/${drive.id}/donations/${wrong.id}/remove`;
    expect((await o.officer.post(url, { reason: '' })).json().error.details[0].path).toBe('reason');
    const removed = ok(await o.officer.post(url, { reason: '金额录错，应为999元' }));
    expect(removed).toMatchObject({ removedReason: '金额录错，应为999元' });
    expect((await o.officer.post(url, { reason: '再删' })).statusCode).toBe(409);
    expect(ok(await o.officer.get(`${D}/${drive.id}`))).toMatchObject({ count: 1, totalFen: 10_000 });
    expect(ok(await o.officer.get(`${D}/${drive.id}/donations`)).map((d: { id: string }) => d.id)).toEqual([
      keep.id,
    ]);
    const all = ok(await o.officer.get(`${D}/${drive.id}/donations?includeRemoved=true`));
    expect(all).toHaveLength(2);
    const [audit] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, wrong.id), eq(auditLog.action, 'care.donation.remove')));
    expect(audit.detail).toMatchObject({ reason: '金额录错，应为999元', amountFen: 99_900 });
  });
});

describe('handover (交付)', () => {
  it('posts exactly one income (409) and one expense (50202 for a member) in one transaction', async () => {
    const drive = await createDrive(o.officer, { beneficiaryMemberId: o.nurse.id, beneficiaryName: null });
    ok(await donate(o.officer, drive.id, { donorName: '甲', amountFen: 1_500_000 }), 201);
    ok(await donate(o.officer, drive.id, { donorName: '乙', amountFen: 1_000_000 }), 201);
    // Not closed yet: 409, nothing posted.
    expect((await o.chair.post(`${D}/${drive.id}/handover`, { date: todayDate() })).statusCode).toBe(409);
    expect(await ledgerOf(o.org.id, drive.id)).toHaveLength(0);
    ok(await o.officer.post(`${D}/${drive.id}/close`));
    expect(
      (await o.chair.post(`${D}/${drive.id}/handover`, { date: 'soon' })).json().error.details[0].path,
    ).toBe('date');
    const done = ok(
      await o.chair.post(`${D}/${drive.id}/handover`, {
        date: todayDate(),
        voucherNo: '记-12',
        note: '交本人',
      }),
    );
    expect(done).toMatchObject({
      status: 'handedOver',
      handoverFen: 2_500_000,
      handoverPayee: '王护士',
      handoverDate: todayDate(),
    });
    const entries = await ledgerOf(o.org.id, drive.id);
    expect(entries).toHaveLength(2);
    const income = entries.find((e) => e.kind === 'income')!;
    const expense = entries.find((e) => e.kind === 'expense')!;
    const cat = async (code: string) =>
      (await categoriesRepository.findByCode(ctx.deps.db, o.org.id, code))!.id;
    expect(income).toMatchObject({
      amountFen: 2_500_000,
      categoryId: await cat('409'),
      id: done.incomeEntryId,
    });
    expect(expense).toMatchObject({
      amountFen: 2_500_000,
      categoryId: await cat('50202'),
      counterparty: '王护士',
      approvedBy: 'workflow',
      id: done.expenseEntryId,
      voucherNo: '记-12',
    });
    // Handed over once: a second handover is 409 and posts nothing more.
    expect((await o.chair.post(`${D}/${drive.id}/handover`, { date: todayDate() })).statusCode).toBe(409);
    expect(await ledgerOf(o.org.id, drive.id)).toHaveLength(2);
    expect((await donate(o.officer, drive.id, { donorName: '丙', amountFen: 100 })).statusCode).toBe(409);
    // The committee member holds care:approve as well.
    const cause = await createDrive(o.officer, {
      title: '水灾捐款',
      beneficiaryName: '受灾地区',
      reason: null,
    });
    ok(await donate(o.officer, cause.id, { donorName: '甲', amountFen: 300_000 }), 201);
    ok(await o.officer.post(`${D}/${cause.id}/close`));
    ok(await o.committeeMember.post(`${D}/${cause.id}/handover`, { date: todayDate(), payee: '市红十字会' }));
    const [causeExpense] = (await ledgerOf(o.org.id, cause.id)).filter((e) => e.kind === 'expense');
    expect(causeExpense).toMatchObject({ categoryId: await cat('509'), counterparty: '市红十字会' });
  });

  it('a closed period refuses the handover: 409 and nothing written', async () => {
    const last = thisYear() - 1;
    const drive = await createDrive(o.officer, { startDate: `${last}-01-01` });
    ok(await donate(o.officer, drive.id, { donorName: '甲', amountFen: 50_000, date: `${last}-01-10` }), 201);
    ok(await o.officer.post(`${D}/${drive.id}/close`));
    await ctx.deps.db.insert(fundPeriods).values({ orgId: o.org.id, period: `${last}-01` });
    const res = await o.chair.post(`${D}/${drive.id}/handover`, { date: `${last}-01-20` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERIOD_CLOSED');
    expect(await ledgerOf(o.org.id, drive.id)).toHaveLength(0);
    const after = ok(await o.chair.get(`${D}/${drive.id}`));
    expect(after).toMatchObject({ status: 'closed', handoverDate: null, incomeEntryId: null });
  });

  it("an expense over a 'refuse' budget rolls back the income too", async () => {
    const org = await donationOrg(ctx);
    await ensureChart(ctx.deps.db, org.org.id);
    const c50202 = (await categoriesRepository.findByCode(ctx.deps.db, org.org.id, '50202'))!;
    ok(await org.treasurer.put(`/api/funds/categories/${c50202.id}`, { overBudgetRule: 'refuse' }));
    const drive = await createDrive(org.officer, {
      beneficiaryMemberId: org.nurse.id,
      beneficiaryName: null,
    });
    ok(await donate(org.officer, drive.id, { donorName: '甲', amountFen: 100_000 }), 201);
    ok(await org.officer.post(`${D}/${drive.id}/close`));
    const res = await org.chair.post(`${D}/${drive.id}/handover`, { date: todayDate() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('OVER_BUDGET');
    expect(await ledgerOf(org.org.id, drive.id)).toHaveLength(0);
    expect(ok(await org.chair.get(`${D}/${drive.id}`)).status).toBe('closed');
  });

  it('two handovers at once: one succeeds, one 409, and the ledger holds one pair', async () => {
    const drive = await createDrive(o.officer);
    ok(await donate(o.officer, drive.id, { donorName: '甲', amountFen: 12_300 }), 201);
    ok(await o.officer.post(`${D}/${drive.id}/close`));
    const codes = (
      await Promise.all([
        o.chair.post(`${D}/${drive.id}/handover`, { date: todayDate() }),
        o.committeeMember.post(`${D}/${drive.id}/handover`, { date: todayDate() }),
      ])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 409]);
    expect(await ledgerOf(o.org.id, drive.id)).toHaveLength(2);
  });

  it('a drive without donations is not handed over (409)', async () => {
    const drive = await createDrive(o.officer);
    ok(await o.officer.post(`${D}/${drive.id}/close`));
    const res = await o.chair.post(`${D}/${drive.id}/handover`, { date: todayDate() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('没有捐款');
  });
});

describe('public summary (公示)', () => {
  it('by department; names with amounts only of those who agreed, the others counted as 爱心人士', async () => {
    const drive = await createDrive(o.officer);
    ok(
      await donate(o.officer, drive.id, { memberId: o.nurse.id, amountFen: 20_000, nameConsent: true }),
      201,
    );
    ok(
      await donate(o.officer, drive.id, {
        donorName: '不愿留名甲',
        departmentId: o.nursing.id,
        amountFen: 30_000,
      }),
      201,
    );
    ok(
      await donate(o.officer, drive.id, {
        donorName: '不愿留名乙',
        departmentId: o.surgery.id,
        amountFen: 7_000,
      }),
      201,
    );
    const res = await o.member.get(`/api/care/donations/public/${drive.id}`);
    const s = ok(res);
    expect(res.body).not.toContain('不愿留名');
    expect(res.body).not.toContain('肾移植');
    expect(s).toMatchObject({ count: 3, totalFen: 57_000, anonymousCount: 2 });
    expect(s.named).toEqual([{ departmentName: o.nursing.name, donorName: '王护士', amountFen: 20_000 }]);
    const nursing = s.byDepartment.find(
      (r: { departmentName: string }) => r.departmentName === o.nursing.name,
    );
    expect(nursing).toMatchObject({ count: 2, totalFen: 50_000, anonymousCount: 1 });
    const list = ok(await o.member.get('/api/care/donations/public'));
    expect(list.find((d: { id: string }) => d.id === drive.id)).toMatchObject({ totalFen: 57_000 });
    expect(JSON.stringify(list)).not.toContain('肾移植');
  });
});
