import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CareFigure, CareStats } from '../../../common/schemas/careStats.js';
import { HARDSHIP_LEVELS } from '../../../common/schemas/hardship.js';
import {
  aidCases,
  auditLog,
  careEvents,
  checkupParticipants,
  checkupProgrammes,
  donationDrives,
  donations,
  hardshipFiles,
  mutualAidClaims,
  mutualAidEnrolments,
  mutualAidPlans,
  visits,
  welfareRules,
} from '../../db/schema/index.js';
import { today } from '../../lib/businessDate.js';
import { anonymous, setupTestApp, type TestContext } from '../../test/helpers.js';
import { authOf } from '../aid/testkit.js';
import { bornOn, type CareOrg, careOrg, ok, visit } from '../visits/testkit.js';
import { ensureWelfareRules } from '../welfareRules/welfareRules.service.js';
import { festivalDue } from './careStats.festivals.js';
import { careStatsService } from './careStats.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NOW = today();
const YEAR = Number(NOW.slice(0, 4));
const db = () => ctx.deps.db;

// Records are written directly: each module's workflow has its own tests; here only what is
// counted, and that each figure's list shows the same records, matters.

async function ruleId(orgId: string, subject: 'visit' | 'aid') {
  await ensureWelfareRules(db(), orgId);
  const [r] = await db()
    .select({ id: welfareRules.id })
    .from(welfareRules)
    .where(and(eq(welfareRules.orgId, orgId), eq(welfareRules.subject, subject)))
    .limit(1);
  return r.id;
}

async function addVisits(
  o: CareOrg,
  rows: { reason: string; date: string; cash: number; cancelled?: boolean }[],
) {
  const rule = await ruleId(o.org.id, 'visit');
  await db()
    .insert(visits)
    .values(
      rows.map((r) => ({
        orgId: o.org.id,
        memberId: o.inA.id,
        reason: r.reason as 'birthday',
        visitDate: r.date,
        visitors: '王主席',
        cashFen: r.cash,
        ruleId: rule,
        standardFen: r.cash,
        status: r.cancelled ? ('cancelled' as const) : ('done' as const),
      })),
    );
}

async function addAid(
  o: CareOrg,
  rows: {
    kind: string;
    state: string;
    asked: number;
    granted?: number;
    on?: string;
    approvalLevel?: string;
  }[],
) {
  const rule = await ruleId(o.org.id, 'aid');
  return db()
    .insert(aidCases)
    .values(
      rows.map((r) => ({
        orgId: o.org.id,
        memberId: o.inA.id,
        departmentId: o.deptA.id,
        kind: r.kind,
        ruleId: rule,
        appliedOn: r.on ?? `${YEAR}-03-01`,
        amountAskedFen: r.asked,
        amountGrantedFen: r.granted ?? null,
        reasonEnc: Buffer.from('sealed'),
        checklist: [],
        state: r.state,
        approvalLevel: r.approvalLevel ?? null,
        paidOn: r.state === 'paid' ? `${YEAR}-04-01` : null,
      })),
    )
    .returning();
}

/** A year of care records in a union: what the figures below must count. */
async function yearOfCare(o: CareOrg, year: number) {
  await addVisits(o, [
    { reason: 'birthday', date: `${year}-02-01`, cash: 20_000 },
    { reason: 'birthday', date: `${year}-07-01`, cash: 20_000 },
    { reason: 'birthday', date: `${year}-07-02`, cash: 20_000, cancelled: true },
    { reason: 'hospitalised', date: `${year}-12-31`, cash: 50_000 },
    { reason: 'holiday', date: `${year}-01-01`, cash: 0 },
  ]);
  await addAid(o, [
    { kind: 'illness', state: 'submitted', asked: 100_000, on: `${year}-01-01` },
    { kind: 'illness', state: 'paid', asked: 200_000, granted: 150_000, on: `${year}-05-01` },
    { kind: 'illness', state: 'refused', asked: 300_000, on: `${year}-06-01` },
    { kind: 'education', state: 'approved', asked: 50_000, granted: 40_000, on: `${year}-12-31` },
  ]);
  const [drive] = await db()
    .insert(donationDrives)
    .values({
      orgId: o.org.id,
      title: '爱心捐款',
      beneficiaryName: '张三',
      startDate: `${year}-03-01`,
      status: 'handedOver',
      handoverFen: 35_000,
    })
    .returning();
  const [cancelled] = await db()
    .insert(donationDrives)
    .values({
      orgId: o.org.id,
      title: '已取消',
      beneficiaryName: '某事',
      startDate: `${year}-04-01`,
      status: 'cancelled',
    })
    .returning();
  const gift = (
    driveId: string,
    amountFen: number,
    who: { memberId?: string; donorName: string },
    removed = false,
  ) => ({
    orgId: o.org.id,
    driveId,
    memberId: who.memberId ?? null,
    donorName: who.donorName,
    amountFen,
    date: `${year}-03-02`,
    removedAt: removed ? new Date() : null,
  });
  await db()
    .insert(donations)
    .values([
      gift(drive.id, 10_000, { memberId: o.inA.id, donorName: '张三' }),
      gift(drive.id, 5_000, { memberId: o.inA.id, donorName: '张三' }),
      gift(drive.id, 20_000, { donorName: '院外人士' }),
      gift(drive.id, 99_000, { donorName: '录错了' }, true),
      gift(cancelled.id, 7_000, { donorName: '院外人士' }),
    ]);
  const [programme] = await db()
    .insert(checkupProgrammes)
    .values({ orgId: o.org.id, name: '年度体检', year, referenceDate: `${year}-01-01`, status: 'published' })
    .returning();
  const [draft] = await db()
    .insert(checkupProgrammes)
    .values({ orgId: o.org.id, name: '草稿', year, referenceDate: `${year}-01-01` })
    .returning();
  const person = async (programmeId: string, attendance: 'attended' | 'pending' | 'absent') => {
    const m = await o.person(o.deptA.id);
    return {
      orgId: o.org.id,
      programmeId,
      memberId: m.id,
      name: m.name,
      gender: 'female' as const,
      age: 40,
      departmentId: o.deptA.id,
      departmentName: '心内科',
      employmentType: 'permanent',
      attendance,
    };
  };
  await db()
    .insert(checkupParticipants)
    .values([
      await person(programme.id, 'attended'),
      await person(programme.id, 'attended'),
      await person(programme.id, 'attended'),
      await person(programme.id, 'absent'),
      await person(draft.id, 'attended'),
    ]);
  const [plan] = await db()
    .insert(mutualAidPlans)
    .values({
      orgId: o.org.id,
      year,
      name: '住院医疗互助',
      premiumFen: 3_000,
      payer: 'union',
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    })
    .returning();
  await db()
    .insert(mutualAidEnrolments)
    .values(
      [o.inA.id, o.inB.id].map((memberId) => ({
        orgId: o.org.id,
        planId: plan.id,
        memberId,
        premiumFen: 3_000,
        enrolledOn: `${year}-01-05`,
      })),
    );
  const claim = (status: 'submitted' | 'paid', payoutFen: number | null) => ({
    orgId: o.org.id,
    planId: plan.id,
    memberId: o.inA.id,
    occurredOn: `${year}-06-01`,
    kind: 'hospitalisation' as const,
    claimedFen: 80_000,
    status,
    payoutFen,
  });
  await db()
    .insert(mutualAidClaims)
    .values([claim('paid', 60_000), claim('submitted', null)]);
}

async function hardshipFile(
  o: CareOrg,
  f: { level: 'general' | 'special' | 'deep'; on: string; closedOn?: string },
) {
  const m = await o.person(o.deptA.id);
  await db()
    .insert(hardshipFiles)
    .values({
      orgId: o.org.id,
      memberId: m.id,
      level: f.level,
      reasons: ['illness'],
      detailsEnc: Buffer.from('sealed'),
      registeredOn: f.on,
      nextReviewOn: `${YEAR + 1}-12-31`,
      status: f.closedOn ? 'closed' : 'active',
      closedOn: f.closedOn ?? null,
    });
}

describe('GET /care/stats', () => {
  it('401 anonymous, 403 without care:summary, 400 naming the year', async () => {
    const o = await careOrg(ctx);
    expect((await anonymous(ctx.app).get(`/api/care/stats?year=${YEAR}`)).statusCode).toBe(401);
    for (const c of [o.groupLeader, o.treasurer, o.member]) {
      expect((await c.get(`/api/care/stats?year=${YEAR}`)).statusCode).toBe(403);
    }
    for (const q of ['', '?year=abc', '?year=1999']) {
      const res = await o.viceChair.get(`/api/care/stats${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('year');
    }
  });

  it('counts the year’s records, never another union’s or another year’s', async () => {
    const o = await careOrg(ctx);
    await yearOfCare(o, YEAR);
    await yearOfCare(o, YEAR - 1);
    await yearOfCare(await careOrg(ctx), YEAR);
    await hardshipFile(o, { level: 'deep', on: `${YEAR}-02-01` });
    await hardshipFile(o, { level: 'general', on: `${YEAR - 2}-02-01` });
    await hardshipFile(o, { level: 'special', on: `${YEAR}-01-10`, closedOn: `${YEAR}-01-20` });
    await hardshipFile(o, { level: 'deep', on: `${YEAR - 2}-01-10`, closedOn: `${YEAR - 1}-06-01` });

    // The vice-chair (care:summary only) sees the totals.
    const s = ok(await o.viceChair.get(`/api/care/stats?year=${YEAR}`));
    const reason = (r: string) => s.visits.byReason.find((v: { reason: string }) => v.reason === r);
    expect(reason('birthday')).toMatchObject({ count: 2, amountFen: 40_000 });
    expect(reason('hospitalised')).toMatchObject({ count: 1, amountFen: 50_000 });
    expect(reason('holiday')).toMatchObject({ count: 1, amountFen: 0 });
    expect(reason('wedding')).toMatchObject({ count: 0, amountFen: 0 });
    expect(s.visits.total).toMatchObject({ count: 4, amountFen: 90_000 });
    expect(reason('birthday').href).toBe(
      `/care/visits?reason=birthday&from=${YEAR}-01-01&to=${YEAR}-12-31&status=done`,
    );

    expect(s.aid.byKind.map((k: { kind: string }) => k.kind)).toEqual(['illness', 'education']);
    const illness = s.aid.byKind[0];
    expect(illness.applied).toMatchObject({ count: 3, amountFen: 600_000 });
    expect(illness.approved).toMatchObject({ count: 1, amountFen: 150_000 });
    expect(illness.paid).toMatchObject({ count: 1, amountFen: 150_000 });
    expect(s.aid.total.approved).toMatchObject({ count: 2, amountFen: 190_000 });
    expect(s.aid.total.paid.href).toBe(`/care/aid?year=${YEAR}&state=paid`);

    // Removed donations and the cancelled drive are out; 张三 gave twice and counts once.
    expect(s.donations.drives.count).toBe(1);
    expect(s.donations.donors.count).toBe(2);
    expect(s.donations.raised).toMatchObject({ count: 3, amountFen: 35_000 });
    expect(s.donations.handedOver).toMatchObject({ count: 1, amountFen: 35_000 });

    // The draft programme's list is not counted: 3 of 4 attended.
    expect(s.checkups).toMatchObject({
      programmes: { count: 1 },
      eligible: { count: 4 },
      attended: { count: 3 },
      coverage: 75,
    });
    expect(s.mutualAid).toMatchObject({
      plans: { count: 1 },
      enrolled: { count: 2, amountFen: 6_000 },
      claims: { count: 2, amountFen: 160_000 },
      paid: { count: 1, amountFen: 60_000 },
    });

    expect(s.hardship.activeAtYearEnd.count).toBe(2);
    expect(s.hardship.activeAtYearEnd.byLevel).toMatchObject({
      deep: { count: 1 },
      general: { count: 1 },
      special: { count: 0 },
    });
    expect(s.hardship.registered.count).toBe(2);
    expect(s.hardship.registered.byLevel.special.count).toBe(1);

    // Last year: the file closed during last year is out at its end, the one opened two years ago in.
    const last = ok(await o.officer.get(`/api/care/stats?year=${YEAR - 1}`));
    expect(last.visits.total.count).toBe(4);
    expect(last.hardship.activeAtYearEnd.count).toBe(1);
    expect(last.hardship.registered.count).toBe(0);

    // A union with nothing recorded sees zeros and no coverage.
    const empty = ok(await (await careOrg(ctx)).officer.get(`/api/care/stats?year=${YEAR}`));
    expect(empty.visits.total.count).toBe(0);
    expect(empty.aid.byKind).toEqual([]);
    expect(empty.checkups.coverage).toBeNull();
    expect(empty.donations.raised).toMatchObject({ count: 0, amountFen: 0 });
  });

  it('each figure opens a list showing exactly its records: their number and their amount', async () => {
    const o = await careOrg(ctx);
    await yearOfCare(o, YEAR);
    await yearOfCare(o, YEAR - 1);
    await yearOfCare(await careOrg(ctx), YEAR);
    await hardshipFile(o, { level: 'deep', on: `${YEAR}-02-01` });
    await hardshipFile(o, { level: 'general', on: `${YEAR - 2}-02-01` });
    await hardshipFile(o, { level: 'special', on: `${YEAR}-01-10`, closedOn: `${YEAR}-01-20` });
    await hardshipFile(o, { level: 'deep', on: `${YEAR - 2}-01-10`, closedOn: `${YEAR - 1}-06-01` });
    await hardshipFile(o, { level: 'special', on: `${YEAR - 1}-03-01`, closedOn: NOW });

    type Row = Record<string, unknown> & { counts?: Record<string, number> };
    // The API each web list reads, with the href's own filters.
    const api = (href: string) =>
      `/api${href
        .replace('/care/donations?tab=donors&', '/care/donations/donors?')
        .replace('/care/donations?', '/care/donations/drives?')
        .replace('/care/mutual-aid?tab=claims&', '/care/mutual-aid/claims?')
        .replace('/care/mutual-aid?', '/care/mutual-aid/plans?')}`;
    const listed = async (href: string) => {
      const paged = !/^\/care\/(donations|mutual-aid)\?(?!tab=)/.test(href);
      const res = await o.officer.get(`${api(href)}${paged ? '&pageSize=200' : ''}`);
      expect(res.statusCode, `${href}: ${res.body}`).toBe(200);
      const body = res.json();
      if (paged) expect(body.data, href).toHaveLength(body.page.total);
      return body.data as Row[];
    };
    const sum = (rows: Row[], f: (r: Row) => unknown) => rows.reduce((a, r) => a + Number(f(r) ?? 0), 0);
    /** The list shows `count` rows (or rows whose `per` adds up to it) and their amounts add up. */
    const exact = async (
      name: string,
      figure: CareFigure,
      amount?: (r: Row) => unknown,
      per?: (r: Row) => number,
    ) => {
      const rows = await listed(figure.href);
      expect(per ? sum(rows, per) : rows.length, `${name} ${figure.href}`).toBe(figure.count);
      if (amount) expect(sum(rows, amount), `${name} amount`).toBe(figure.amountFen);
      else expect(figure.amountFen, name).toBeUndefined();
      return rows;
    };

    for (const year of [YEAR, YEAR - 1]) {
      const s: CareStats = ok(await o.officer.get(`/api/care/stats?year=${year}`));
      const cash = (r: Row) => r.cashFen;
      await exact('visits', s.visits.total, cash);
      for (const r of s.visits.byReason) await exact(`visits ${r.reason}`, r, cash);

      for (const k of [...s.aid.byKind, { kind: 'total', ...s.aid.total }]) {
        await exact(`aid ${k.kind} applied`, k.applied, (r) => r.amountAskedFen);
        await exact(`aid ${k.kind} approved`, k.approved, (r) => r.amountGrantedFen);
        await exact(`aid ${k.kind} paid`, k.paid, (r) => r.amountGrantedFen);
      }

      for (const f of [s.hardship.activeAtYearEnd, s.hardship.registered]) {
        await exact('hardship', f);
        for (const l of HARDSHIP_LEVELS) await exact(`hardship ${l}`, f.byLevel[l]);
      }

      const d = s.donations;
      await exact('drives', d.drives);
      await exact(
        'raised',
        d.raised,
        (r) => r.totalFen,
        (r) => Number(r.count),
      );
      await exact('handed over', d.handedOver, (r) => r.handoverFen);
      // 张三 gave twice to one drive: one donor, his gifts summed.
      const donors = await exact('donors', d.donors);
      expect(sum(donors, (r) => r.count)).toBe(d.raised.count);
      expect(sum(donors, (r) => r.totalFen)).toBe(d.raised.amountFen);

      const c = s.checkups;
      await exact('programmes', c.programmes);
      await exact('eligible', c.eligible, undefined, (r) => r.counts?.eligible ?? 0);
      await exact('attended', c.attended, undefined, (r) => r.counts?.attended ?? 0);

      const m = s.mutualAid;
      await exact('plans', m.plans);
      await exact(
        'enrolled',
        m.enrolled,
        (r) => r.premiumTotalFen,
        (r) => Number(r.enrolled),
      );
      await exact('claims', m.claims, (r) => r.claimedFen);
      await exact('paid claims', m.paid, (r) => r.payoutFen);
    }

    // The past year's register is the one of its 31 December, not today's.
    const last: CareStats = ok(await o.officer.get(`/api/care/stats?year=${YEAR - 1}`));
    expect(last.hardship.activeAtYearEnd).toMatchObject({
      count: 2,
      href: `/care/hardship?activeOn=${YEAR - 1}-12-31`,
    });
    expect(last.hardship.registered).toMatchObject({
      count: 1,
      href: `/care/hardship?registeredYear=${YEAR - 1}`,
    });
    const now: CareStats = ok(await o.officer.get(`/api/care/stats?year=${YEAR}`));
    expect(now.hardship.activeAtYearEnd.href).toBe(`/care/hardship?activeOn=${NOW}`);
    expect(now.aid.total.approved).toMatchObject({
      count: 2,
      href: `/care/aid?year=${YEAR}&state=approved,noticed,paid`,
    });
    expect(now.checkups.eligible.href).toBe(`/care/checkups?year=${YEAR}&status=published,closed`);
    expect(now.donations.raised.href).toBe(`/care/donations?year=${YEAR}&status=open,closed,handedOver`);
    expect(now.mutualAid.paid.href).toBe(`/care/mutual-aid?tab=claims&year=${YEAR}&status=paid`);
  });
});

describe('GET /care/members/:id/history', () => {
  it('401, 403, 404 for another union’s member, 400 for a bad id', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const url = `/api/care/members/${o.inA.id}/history`;
    expect((await anonymous(ctx.app).get(url)).statusCode).toBe(401);
    for (const c of [o.groupLeader, o.treasurer, o.member]) expect((await c.get(url)).statusCode).toBe(403);
    const foreign = await o.officer.get(`/api/care/members/${other.inA.id}/history`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('MEMBER_NOT_FOUND');
    const bad = await o.officer.get('/api/care/members/nope/history');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('id');
  });

  it('care:read sees cash and aid and the look is audited; care:summary sees visits without amounts', async () => {
    const o = await careOrg(ctx);
    const made = await visit(o.officer, o.inA.id);
    await addVisits(o, [{ reason: 'birthday', date: `${YEAR}-01-02`, cash: 20_000, cancelled: true }]);
    await visit(o.officer, o.inB.id);
    await addAid(o, [{ kind: 'illness', state: 'paid', asked: 200_000, granted: 150_000 }]);

    const full = ok(await o.officer.get(`/api/care/members/${o.inA.id}/history`));
    expect(full.visits).toHaveLength(1);
    expect(full.visits[0]).toMatchObject({ id: made.id, reason: 'hospitalised', cashFen: 50_000 });
    expect(full.aid).toHaveLength(1);
    expect(full.aid[0]).toMatchObject({ kind: 'illness', state: 'paid', amountGrantedFen: 150_000 });
    const audited = () =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, o.org.id), eq(auditLog.action, 'care.memberHistory.view')));
    expect(await audited()).toHaveLength(1);
    expect((await audited())[0].objectId).toBe(o.inA.id);

    const summary = ok(await o.viceChair.get(`/api/care/members/${o.inA.id}/history`));
    expect(summary.visits).toHaveLength(1);
    expect(summary.visits[0].cashFen).toBeNull();
    expect(summary.aid).toBeNull();
    expect(await audited()).toHaveLength(1);
  });
});

describe('GET /care/home', () => {
  it('401, 403 without care:summary', async () => {
    const o = await careOrg(ctx);
    expect((await anonymous(ctx.app).get('/api/care/home')).statusCode).toBe(401);
    for (const c of [o.groupLeader, o.treasurer, o.member]) {
      expect((await c.get('/api/care/home')).statusCode).toBe(403);
    }
  });

  it('worklists: unvisited birthdays, open and overdue events, reviews due, aid waiting for my step', async () => {
    const o = await careOrg(ctx);
    const month = NOW.slice(5, 7);
    const born = await o.person(o.deptA.id, { name: '寿星', ...bornOn(`1980-${month}-05`) });
    const visited = await o.person(o.deptA.id, { name: '已慰问', ...bornOn(`1981-${month}-06`) });
    await addVisits({ ...o, inA: visited }, [{ reason: 'birthday', date: NOW, cash: 20_000 }]);
    await db()
      .insert(careEvents)
      .values([
        { orgId: o.org.id, memberId: o.inA.id, kind: 'hospitalised', eventDate: '2020-01-01' },
        { orgId: o.org.id, memberId: o.inB.id, kind: 'wedding', eventDate: NOW },
        { orgId: o.org.id, memberId: o.inB.id, kind: 'childbirth', eventDate: NOW, status: 'dismissed' },
      ]);
    await hardshipFile(o, { level: 'deep', on: `${YEAR - 1}-01-01` });
    await db().update(hardshipFiles).set({ nextReviewOn: NOW }).where(eq(hardshipFiles.orgId, o.org.id));
    const [forChair, forOfficer] = await addAid(o, [
      { kind: 'illness', state: 'reviewed', asked: 100_000, granted: 100_000, approvalLevel: 'chair' },
      { kind: 'illness', state: 'approved', asked: 100_000, granted: 100_000, approvalLevel: 'chair' },
      { kind: 'illness', state: 'paid', asked: 100_000, granted: 100_000, approvalLevel: 'chair' },
    ]);

    const h = ok(await o.officer.get('/api/care/home'));
    expect(h.today).toBe(NOW);
    expect(h.birthdays).toMatchObject({ month: NOW.slice(0, 7), total: 2, count: 1 });
    expect(h.birthdays.rows.map((r: { memberId: string }) => r.memberId)).toEqual([born.id]);
    expect(h.events).toMatchObject({ count: 2, overdue: 1 });
    expect(h.events.rows[0]).toMatchObject({ memberId: o.inA.id, overdue: true });
    expect(h.hardshipReviews.count).toBe(1);
    expect(h.hardshipReviews.rows).toHaveLength(1);
    expect(h.aidWaiting.rows.map((r: { id: string }) => r.id)).toEqual([forOfficer.id]);

    const chair = ok(await o.chair.get('/api/care/home'));
    expect(chair.aidWaiting.rows.map((r: { id: string }) => r.id).sort()).toEqual(
      [forChair.id, forOfficer.id].sort(),
    );
    // The vice-chair sees counts, not who is on the hardship file, and has no step to take.
    const vice = ok(await o.viceChair.get('/api/care/home'));
    expect(vice.hardshipReviews).toEqual({ count: 1, rows: null });
    expect(vice.aidWaiting.count).toBe(0);

    // Another union sees none of it.
    const other = ok(await (await careOrg(ctx)).officer.get('/api/care/home'));
    expect(other.events.count).toBe(0);
    expect(other.aidWaiting.count).toBe(0);
    expect(other.hardshipReviews.count).toBe(0);
  });

  it('reminds of 春节 and 中秋 within 30 days, counting who is still to visit', async () => {
    expect(festivalDue('2027-01-07')).toEqual({ festival: '2027春节', date: '2027-02-06', daysLeft: 30 });
    expect(festivalDue('2027-01-06')).toBeNull();
    expect(festivalDue('2027-02-06')).toMatchObject({ festival: '2027春节', daysLeft: 0 });
    expect(festivalDue('2027-02-07')).toBeNull();
    expect(festivalDue('2026-09-01')).toMatchObject({
      festival: '2026中秋',
      date: '2026-09-25',
      daysLeft: 24,
    });
    // Late December looks into next year's table.
    expect(festivalDue('2027-12-31')).toMatchObject({ festival: '2028春节', daysLeft: 26 });
    expect(festivalDue('2031-01-20')).toBeNull();

    const o = await careOrg(ctx);
    const due = festivalDue(NOW);
    const h = ok(await o.officer.get('/api/care/home'));
    if (due) expect(h.festival).toMatchObject({ ...due, pending: 0 });
    else expect(h.festival).toBeNull();
  });

  it('the reminder counts retirees and hardship households not yet visited for the festival due', async () => {
    const o = await careOrg(ctx);
    const retiree = await o.person(o.deptA.id, { name: '老李', employmentType: 'retired' });
    await o.person(o.deptA.id, { name: '老王', employmentType: 'retired' });
    await hardshipFile(o, { level: 'deep', on: `${YEAR - 1}-01-01` });
    const rule = await ruleId(o.org.id, 'visit');
    await db().insert(visits).values({
      orgId: o.org.id,
      memberId: retiree.id,
      reason: 'holiday',
      visitDate: '2027-01-20',
      visitors: '王主席',
      ruleId: rule,
      standardFen: 0,
      festival: '2027春节',
    });
    const auth = await authOf(ctx, o.org.id, ['officer']);
    expect(await careStatsService.festivalReminder(ctx.deps, auth, '2027-01-10')).toEqual({
      festival: '2027春节',
      date: '2027-02-06',
      daysLeft: 27,
      pending: 2,
    });
    expect(await careStatsService.festivalReminder(ctx.deps, auth, '2027-03-01')).toBeNull();
  });
});
