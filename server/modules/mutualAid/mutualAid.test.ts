import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimAction, ClaimStatus } from '../../../common/schemas/mutualAid.js';
import { auditLog, ledgerEntries, mutualAidClaims, mutualAidEnrolments } from '../../db/schema/index.js';
import {
  anonymous,
  type Client,
  createDepartment,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { approvedRequest, fundsOrg, ok, thisYear } from '../funds/testkit.js';
import { daysFromToday } from '../hardship/testkit.js';
import { createMember, multipart } from '../members/testkit.js';
import { claimTransition } from './mutualAid.state.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const year = thisYear();
const planBody = (extra: Record<string, unknown> = {}) => ({
  year,
  name: `在职职工住院医疗互助保障${Math.random().toString(36).slice(2, 7)}`,
  premiumFen: 5_000,
  payer: 'union',
  periodStart: `${year}-01-01`,
  periodEnd: `${year}-12-31`,
  ...extra,
});

async function org() {
  const o = await fundsOrg(ctx);
  const dept = await createDepartment(ctx.deps, o.org.id);
  const dept2 = await createDepartment(ctx.deps, o.org.id);
  const addMember = (departmentId = dept.id, extra: Record<string, unknown> = {}) =>
    createMember(o.officer, departmentId, { joinedAt: '2015-03-01', ...extra });
  return {
    ...o,
    dept,
    dept2,
    addMember,
    committee: await loginAs(ctx, o.org.id, ['committeeMember']),
    groupLeader: await loginAs(ctx, o.org.id, ['groupLeader'], { departmentIds: [dept.id] }),
  };
}
type Org = Awaited<ReturnType<typeof org>>;

async function plan(o: Org, extra: Record<string, unknown> = {}) {
  return ok(await o.officer.post('/api/care/mutual-aid/plans', planBody(extra)), 201);
}

const ledgerOf = (orgId: string) =>
  ctx.deps.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.sourceModule, 'mutualAid')));

describe('claim steps', () => {
  const cases: [ClaimStatus, ClaimAction, ClaimStatus | 409][] = [
    ['submitted', 'approve', 'approved'],
    ['submitted', 'refuse', 'refused'],
    ['submitted', 'pay', 409],
    ['approved', 'approve', 409],
    ['approved', 'refuse', 409],
    ['approved', 'pay', 'paid'],
    ['refused', 'approve', 409],
    ['refused', 'refuse', 409],
    ['refused', 'pay', 409],
    ['paid', 'approve', 409],
    ['paid', 'refuse', 409],
    ['paid', 'pay', 409],
  ];
  it.each(cases)('%s + %s → %s', (from, action, to) => {
    if (to === 409) {
      expect(() => claimTransition(from, action)).toThrow(
        expect.objectContaining({ status: 409, code: 'INVALID_TRANSITION' }),
      );
    } else {
      expect(claimTransition(from, action)).toBe(to);
    }
  });
});

describe('mutual aid: access', () => {
  it('401 signed out, 403 for a group leader, the committee sees plan totals only; 404 across unions', async () => {
    const o = await org();
    const p = await plan(o);
    const anon = anonymous(ctx.app);
    const gets = [
      '/api/care/mutual-aid/plans',
      `/api/care/mutual-aid/plans/${p.id}`,
      `/api/care/mutual-aid/plans/${p.id}/enrolments`,
      '/api/care/mutual-aid/claims',
      `/api/care/mutual-aid/claims/${p.id}`,
    ];
    for (const url of gets) {
      expect((await anon.get(url)).statusCode, url).toBe(401);
      expect((await o.groupLeader.get(url)).statusCode, url).toBe(403);
    }
    const posts = [
      '/api/care/mutual-aid/plans',
      `/api/care/mutual-aid/plans/${p.id}/enrolments`,
      `/api/care/mutual-aid/plans/${p.id}/pay-premiums`,
      '/api/care/mutual-aid/claims',
      `/api/care/mutual-aid/claims/${p.id}/approve`,
      `/api/care/mutual-aid/claims/${p.id}/refuse`,
      `/api/care/mutual-aid/claims/${p.id}/pay`,
    ];
    for (const url of posts) {
      expect((await anon.post(url, {})).statusCode, url).toBe(401);
      expect((await o.groupLeader.post(url, {})).statusCode, url).toBe(403);
      expect((await o.committee.post(url, {})).statusCode, url).toBe(403);
    }
    const del = `/api/care/mutual-aid/plans/${p.id}/enrolments/${p.id}`;
    expect((await anon.delete(del)).statusCode).toBe(401);
    expect((await o.groupLeader.delete(del)).statusCode).toBe(403);
    expect((await o.officer.delete(del)).statusCode).toBe(404);
    const doc = `/api/care/mutual-aid/claims/${p.id}/documents`;
    const file = multipart(Buffer.from('%PDF-1.4\n'), 'a.pdf');
    expect((await anon.request({ method: 'POST', url: doc, ...file })).statusCode).toBe(401);
    expect((await o.groupLeader.request({ method: 'POST', url: doc, ...file })).statusCode).toBe(403);
    expect((await o.officer.request({ method: 'POST', url: doc, ...file })).statusCode).toBe(404);
    expect((await o.groupLeader.get(`${doc}/${p.id}`)).statusCode).toBe(403);
    expect((await o.officer.get(`${doc}/${p.id}`)).statusCode).toBe(404);
    const badQuery = await o.officer.get('/api/care/mutual-aid/claims?status=lost&planId=x');
    expect(
      badQuery
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['planId', 'status']);
    expect((await o.officer.get('/api/care/mutual-aid/plans?year=abc')).statusCode).toBe(400);
    expect((await o.committee.get('/api/care/mutual-aid/plans')).statusCode).toBe(200);
    expect((await o.committee.get(`/api/care/mutual-aid/plans/${p.id}/enrolments`)).statusCode).toBe(403);
    expect((await o.committee.get('/api/care/mutual-aid/claims')).statusCode).toBe(403);
    // The treasurer pays through funds, not here.
    expect((await o.treasurer.post(`/api/care/mutual-aid/plans/${p.id}/pay-premiums`, {})).statusCode).toBe(
      403,
    );

    const other = await org();
    expect((await other.officer.get(`/api/care/mutual-aid/plans/${p.id}`)).statusCode).toBe(404);
    expect((await other.officer.get(`/api/care/mutual-aid/plans/${p.id}/enrolments`)).statusCode).toBe(404);
    const enrol = { scope: 'all', enrolledOn: daysFromToday(0) };
    expect(
      (await other.officer.post(`/api/care/mutual-aid/plans/${p.id}/enrolments`, enrol)).statusCode,
    ).toBe(404);
    expect(
      (
        await other.officer.post(`/api/care/mutual-aid/plans/${p.id}/pay-premiums`, {
          paidOn: daysFromToday(0),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await other.officer.get(`/api/care/mutual-aid/plans?year=${year}`))
        .json()
        .data.map((x: { id: string }) => x.id),
    ).not.toContain(p.id);
  });
});

describe('mutual aid: plans and enrolments', () => {
  it('400 names the fields; 409 for the same name in the same year', async () => {
    const o = await org();
    const bad = await o.officer.post(
      '/api/care/mutual-aid/plans',
      planBody({ premiumFen: 0, payer: 'company', periodEnd: `${year - 1}-12-31`, name: '' }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['premiumFen', 'payer', 'name']));
    const noDept = await o.officer.post(
      '/api/care/mutual-aid/plans',
      planBody({ periodEnd: `${year - 1}-12-31` }),
    );
    expect(noDept.json().error.details[0].path).toBe('periodEnd');
    const p = await plan(o, { name: '在职职工住院医疗互助保障' });
    expect(p).toMatchObject({ enrolled: 0, premiumTotalFen: 0 });
    const dup = await o.officer.post(
      '/api/care/mutual-aid/plans',
      planBody({ name: '在职职工住院医疗互助保障' }),
    );
    expect(dup.statusCode).toBe(409);
  });

  it('enrols everyone in good standing, a department, or chosen members; skips those already in', async () => {
    const o = await org();
    const [a, b, c] = [await o.addMember(), await o.addMember(), await o.addMember(o.dept2.id)];
    const applicant = await o.addMember(o.dept.id, { joinedAt: undefined }); // not a member yet
    const p = await plan(o);
    const url = `/api/care/mutual-aid/plans/${p.id}/enrolments`;
    const bad = await o.officer.post(url, { scope: 'department', enrolledOn: '2025-13-01' });
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['departmentId', 'enrolledOn']);
    expect(
      ok(
        await o.officer.post(url, {
          scope: 'department',
          departmentId: o.dept.id,
          enrolledOn: daysFromToday(0),
        }),
      ),
    ).toEqual({ added: 2 });
    expect(ok(await o.officer.post(url, { scope: 'all', enrolledOn: daysFromToday(0) }))).toEqual({
      added: 1,
    });
    const other = await org();
    const stranger = await other.addMember();
    const wrong = await o.officer.post(url, {
      scope: 'members',
      memberIds: [applicant.id, stranger.id],
      enrolledOn: daysFromToday(0),
    });
    expect(wrong.json().error.details[0].path).toBe('memberIds');
    expect(
      ok(
        await o.officer.post(url, {
          scope: 'members',
          memberIds: [applicant.id, a.id],
          enrolledOn: daysFromToday(0),
        }),
      ),
    ).toEqual({ added: 1 });
    const list = await o.officer.get(`${url}?pageSize=50`);
    expect(list.json().page.total).toBe(4);
    expect(new Set(list.json().data.map((e: { memberId: string }) => e.memberId))).toEqual(
      new Set([a.id, b.id, c.id, applicant.id]),
    );
    const detail = ok(await o.committee.get(`/api/care/mutual-aid/plans/${p.id}`));
    expect(detail).toMatchObject({ enrolled: 4, premiumTotalFen: 20_000, premiumPaidFen: 0 });
  });
});

describe('mutual aid: premiums paid by the union', () => {
  it('posts exactly one ledger entry for all unpaid premiums, in the same transaction', async () => {
    const o = await org();
    await o.addMember();
    await o.addMember();
    await o.addMember();
    const p = await plan(o, { premiumFen: 6_000 });
    const url = `/api/care/mutual-aid/plans/${p.id}`;
    const none = await o.officer.post(`${url}/pay-premiums`, { paidOn: daysFromToday(0) });
    expect(none.statusCode).toBe(409);
    ok(await o.officer.post(`${url}/enrolments`, { scope: 'all', enrolledOn: daysFromToday(0) }));
    const bad = await o.officer.post(`${url}/pay-premiums`, { paidOn: 'yesterday' });
    expect(bad.json().error.details[0].path).toBe('paidOn');

    const paid = ok(
      await o.officer.post(`${url}/pay-premiums`, { paidOn: daysFromToday(0), voucherNo: '记-12' }),
    );
    expect(paid).toMatchObject({ people: 3, amountFen: 18_000 });
    const entries = await ledgerOf(o.org.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      kind: 'expense',
      amountFen: 18_000,
      sourceId: p.id,
      approvedBy: 'rule',
      id: paid.entryId,
    });
    const cat = await o.category('50209');
    expect(entries[0]?.categoryId).toBe(cat.id);
    const enrolments = await ctx.deps.db
      .select()
      .from(mutualAidEnrolments)
      .where(eq(mutualAidEnrolments.planId, p.id));
    expect(enrolments.every((e) => e.premiumEntryId === paid.entryId)).toBe(true);

    // Paying again finds nothing; a late enrolment is paid on its own.
    expect((await o.officer.post(`${url}/pay-premiums`, { paidOn: daysFromToday(0) })).statusCode).toBe(409);
    await o.addMember();
    ok(await o.officer.post(`${url}/enrolments`, { scope: 'all', enrolledOn: daysFromToday(0) }));
    ok(await o.officer.post(`${url}/pay-premiums`, { paidOn: daysFromToday(0) }));
    expect((await ledgerOf(o.org.id)).map((e) => e.amountFen).sort()).toEqual([18_000, 6_000].sort());
    expect(ok(await o.chair.get(url))).toMatchObject({ enrolled: 4, premiumPaidFen: 24_000 });

    // A paid enrolment stays.
    const [first] = enrolments;
    expect((await o.officer.delete(`${url}/enrolments/${first?.id}`)).statusCode).toBe(409);
  });

  it('above the direct limit needs an approved 经费申请; a refusal leaves nothing behind', async () => {
    const o = await org();
    await o.addMember();
    await o.addMember();
    const p = await plan(o, { premiumFen: 150_000 });
    const url = `/api/care/mutual-aid/plans/${p.id}`;
    ok(await o.officer.post(`${url}/enrolments`, { scope: 'all', enrolledOn: daysFromToday(0) }));
    const over = await o.officer.post(`${url}/pay-premiums`, { paidOn: daysFromToday(0) });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('APPROVAL_REQUIRED');
    expect(await ledgerOf(o.org.id)).toHaveLength(0);
    const unpaid = await ctx.deps.db
      .select()
      .from(mutualAidEnrolments)
      .where(eq(mutualAidEnrolments.planId, p.id));
    expect(unpaid.every((e) => e.premiumEntryId === null)).toBe(true);

    const cat = await o.category('50209');
    const request = await approvedRequest(o, cat.id, 300_000);
    ok(
      await o.officer.post(`${url}/pay-premiums`, { paidOn: daysFromToday(0), expenseRequestId: request.id }),
    );
    const entries = await ledgerOf(o.org.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      amountFen: 300_000,
      approvedBy: 'request',
      expenseRequestId: request.id,
    });
    expect(ok(await o.chair.get(`/api/funds/requests/${request.id}`)).status).toBe('paid');
  });

  it('a plan the members pay for themselves has no premium payment', async () => {
    const o = await org();
    await o.addMember();
    const p = await plan(o, { payer: 'member' });
    ok(
      await o.officer.post(`/api/care/mutual-aid/plans/${p.id}/enrolments`, {
        scope: 'all',
        enrolledOn: daysFromToday(0),
      }),
    );
    const res = await o.officer.post(`/api/care/mutual-aid/plans/${p.id}/pay-premiums`, {
      paidOn: daysFromToday(0),
    });
    expect(res.statusCode).toBe(409);
    expect(await ledgerOf(o.org.id)).toHaveLength(0);
  });
});

describe('mutual aid: claims', () => {
  async function enrolled() {
    const o = await org();
    const m = await o.addMember();
    const p = await plan(o, { payer: 'member' });
    ok(
      await o.officer.post(`/api/care/mutual-aid/plans/${p.id}/enrolments`, {
        scope: 'all',
        enrolledOn: daysFromToday(0),
      }),
    );
    return { o, m, p };
  }
  const claim = (c: Client, planId: string, memberId: string, extra: Record<string, unknown> = {}) =>
    c.post('/api/care/mutual-aid/claims', {
      planId,
      memberId,
      occurredOn: daysFromToday(0),
      kind: 'hospitalisation',
      claimedFen: 300_000,
      note: '肾移植术后住院',
      ...extra,
    });

  it('registers a claim for an enrolled member; note sealed; every look audited', async () => {
    const { o, m, p } = await enrolled();
    const stranger = await o.addMember(o.dept2.id, { joinedAt: undefined });
    const notIn = await claim(o.officer, p.id, stranger.id);
    expect(notIn.statusCode).toBe(400);
    expect(notIn.json().error.details[0].path).toBe('memberId');
    const outside = await claim(o.officer, p.id, m.id, { occurredOn: `${year - 1}-06-01` });
    expect(outside.json().error.details[0].path).toBe('occurredOn');
    const bad = await claim(o.officer, p.id, m.id, { kind: 'cosmetic', claimedFen: 0 });
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['claimedFen', 'kind']);

    const c = ok(await claim(o.officer, p.id, m.id), 201);
    expect(c).toMatchObject({
      status: 'submitted',
      note: '肾移植术后住院',
      claimedFen: 300_000,
      memberName: m.name,
    });
    const [raw] = await ctx.deps.db.select().from(mutualAidClaims).where(eq(mutualAidClaims.id, c.id));
    expect(raw?.noteEnc?.toString('utf8')).not.toContain('肾移植');
    ok(await o.chair.get(`/api/care/mutual-aid/claims/${c.id}`));
    ok(await o.officer.get(`/api/care/mutual-aid/claims/${c.id}`));
    const looks = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.id), eq(auditLog.action, 'care.mutualAid.claim.view')));
    expect(looks).toHaveLength(2);
    const other = await org();
    expect((await other.officer.get(`/api/care/mutual-aid/claims/${c.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.officer.post(`/api/care/mutual-aid/claims/${c.id}/approve`, {
          approvedFen: 1,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    const list = await o.officer.get(`/api/care/mutual-aid/claims?planId=${p.id}&status=submitted`);
    expect(list.json().data.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it('lists the claims under a year’s plans, with their status; 400 naming 计划年度', async () => {
    const o = await org();
    const m = await o.addMember();
    const now = await plan(o);
    const last = await plan(o, {
      year: year - 1,
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year - 1}-12-31`,
    });
    // Written directly: only which plan's year a claim falls under matters here.
    const put = async (planId: string, status: ClaimStatus, on: string) => {
      const [row] = await ctx.deps.db
        .insert(mutualAidClaims)
        .values({
          orgId: o.org.id,
          planId,
          memberId: m.id,
          occurredOn: on,
          kind: 'hospitalisation',
          claimedFen: 100_000,
          status,
          payoutFen: status === 'paid' ? 80_000 : null,
        })
        .returning();
      return row.id;
    };
    const submitted = await put(now.id, 'submitted', `${year}-03-01`);
    const paid = await put(now.id, 'paid', `${year}-02-01`);
    const lastYears = await put(last.id, 'paid', `${year - 1}-11-01`);
    const ids = async (query: string) => {
      const res = (await o.officer.get(`/api/care/mutual-aid/claims?${query}`)).json();
      expect(res.page.total).toBe(res.data.length);
      return res.data.map((x: { id: string }) => x.id).sort();
    };
    expect(await ids(`year=${year}`)).toEqual([submitted, paid].sort());
    expect(await ids(`year=${year}&status=paid`)).toEqual([paid]);
    expect(await ids(`year=${year - 1}`)).toEqual([lastYears]);
    expect(await ids(`year=${year - 2}`)).toEqual([]);
    // Both filters apply: last year's plan is not among this year's.
    expect(await ids(`year=${year}&planId=${last.id}`)).toEqual([]);
    const other = await org();
    expect((await other.officer.get(`/api/care/mutual-aid/claims?year=${year}`)).json().page.total).toBe(0);
    for (const bad of ['abc', '1999', '2026.5']) {
      const res = await o.officer.get(`/api/care/mutual-aid/claims?year=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details[0].path).toBe('year');
      expect(res.json().error.details[0].message).toContain('计划年度');
    }
  });

  it('approve → pay records the payout, no ledger entry; wrong steps and stale versions are 409', async () => {
    const { o, m, p } = await enrolled();
    const c = ok(await claim(o.officer, p.id, m.id), 201);
    const base = `/api/care/mutual-aid/claims/${c.id}`;
    const early = await o.officer.post(`${base}/pay`, {
      payoutFen: 1,
      paidOn: daysFromToday(0),
      version: c.version,
    });
    expect(early.statusCode).toBe(409);
    const tooMuch = await o.officer.post(`${base}/approve`, { approvedFen: 300_001, version: c.version });
    expect(tooMuch.json().error.details[0].path).toBe('approvedFen');
    const approved = ok(
      await o.officer.post(`${base}/approve`, { approvedFen: 250_000, version: c.version }),
    );
    expect(approved).toMatchObject({ status: 'approved', approvedFen: 250_000 });
    expect(
      (await o.officer.post(`${base}/refuse`, { reason: '不符合', version: approved.version })).statusCode,
    ).toBe(409);
    const stale = await o.officer.post(`${base}/pay`, {
      payoutFen: 250_000,
      paidOn: daysFromToday(0),
      version: c.version,
    });
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const over = await o.officer.post(`${base}/pay`, {
      payoutFen: 250_001,
      paidOn: daysFromToday(0),
      version: approved.version,
    });
    expect(over.json().error.details[0].path).toBe('payoutFen');
    const paid = ok(
      await o.officer.post(`${base}/pay`, {
        payoutFen: 250_000,
        paidOn: daysFromToday(0),
        payoutRef: '市总工会 2025-031',
        version: approved.version,
      }),
    );
    expect(paid).toMatchObject({ status: 'paid', payoutFen: 250_000, payoutRef: '市总工会 2025-031' });
    expect(await ledgerOf(o.org.id)).toHaveLength(0);
    expect(ok(await o.committee.get(`/api/care/mutual-aid/plans/${p.id}`))).toMatchObject({
      claims: 1,
      payoutTotalFen: 250_000,
    });
    // An enrolment with a claim cannot be withdrawn.
    const [e] = (await o.officer.get(`/api/care/mutual-aid/plans/${p.id}/enrolments`)).json().data;
    expect((await o.officer.delete(`/api/care/mutual-aid/plans/${p.id}/enrolments/${e.id}`)).statusCode).toBe(
      409,
    );
  });

  it('refusal needs a reason; documents are sealed and their downloads audited', async () => {
    const { o, m, p } = await enrolled();
    const c = ok(await claim(o.officer, p.id, m.id, { kind: 'accident' }), 201);
    const base = `/api/care/mutual-aid/claims/${c.id}`;
    const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n出院小结\n'), Buffer.alloc(64, 32)]);
    const { payload, headers } = multipart(PDF, '出院小结.pdf');
    const up = await o.officer.request({ method: 'POST', url: `${base}/documents`, payload, headers });
    expect(up.statusCode).toBe(201);
    const doc = up.json().data;
    const got = await o.chair.get(`${base}/documents/${doc.id}`);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    const looks = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.id), eq(auditLog.action, 'care.mutualAid.claim.document.view')));
    expect(looks).toHaveLength(1);
    const { rows } = await ctx.pool.query(
      'select content_enc from mutual_aid_claim_documents where id = $1',
      [doc.id],
    );
    expect(rows[0].content_enc.includes(Buffer.from('%PDF'))).toBe(false);

    const noReason = await o.officer.post(`${base}/refuse`, { reason: ' ', version: c.version });
    expect(noReason.json().error.details[0].path).toBe('reason');
    const refused = ok(
      await o.officer.post(`${base}/refuse`, { reason: '不在保障范围', version: c.version }),
    );
    expect(refused).toMatchObject({ status: 'refused', refuseReason: '不在保障范围' });
    expect(refused.documents).toHaveLength(1);
    const late = multipart(PDF, 'x.pdf');
    expect((await o.officer.request({ method: 'POST', url: `${base}/documents`, ...late })).statusCode).toBe(
      409,
    );
  });
});
