import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, fundPeriods, ledgerEntries } from '../../db/schema/index.js';
import { anonymous, setupTestApp, type TestContext } from '../../test/helpers.js';
import { careOrg, entriesOf, ok, paths, visit, visitBody } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const PDF = Buffer.from('%PDF-1.4 test');

function photoUpload(content: Buffer, name = 'photo.png') {
  const boundary = '----visitphoto';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('recording a visit', () => {
  it('401, 403, 404 for another union’s member, 400 naming the field', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    expect((await anonymous(ctx.app).post('/api/care/visits', visitBody(o.inA.id))).statusCode).toBe(401);
    for (const c of [o.groupLeader, o.viceChair, o.treasurer, o.member]) {
      expect((await c.post('/api/care/visits', visitBody(o.inA.id))).statusCode).toBe(403);
    }
    const foreign = await o.officer.post('/api/care/visits', visitBody(other.inA.id));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('MEMBER_NOT_FOUND');
    const bad = await o.officer.post('/api/care/visits', {
      ...visitBody(o.inA.id),
      reason: 'party',
      visitors: '',
      cashFen: 1.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad).sort()).toEqual(['cashFen', 'reason', 'visitors']);
    const over = await o.officer.post('/api/care/visits', visitBody(o.inA.id, { cashFen: 50_001 }));
    expect(over.statusCode).toBe(400);
    expect(paths(over)).toEqual(['cashFen']);
    expect(over.json().error.message).toContain('500.00元');
  });

  it('pays the standard by default, posts exactly one ledger entry to the rule’s category and audits', async () => {
    const o = await careOrg(ctx);
    const v = await visit(o.officer, o.inA.id);
    expect(v).toMatchObject({ cashFen: 50_000, standardFen: 50_000, gift: '慰问品', reasonLabel: '住院' });
    expect(v.ledgerEntryId).toBeTruthy();
    const entries = await entriesOf(ctx, o.org.id, v.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: v.ledgerEntryId,
      amountFen: 50_000,
      kind: 'expense',
      counterparty: '张三',
      entryDate: '2026-03-10',
      approvedBy: 'rule',
    });
    const audit = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.objectId, v.id));
    expect(audit.map((a) => a.action)).toEqual(['care.visit.create']);

    const less = await visit(o.officer, o.inB.id, { cashFen: 20_000, gift: '鲜花' });
    expect(less).toMatchObject({ cashFen: 20_000, gift: '鲜花' });
    const none = await visit(o.officer, o.inB.id, { reason: 'illness', cashFen: 0 });
    expect(none.ledgerEntryId).toBeNull();
    expect(await entriesOf(ctx, o.org.id, none.id)).toHaveLength(0);
  });

  it('enforces the yearly cap: the refused visit posts nothing; a racing pair gives one success', async () => {
    const o = await careOrg(ctx);
    // 住院: 500元 standard, 1,000元 a year.
    await visit(o.officer, o.inA.id, { visitDate: '2026-02-01' });
    const [a, b] = await Promise.all([
      o.officer.post('/api/care/visits', visitBody(o.inA.id, { visitDate: '2026-04-01' })),
      o.officer.post('/api/care/visits', visitBody(o.inA.id, { visitDate: '2026-05-01' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const refused = [a, b].find((r) => r.statusCode === 409)!;
    expect(refused.json().error.code).toBe('CAP_EXCEEDED');
    const third = await o.officer.post('/api/care/visits', visitBody(o.inA.id, { visitDate: '2026-06-01' }));
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toContain('最多还可发放0.00元');
    const all = await ctx.deps.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, o.org.id), eq(ledgerEntries.sourceModule, 'visit')));
    expect(all).toHaveLength(2);
    // A new year starts a new cap.
    await visit(o.officer, o.inA.id, { visitDate: '2027-01-05' });
  });

  it('refuses with 409 and posts nothing when the visit date’s month is closed', async () => {
    const o = await careOrg(ctx);
    await ctx.deps.db.insert(fundPeriods).values({ orgId: o.org.id, period: '2026-01' });
    const res = await o.officer.post('/api/care/visits', visitBody(o.inA.id, { visitDate: '2026-01-20' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERIOD_CLOSED');
    const list = ok(await o.officer.get(`/api/care/visits?memberId=${o.inA.id}`));
    expect(list).toHaveLength(0);
  });

  it('uses the rule in force on the visit date; a later version leaves past visits as they were', async () => {
    const o = await careOrg(ctx);
    const rule = {
      subject: 'visit',
      code: 'hospitalised',
      standardFen: 80_000,
      yearlyCapFen: 160_000,
      yearlyTimes: null,
      approver: 'officer',
      committeeAboveFen: null,
      categoryCode: '50203',
      effectiveFrom: '2026-06-01',
    };
    const june = ok(await o.officer.post('/api/care/rules', rule), 201);
    const before = await visit(o.officer, o.inA.id, { visitDate: '2026-05-31' });
    const after = await visit(o.officer, o.inB.id, { visitDate: '2026-06-01' });
    expect(before.cashFen).toBe(50_000);
    expect(after).toMatchObject({ cashFen: 80_000, ruleId: june.id });
    expect(before.ruleId).not.toBe(june.id);
    ok(
      await o.officer.post('/api/care/rules', { ...rule, standardFen: 30_000, effectiveFrom: '2026-06-15' }),
      201,
    );
    const again = ok(await o.officer.get(`/api/care/visits/${after.id}`));
    expect(again).toMatchObject({ cashFen: 80_000, standardFen: 80_000, ruleId: june.id });
    const late = await o.officer.post(
      '/api/care/visits',
      visitBody(o.inB.id, { visitDate: '2026-06-20', cashFen: 40_000 }),
    );
    expect(late.statusCode).toBe(400);
  });
});

describe('cancelling a visit', () => {
  it('401, 403, 404, 400, 409 (twice, stale version); reverses its cash once', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const v = await visit(o.officer, o.inA.id);
    const url = `/api/care/visits/${v.id}/cancel`;
    const body = { reason: '登记错误', version: v.version };
    expect((await anonymous(ctx.app).post(url, body)).statusCode).toBe(401);
    expect((await o.groupLeader.post(url, body)).statusCode).toBe(403);
    expect((await other.officer.post(url, body)).statusCode).toBe(404);
    const bad = await o.officer.post(url, { reason: '', version: v.version });
    expect(paths(bad)).toEqual(['reason']);
    expect((await o.officer.post(url, { ...body, version: v.version + 1 })).statusCode).toBe(409);
    const cancelled = ok(await o.officer.post(url, body));
    expect(cancelled.status).toBe('cancelled');
    expect((await o.officer.post(url, { ...body, version: cancelled.version })).statusCode).toBe(409);
    const entries = await entriesOf(ctx, o.org.id, v.id);
    expect(entries.map((e) => e.amountFen).sort()).toEqual([-50_000, 50_000]);
    // The cancelled visit no longer counts against the cap: two more fit in the year.
    await visit(o.officer, o.inA.id, { visitDate: '2026-04-01' });
    await visit(o.officer, o.inA.id, { visitDate: '2026-04-02' });
  });
});

describe('the visit list', () => {
  it('scopes group leaders to their departments and masks amounts without care:read', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const a = await visit(o.officer, o.inA.id);
    const b = await visit(o.officer, o.inB.id, { reason: 'wedding', visitDate: '2026-05-01' });
    await visit(other.officer, other.inA.id);

    expect((await anonymous(ctx.app).get('/api/care/visits')).statusCode).toBe(401);
    expect((await o.member.get('/api/care/visits')).statusCode).toBe(403);
    expect((await o.treasurer.get('/api/care/visits')).statusCode).toBe(403);
    expect(paths(await o.officer.get('/api/care/visits?from=2026-13-01'))).toEqual(['from']);

    const all = await o.officer.get('/api/care/visits');
    expect(all.json().page.total).toBe(2);
    expect(
      all
        .json()
        .data.map((v: { cashFen: number }) => v.cashFen)
        .sort(),
    ).toEqual([50_000, 50_000]);

    const leader = await o.groupLeader.get('/api/care/visits');
    expect(leader.json().data.map((v: { id: string }) => v.id)).toEqual([a.id]);
    expect(leader.json().data[0]).toMatchObject({ cashFen: null, ledgerEntryId: null });
    expect((await o.groupLeader.get(`/api/care/visits/${b.id}`)).statusCode).toBe(404);
    expect((await other.officer.get(`/api/care/visits/${a.id}`)).statusCode).toBe(404);

    const vice = ok(await o.viceChair.get(`/api/care/visits/${a.id}`));
    expect(vice.cashFen).toBeNull();

    const filtered = ok(await o.officer.get(`/api/care/visits?reason=wedding&departmentId=${o.deptB.id}`));
    expect(filtered.map((v: { id: string }) => v.id)).toEqual([b.id]);
    expect(ok(await o.officer.get(`/api/care/visits?memberId=${o.inA.id}`))).toHaveLength(1);
    expect(ok(await o.officer.get('/api/care/visits?from=2026-04-01&to=2026-12-31'))).toHaveLength(1);
  });
});

describe('the visit photo', () => {
  it('takes one JPG/PNG per visit, replaces it, and shows it to those who see the visit', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const v = await visit(o.officer, o.inA.id);
    const url = `/api/care/visits/${v.id}/photo`;
    const put = (c: typeof o.officer, content: Buffer) =>
      c.request({ method: 'PUT', url, ...photoUpload(content) });
    expect((await anonymous(ctx.app).request({ method: 'PUT', url, ...photoUpload(PNG) })).statusCode).toBe(
      401,
    );
    expect((await put(o.groupLeader, PNG)).statusCode).toBe(403);
    expect((await put(other.officer, PNG)).statusCode).toBe(404);
    const pdf = await put(o.officer, PDF);
    expect(pdf.statusCode).toBe(400);
    expect(paths(pdf)).toEqual(['file']);
    expect((await o.officer.get(url)).statusCode).toBe(404);
    expect((await put(o.officer, PNG)).statusCode).toBe(204);
    expect((await put(o.officer, PNG)).statusCode).toBe(204);
    const got = await o.groupLeader.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
    expect(ok(await o.officer.get(`/api/care/visits/${v.id}`)).hasPhoto).toBe(true);
  });
});
