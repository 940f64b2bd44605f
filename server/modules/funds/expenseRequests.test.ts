import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, setupTestApp, type TestContext } from '../../test/helpers.js';
import { multipart } from '../members/testkit.js';
import { FUND_CATEGORY_CODES } from './funds.chart.js';
import { approvedRequest, type FundsOrg, fundsOrg, ok, setBudget, todayDate } from './testkit.js';

let ctx: TestContext;
let o: FundsOrg;
let catId: string;
const body = (extra: Record<string, unknown> = {}) => ({
  purpose: '职工篮球赛',
  categoryId: catId,
  amountFen: 150_000,
  payee: '某体育用品公司',
  ...extra,
});

beforeAll(async () => {
  ctx = await setupTestApp();
  o = await fundsOrg(ctx);
  catId = (await o.category(FUND_CATEGORY_CODES.recreation)).id;
});

describe('POST /api/funds/requests', () => {
  it('401 anonymous, 403 without funds:request (committee member, fund auditor)', async () => {
    expect((await anonymous(ctx.app).post('/api/funds/requests', body())).statusCode).toBe(401);
    expect((await o.fundAuditor.post('/api/funds/requests', body())).statusCode).toBe(403);
    expect((await o.member.post('/api/funds/requests', body())).statusCode).toBe(403);
  });

  it.each([
    [{ amountFen: 10.5 }, 'amountFen', '申请金额须为整数（单位：分）'],
    [{ amountFen: -1 }, 'amountFen', '申请金额须大于0'],
    [{ amountFen: 1_000_000_001 }, 'amountFen', '申请金额不得超过10,000,000.00元'],
    [{ payee: '' }, 'payee', '请填写收款方'],
  ])('400 on %j naming the field', async (extra, path, message) => {
    const res = await o.viceChair.post('/api/funds/requests', body(extra));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path, message });
  });

  it('400 for an income category, a parent category, another org’s category', async () => {
    const other = await fundsOrg(ctx);
    for (const categoryId of [
      (await o.category(FUND_CATEGORY_CODES.dues)).id,
      (await o.category('501')).id,
      (await other.category(FUND_CATEGORY_CODES.recreation)).id,
    ]) {
      const res = await o.viceChair.post('/api/funds/requests', body({ categoryId }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('categoryId');
    }
  });

  it('creates a numbered draft', async () => {
    const r = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    expect(r).toMatchObject({
      status: 'draft',
      amountFen: 150_000,
      abilities: { submit: true, approve: false },
    });
    expect(r.no).toMatch(/^SQ\d{4}-\d{4}$/);
  });
});

describe('PUT /api/funds/requests/:id', () => {
  const put = (c: Client, id: string, extra: Record<string, unknown>) =>
    c.put(`/api/funds/requests/${id}`, body(extra));

  it('401 anonymous, 403 without funds:request or on another’s draft, 404 another org', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const v = { version: d.version };
    expect((await put(anonymous(ctx.app), d.id, v)).statusCode).toBe(401);
    expect((await put(o.fundAuditor, d.id, v)).statusCode).toBe(403);
    const other = await put(o.officer, d.id, v);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('只能修改本人的经费申请');
    const org = await fundsOrg(ctx);
    expect((await put(org.viceChair, d.id, v)).statusCode).toBe(404);
  });

  it('400 naming the field', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const res = await put(o.viceChair, d.id, { version: d.version, amountFen: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path: 'amountFen', message: '申请金额须大于0' });
  });

  it('edits the draft once per version; a submitted request is no longer editable', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body({ note: '旧说明' })), 201);
    const e = ok(await put(o.viceChair, d.id, { version: d.version, amountFen: 120_000, note: '' }));
    expect(e).toMatchObject({ amountFen: 120_000, note: null, version: d.version + 1 });
    const stale = await put(o.viceChair, d.id, { version: d.version, amountFen: 99_000 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const s = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: e.version }));
    expect(s.abilities.edit).toBe(false);
    const late = await put(o.viceChair, d.id, { version: s.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('INVALID_TRANSITION');
  });
});

describe('approval steps', () => {
  it('≤ 2,000元: the officer alone; ≤ 20,000元: officer then chair; above: + 集体研究', async () => {
    for (const [amountFen, steps] of [
      [200_000, ['officer']],
      [1_500_000, ['officer', 'chair']],
      [3_000_000, ['officer', 'chair', 'committee']],
    ] as const) {
      const d = ok(await o.viceChair.post('/api/funds/requests', body({ amountFen })), 201);
      const r = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version }));
      expect(r.steps).toEqual(steps);
    }
  });

  it('the committee step needs the meeting date and minutes (400), then records them', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body({ amountFen: 3_000_000 })), 201);
    let r = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version }));
    r = ok(await o.officer.post(`/api/funds/requests/${r.id}/approve`, { version: r.version }));
    r = ok(await o.chair.post(`/api/funds/requests/${r.id}/approve`, { version: r.version }));
    expect(r.currentStep).toBe('committee');
    const bad = await o.chair.post(`/api/funds/requests/${r.id}/approve`, { version: r.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'committeeMeetingDate',
      'committeeMinutesRef',
    ]);
    r = ok(
      await o.chair.post(`/api/funds/requests/${r.id}/approve`, {
        version: r.version,
        committeeMeetingDate: '2025-03-01',
        committeeMinutesRef: '工会委员会纪要〔2025〕3号',
      }),
    );
    expect(r).toMatchObject({ status: 'approved', committeeMinutesRef: '工会委员会纪要〔2025〕3号' });
    const detail = ok(await o.chair.get(`/api/funds/requests/${r.id}`));
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'approve',
      'approve',
      'approve',
    ]);
  });

  it('403 for the wrong role at a step and for one’s own request; 409 out of turn', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body({ amountFen: 500_000 })), 201);
    const early = await o.officer.post(`/api/funds/requests/${d.id}/approve`, { version: d.version });
    expect(early.statusCode).toBe(409);
    const r = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version }));
    expect(
      (await o.chair.post(`/api/funds/requests/${r.id}/approve`, { version: r.version })).statusCode,
    ).toBe(403);
    expect(
      (await o.treasurer.post(`/api/funds/requests/${r.id}/approve`, { version: r.version })).statusCode,
    ).toBe(403);
    const own = ok(await o.officer.post('/api/funds/requests', body()), 201);
    const sub = ok(await o.officer.post(`/api/funds/requests/${own.id}/submit`, { version: own.version }));
    const self = await o.officer.post(`/api/funds/requests/${sub.id}/approve`, { version: sub.version });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('不能审批本人提交的经费申请');
  });

  it('two approvers at once: one result and one 409', async () => {
    const officer2 = await (await import('../../test/helpers.js')).loginAs(ctx, o.org.id, ['officer']);
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const r = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version }));
    const results = await Promise.all([
      o.officer.post(`/api/funds/requests/${r.id}/approve`, { version: r.version }),
      officer2.post(`/api/funds/requests/${r.id}/refuse`, { version: r.version, reason: '预算不足' }),
    ]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const after = ok(await o.chair.get(`/api/funds/requests/${r.id}`));
    expect(
      after.events.filter((e: { action: string }) => e.action !== 'create' && e.action !== 'submit'),
    ).toHaveLength(1);
  });

  it('refusal needs a reason (400) and ends the request', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const r = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version }));
    expect(
      (await o.officer.post(`/api/funds/requests/${r.id}/refuse`, { version: r.version })).statusCode,
    ).toBe(400);
    const x = ok(
      await o.officer.post(`/api/funds/requests/${r.id}/refuse`, {
        version: r.version,
        reason: '不符合经费使用范围',
      }),
    );
    expect(x).toMatchObject({ status: 'refused', refusalReason: '不符合经费使用范围' });
    expect(
      (await o.viceChair.post(`/api/funds/requests/${r.id}/withdraw`, { version: x.version })).statusCode,
    ).toBe(409);
  });

  it('withdraw by the requester only', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    expect(
      (await o.officer.post(`/api/funds/requests/${d.id}/withdraw`, { version: d.version })).statusCode,
    ).toBe(403);
    const w = ok(await o.viceChair.post(`/api/funds/requests/${d.id}/withdraw`, { version: d.version }));
    expect(w.status).toBe('withdrawn');
  });

  it('a request over the remaining budget is refused under the refuse rule, flagged under flag', async () => {
    const org = await fundsOrg(ctx);
    const c = await org.category(FUND_CATEGORY_CODES.training);
    await setBudget(org.treasurer, c.id, 100_000);
    const mk = async () => {
      const d = ok(
        await org.viceChair.post('/api/funds/requests', { ...body(), categoryId: c.id, amountFen: 150_000 }),
        201,
      );
      return org.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version });
    };
    expect(ok(await mk()).overBudget).toBe(true);
    ok(await org.treasurer.put(`/api/funds/categories/${c.id}`, { overBudgetRule: 'refuse' }));
    const refused = await mk();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('OVER_BUDGET');
  });
});

describe('pay', () => {
  it('the treasurer pays an approved request: a ledger entry, the request paid', async () => {
    const r = await approvedRequest(o, catId, 150_000);
    expect((await o.chair.post(`/api/funds/requests/${r.id}/pay`, { version: r.version })).statusCode).toBe(
      403,
    );
    expect(
      (await o.fundAuditor.post(`/api/funds/requests/${r.id}/pay`, { version: r.version })).statusCode,
    ).toBe(403);
    const bad = await o.treasurer.post(`/api/funds/requests/${r.id}/pay`, {
      version: r.version,
      paidDate: todayDate(),
      payMethod: 'cheque',
      voucherNo: '记-001',
    });
    expect(bad.statusCode).toBe(400);
    const paid = ok(
      await o.treasurer.post(`/api/funds/requests/${r.id}/pay`, {
        version: r.version,
        paidDate: todayDate(),
        payMethod: 'transfer',
        voucherNo: '记-001',
      }),
    );
    expect(paid).toMatchObject({ status: 'paid', payMethod: 'transfer', voucherNo: '记-001' });
    const entry = ok(await o.treasurer.get(`/api/funds/ledger/${paid.ledgerEntryId}`));
    expect(entry).toMatchObject({
      amountFen: 150_000,
      sourceModule: 'funds',
      sourceId: r.id,
      approvedBy: 'request',
    });
    const twice = await o.treasurer.post(`/api/funds/requests/${r.id}/pay`, {
      version: paid.version,
      paidDate: todayDate(),
      payMethod: 'cash',
      voucherNo: '记-002',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a draft cannot be paid (409); another org’s request is 404', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const pay = { version: d.version, paidDate: todayDate(), payMethod: 'cash', voucherNo: 'x' };
    expect((await o.treasurer.post(`/api/funds/requests/${d.id}/pay`, pay)).statusCode).toBe(409);
    const other = await fundsOrg(ctx);
    expect((await other.treasurer.post(`/api/funds/requests/${d.id}/pay`, pay)).statusCode).toBe(404);
    expect((await other.chair.get(`/api/funds/requests/${d.id}`)).statusCode).toBe(404);
    expect((await other.officer.post(`/api/funds/requests/${d.id}/approve`, { version: 1 })).statusCode).toBe(
      404,
    );
  });
});

describe('GET /api/funds/requests', () => {
  it('the inbox lists the steps the caller may take; a requester sees only their own', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body({ purpose: '收件箱测试' })), 201);
    ok(await o.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: d.version }));
    const inbox = ok(await o.officer.get('/api/funds/requests?view=inbox&pageSize=200'));
    expect(inbox.some((r: { id: string }) => r.id === d.id)).toBe(true);
    const chairInbox = ok(await o.chair.get('/api/funds/requests?view=inbox&pageSize=200'));
    expect(chairInbox.some((r: { id: string }) => r.id === d.id)).toBe(false);
    const treasurerOwn = ok(await o.treasurer.get('/api/funds/requests?pageSize=200'));
    expect(treasurerOwn.length).toBeGreaterThan(0); // funds:read sees all
    const raiser = await (await import('../../test/helpers.js')).loginAs(ctx, o.org.id, ['viceChair']);
    expect(ok(await raiser.get('/api/funds/requests'))).toEqual([]);
    expect((await raiser.get(`/api/funds/requests/${d.id}`)).statusCode).toBe(404);
    expect((await o.member.get('/api/funds/requests')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/funds/requests')).statusCode).toBe(401);
  });
});

describe('attachments', () => {
  const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)]);
  const send = (c: Client, id: string, content: Buffer, purpose = 'material', name = '报价单.pdf') => {
    const { payload, headers } = multipart(content, name);
    return c.request({
      method: 'POST',
      url: `/api/funds/requests/${id}/attachments?purpose=${purpose}`,
      payload,
      headers,
    });
  };

  it('the requester attaches material; the treasurer the invoice once approved; both download', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const a = ok(await send(o.viceChair, d.id, PDF), 201);
    expect(a).toMatchObject({ purpose: 'material', mimeType: 'application/pdf', fileName: '报价单.pdf' });
    expect((await send(o.treasurer, d.id, PDF, 'invoice')).statusCode).toBe(409); // not approved yet
    const file = await o.treasurer.get(`/api/funds/requests/${d.id}/attachments/${a.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const r = await approvedRequest(o, catId, 100_000);
    const inv = ok(await send(o.treasurer, r.id, PDF, 'invoice', '发票.pdf'), 201);
    const detail = ok(await o.chair.get(`/api/funds/requests/${r.id}`));
    expect(detail.attachments.map((x: { id: string }) => x.id)).toEqual([inv.id]);
  });

  it('400 for a file that is not PDF/JPG/PNG (whatever its name), 413 over 5MB, 403/404/401', async () => {
    const d = ok(await o.viceChair.post('/api/funds/requests', body()), 201);
    const exe = await send(o.viceChair, d.id, Buffer.from('MZ fake program'), 'material', 'invoice.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details[0]).toEqual({ path: 'file', message: '附件只能是 PDF、JPG 或 PNG 文件' });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1_048_576)]);
    expect((await send(o.viceChair, d.id, big)).statusCode).toBe(413);
    expect((await send(o.officer, d.id, PDF)).statusCode).toBe(403); // not the requester
    const other = await fundsOrg(ctx);
    expect((await send(other.viceChair, d.id, PDF)).statusCode).toBe(404);
    expect((await send(anonymous(ctx.app), d.id, PDF)).statusCode).toBe(401);
    expect((await o.member.get(`/api/funds/requests/${d.id}/attachments/${d.id}`)).statusCode).toBe(403);
    expect((await o.chair.get(`/api/funds/requests/${d.id}/attachments/${d.id}`)).statusCode).toBe(404);
  });
});
