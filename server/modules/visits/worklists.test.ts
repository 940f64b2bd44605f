import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BirthdayPage, FestivalRow, VisitView } from '../../../common/schemas/visit.js';
import { fundPeriods, hardshipFiles, ledgerEntries, members, visits } from '../../db/schema/index.js';
import { anonymous, setupTestApp, type TestContext } from '../../test/helpers.js';
import { bornOn, type CareOrg, careOrg, ok, paths, visit } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function documentXml(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  return zip.file('word/document.xml')!.async('string');
}

describe('birthdays this month', () => {
  it('lists members born in the month, marks who had a birthday visit this year; 401, 403, 400', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const wang = await o.person(o.deptA.id, { name: '王五', ...bornOn('1985-03-02') });
    await o.person(o.deptB.id, { name: '赵六', ...bornOn('1990-03-20') });
    await o.person(o.deptA.id, { name: '孙七', ...bornOn('1990-04-20') });
    await o.person(o.deptA.id, { name: '周八', joinedAt: null, ...bornOn('1991-03-05') });
    await other.person(other.deptA.id, { name: '吴九', ...bornOn('1988-03-08') });
    const v = await visit(o.officer, wang.id, { reason: 'birthday', visitDate: '2026-03-02' });
    expect(v).toMatchObject({ cashFen: 0, gift: '生日蛋糕券、长寿面和贺卡', ledgerEntryId: null });
    // 生日 once a year.
    const again = await o.officer.post('/api/care/visits', {
      memberId: wang.id,
      reason: 'birthday',
      visitDate: '2026-03-03',
      visitors: '工会',
    });
    expect(again.json().error.code).toBe('CAP_EXCEEDED');

    const url = '/api/care/worklists/birthdays?month=2026-03';
    expect((await anonymous(ctx.app).get(url)).statusCode).toBe(401);
    expect((await o.groupLeader.get(url)).statusCode).toBe(403);
    expect(paths(await o.officer.get('/api/care/worklists/birthdays?month=2026-3'))).toEqual(['month']);
    expect(paths(await o.officer.get(`${url}&visited=maybe`))).toEqual(['visited']);
    expect(paths(await o.officer.get(`${url}&pageSize=0`))).toEqual(['pageSize']);
    const all: BirthdayPage = (await o.officer.get(url)).json();
    expect(all.data.map((r) => [r.name, r.visitId])).toEqual([
      ['王五', v.id],
      ['赵六', null],
    ]);
    expect(all.counts).toEqual({ total: 2, visited: 1 });
    expect(all.page).toEqual({ page: 1, pageSize: 50, total: 2 });

    const notVisited: BirthdayPage = (await o.officer.get(`${url}&visited=no`)).json();
    expect(notVisited.data.map((r) => r.name)).toEqual(['赵六']);
    expect(notVisited.page.total).toBe(1);
    expect(notVisited.counts).toEqual(all.counts);
    const visitedOnes: BirthdayPage = (await o.officer.get(`${url}&visited=yes`)).json();
    expect(visitedOnes.data.map((r) => r.name)).toEqual(['王五']);
    // Pages follow the birthday order.
    const second: BirthdayPage = (await o.officer.get(`${url}&page=2&pageSize=1`)).json();
    expect(second.data.map((r) => r.name)).toEqual(['赵六']);
    expect(second.page).toEqual({ page: 2, pageSize: 1, total: 2 });
    const past: BirthdayPage = (await o.officer.get(`${url}&page=9&visited=no`)).json();
    expect([past.data, past.counts, past.page.total]).toEqual([[], { total: 2, visited: 1 }, 1]);

    const nextYear: BirthdayPage = (
      await o.officer.get('/api/care/worklists/birthdays?month=2027-03')
    ).json();
    expect(nextYear.data[0].visitId).toBeNull();
    expect(nextYear.counts).toEqual({ total: 2, visited: 0 });
  });

  it('prints the cards as a Word file, one per member, for the month or the chosen ones', async () => {
    const o = await careOrg(ctx);
    const wang = await o.person(o.deptA.id, { name: '王五', ...bornOn('1985-07-02') });
    await o.person(o.deptB.id, { name: '赵六', ...bornOn('1990-07-20') });
    const url = '/api/care/worklists/birthdays/cards?month=2026-07';
    expect((await anonymous(ctx.app).get(url)).statusCode).toBe(401);
    expect((await o.member.get(url)).statusCode).toBe(403);

    const res = await o.officer.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain('亲爱的王五同志');
    expect(xml).toContain('亲爱的赵六同志');
    // One card a page: each card is a section of its own.
    expect(xml.match(/亲爱的/g)).toHaveLength(2);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);

    const one = await documentXml((await o.officer.get(`${url}&memberIds=${wang.id}`)).rawPayload);
    expect(one).toContain('王五');
    expect(one).not.toContain('赵六');
    const stranger = await o.officer.get(`${url}&memberIds=${o.inA.id}`);
    expect(paths(stranger)).toEqual(['memberIds']);
    expect(paths(await o.officer.get('/api/care/worklists/birthdays/cards?month=2026-02'))).toEqual([
      'month',
    ]);
  });
});

async function festivalSetup(o: CareOrg) {
  const retiree = await o.person(o.deptA.id, { name: '钱退休', employmentType: 'retired' });
  const poor = await o.person(o.deptB.id, { name: '困难户' });
  await ctx.deps.db.insert(hardshipFiles).values({
    orgId: o.org.id,
    memberId: poor.id,
    level: 'general',
    reasons: ['illness'],
    detailsEnc: Buffer.from('sealed'),
    registeredOn: '2026-01-01',
    nextReviewOn: '2027-01-01',
  });
  const closed = await o.person(o.deptB.id, { name: '已脱困' });
  await ctx.deps.db.insert(hardshipFiles).values({
    orgId: o.org.id,
    memberId: closed.id,
    status: 'closed',
    level: 'general',
    reasons: ['illness'],
    detailsEnc: Buffer.from('sealed'),
    registeredOn: '2025-01-01',
    nextReviewOn: '2026-01-01',
  });
  return { retiree, poor };
}

const batch = (memberIds: string[], extra: Record<string, unknown> = {}) => ({
  festival: '2027春节',
  visitDate: '2027-02-01',
  memberIds,
  visitors: '工会领导班子',
  ...extra,
});

describe('festival visits', () => {
  it('lists retirees and active hardship households not yet visited for the festival', async () => {
    const o = await careOrg(ctx);
    const { retiree, poor } = await festivalSetup(o);
    const url = `/api/care/worklists/festival?festival=${encodeURIComponent('2027春节')}`;
    expect((await anonymous(ctx.app).get(url)).statusCode).toBe(401);
    expect((await o.groupLeader.get(url)).statusCode).toBe(403);
    expect(paths(await o.officer.get('/api/care/worklists/festival?festival='))).toEqual(['festival']);
    // A retired member (status), a retiree who also has a hardship file (listed once), a retiree who left.
    const setStatus = (id: string, status: 'retired' | 'left') =>
      ctx.deps.db.update(members).set({ status }).where(eq(members.id, id));
    const retiredMember = await o.person(o.deptB.id, { name: '孙退会员' });
    await setStatus(retiredMember.id, 'retired');
    const both = await o.person(o.deptA.id, { name: '周两者', employmentType: 'retired' });
    await ctx.deps.db.insert(hardshipFiles).values({
      orgId: o.org.id,
      memberId: both.id,
      level: 'special',
      reasons: ['disability'],
      detailsEnc: Buffer.from('sealed'),
      registeredOn: '2026-01-01',
      nextReviewOn: '2027-01-01',
    });
    const gone = await o.person(o.deptA.id, { name: '吴已离', employmentType: 'retired' });
    await setStatus(gone.id, 'left');
    const rows: FestivalRow[] = ok(await o.officer.get(url));
    expect(rows.map((r) => [r.name, r.retiree, r.hardship]).sort()).toEqual([
      ['周两者', true, true],
      ['困难户', false, true],
      ['孙退会员', true, false],
      ['钱退休', true, false],
    ]);
    ok(await o.officer.post('/api/care/visits/batch', batch([retiree.id])), 201);
    const after: FestivalRow[] = ok(await o.officer.get(url));
    expect(after.map((r) => r.memberId).sort()).toEqual([poor.id, retiredMember.id, both.id].sort());
  });

  it('creates the batch with one ledger entry per paid visit; 401, 403, 400, 409 refuse it whole', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const { retiree, poor } = await festivalSetup(o);
    const ids = [retiree.id, poor.id, o.inA.id];
    const count = async () =>
      (await ctx.deps.db.select().from(visits).where(eq(visits.orgId, o.org.id))).length;
    const posted = async () =>
      (
        await ctx.deps.db
          .select()
          .from(ledgerEntries)
          .where(and(eq(ledgerEntries.orgId, o.org.id), eq(ledgerEntries.sourceModule, 'visit')))
      ).length;

    expect((await anonymous(ctx.app).post('/api/care/visits/batch', batch(ids))).statusCode).toBe(401);
    expect((await o.groupLeader.post('/api/care/visits/batch', batch(ids))).statusCode).toBe(403);
    const bad = await o.officer.post('/api/care/visits/batch', batch([], { festival: '', cashFen: -1 }));
    expect(paths(bad).sort()).toEqual(['cashFen', 'festival', 'memberIds']);
    const foreign = await o.officer.post('/api/care/visits/batch', batch([...ids, other.inA.id]));
    expect(paths(foreign)).toEqual(['memberIds.3']);
    const over = await o.officer.post('/api/care/visits/batch', batch(ids, { cashFen: 60_000 }));
    expect(paths(over)).toEqual(['cashFen']);

    // One member over the cap (两节 twice a year) refuses the batch: nothing created, nothing posted.
    await visit(o.officer, o.inA.id, { reason: 'holiday', visitDate: '2027-01-05', cashFen: 10_000 });
    await visit(o.officer, o.inA.id, { reason: 'holiday', visitDate: '2027-01-06', cashFen: 10_000 });
    const capped = await o.officer.post('/api/care/visits/batch', batch(ids));
    expect(capped.statusCode).toBe(409);
    expect(capped.json().error.message).toContain('张三');
    expect(await count()).toBe(2);
    expect(await posted()).toBe(2);

    // A closed month refuses the batch too.
    await ctx.deps.db.insert(fundPeriods).values({ orgId: o.org.id, period: '2026-12' });
    const closed = await o.officer.post(
      '/api/care/visits/batch',
      batch([retiree.id, poor.id], { festival: '2026元旦', visitDate: '2026-12-30' }),
    );
    expect(closed.json().error.code).toBe('PERIOD_CLOSED');
    expect(await count()).toBe(2);

    const done = ok(
      await o.officer.post('/api/care/visits/batch', batch([retiree.id, poor.id, retiree.id])),
      201,
    );
    expect(done).toMatchObject({ created: 2, totalCashFen: 100_000 });
    expect(await posted()).toBe(4);
    const list: VisitView[] = ok(
      await o.officer.get(`/api/care/visits?festival=${encodeURIComponent('2027春节')}`),
    );
    expect(list.map((v) => [v.memberName, v.cashFen, v.gift, v.reason]).sort()).toEqual([
      ['困难户', 50_000, '米、油', 'holiday'],
      ['钱退休', 50_000, '米、油', 'holiday'],
    ]);
    expect(list.every((v) => v.ledgerEntryId)).toBe(true);

    const twice = await o.officer.post('/api/care/visits/batch', batch([poor.id]));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('困难户');
  });
});
