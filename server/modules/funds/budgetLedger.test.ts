import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, type TestContext } from '../../test/helpers.js';
import { FUND_CATEGORY_CODES } from './funds.chart.js';
import { approvedRequest, type FundsOrg, fundsOrg, ok, setBudget, thisYear, todayDate } from './testkit.js';

let ctx: TestContext;
let o: FundsOrg;
const year = thisYear();
const ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ctx = await setupTestApp();
  o = await fundsOrg(ctx);
});

describe('categories', () => {
  it('lists the seeded chart (工会会计制度) to every funds role, 403 to a plain member', async () => {
    const list = ok(await o.viceChair.get('/api/funds/categories'));
    const names = list.map((c: { name: string }) => c.name);
    for (const n of [
      '会费收入',
      '拨缴经费收入',
      '职工活动支出',
      '职工服务支出',
      '困难职工帮扶',
      '送温暖',
      '维权支出',
      '业务支出',
    ]) {
      expect(names).toContain(n);
    }
    expect(list.find((c: { code: string }) => c.code === '502').leaf).toBe(false);
    expect((await o.member.get('/api/funds/categories')).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/funds/categories')).statusCode).toBe(401);
  });

  it('adds a sub-category under a parent; refuses one under a category holding money (409)', async () => {
    const parent = await o.category('501');
    const c = ok(
      await o.treasurer.post('/api/funds/categories', { parentId: parent.id, name: '读书活动' }),
      201,
    );
    expect(c).toMatchObject({ code: '50111', kind: 'expense', leaf: true });
    expect(
      (await o.treasurer.post('/api/funds/categories', { parentId: parent.id, name: '读书活动' })).statusCode,
    ).toBe(409);
    const used = await o.category(FUND_CATEGORY_CODES.otherExpense);
    await setBudget(o.treasurer, used.id, 1000);
    expect(
      (await o.treasurer.post('/api/funds/categories', { parentId: used.id, name: '杂项' })).statusCode,
    ).toBe(409);
    expect((await o.treasurer.post('/api/funds/categories', { parentId: ID, name: 'x' })).statusCode).toBe(
      400,
    );
    expect((await o.chair.post('/api/funds/categories', { parentId: parent.id, name: 'y' })).statusCode).toBe(
      403,
    );
  });

  it('built-in names cannot be changed (409); 404 for another org’s category', async () => {
    const c = await o.category('501');
    expect((await o.treasurer.put(`/api/funds/categories/${c.id}`, { name: '改名' })).statusCode).toBe(409);
    const other = await fundsOrg(ctx);
    expect((await other.treasurer.put(`/api/funds/categories/${c.id}`, { sort: 1 })).statusCode).toBe(404);
  });
});

describe('budget and execution', () => {
  it('sets a budget on a leaf (400 on a parent or a negative amount), 403 for the chair', async () => {
    const leaf = await o.category(FUND_CATEGORY_CODES.festivalCare);
    expect(
      (
        await o.treasurer.put('/api/funds/budget', {
          year,
          categoryId: (await o.category('502')).id,
          amountFen: 1,
        })
      ).statusCode,
    ).toBe(400);
    const neg = await o.treasurer.put('/api/funds/budget', { year, categoryId: leaf.id, amountFen: -5 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details[0]).toEqual({ path: 'amountFen', message: '预算金额不能为负数' });
    expect(
      (await o.chair.put('/api/funds/budget', { year, categoryId: leaf.id, amountFen: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await anonymous(ctx.app).put('/api/funds/budget', { year, categoryId: leaf.id, amountFen: 1 }))
        .statusCode,
    ).toBe(401);
    await setBudget(o.treasurer, leaf.id, 1_000_000);
  });

  it('execution at every level: budget, committed, paid, remaining roll up to the parent', async () => {
    const welfare = await o.category(FUND_CATEGORY_CODES.welfare);
    const care = await o.category(FUND_CATEGORY_CODES.festivalCare);
    await setBudget(o.treasurer, welfare.id, 3_000_000);
    await setBudget(o.treasurer, care.id, 1_000_000);
    await approvedRequest(o, welfare.id, 500_000); // committed
    const paidReq = await approvedRequest(o, care.id, 200_000);
    ok(
      await o.treasurer.post(`/api/funds/requests/${paidReq.id}/pay`, {
        version: paidReq.version,
        paidDate: todayDate(),
        payMethod: 'transfer',
        voucherNo: '记-9',
      }),
    );
    const rows = ok(await o.chair.get(`/api/funds/budget?year=${year}`));
    const byCode = (code: string) => rows.find((r: { code: string }) => r.code === code);
    expect(byCode(FUND_CATEGORY_CODES.welfare)).toMatchObject({
      budgetFen: 3_000_000,
      committedFen: 500_000,
      paidFen: 0,
      remainingFen: 2_500_000,
    });
    expect(byCode(FUND_CATEGORY_CODES.festivalCare)).toMatchObject({
      budgetFen: 1_000_000,
      committedFen: 0,
      paidFen: 200_000,
      remainingFen: 800_000,
    });
    expect(byCode('502')).toMatchObject({
      budgetFen: 4_000_000,
      committedFen: 500_000,
      paidFen: 200_000,
      remainingFen: 3_300_000,
    });
    // Totals for everyone with funds:summary; amounts per category only with funds:read.
    expect((await o.viceChair.get(`/api/funds/budget?year=${year}`)).statusCode).toBe(403);
    const s = ok(await o.viceChair.get(`/api/funds/summary?year=${year}`));
    expect(s.expenseBudgetFen).toBeGreaterThanOrEqual(4_000_000);
    expect(s.expensePaidFen).toBe(200_000);
    expect((await o.member.get(`/api/funds/summary?year=${year}`)).statusCode).toBe(403);
    expect((await o.chair.get('/api/funds/budget?year=abc')).statusCode).toBe(400);
  });

  it('adjustments: raised by the treasurer, approved by the chair, counted once approved; decided once', async () => {
    const c = await o.category(FUND_CATEGORY_CODES.recuperation);
    await setBudget(o.treasurer, c.id, 100_000);
    expect(
      (
        await o.treasurer.post('/api/funds/budget/adjustments', {
          year,
          categoryId: c.id,
          deltaFen: 0,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await o.treasurer.post('/api/funds/budget/adjustments', {
          year,
          categoryId: c.id,
          deltaFen: 50_000,
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    const a = ok(
      await o.treasurer.post('/api/funds/budget/adjustments', {
        year,
        categoryId: c.id,
        deltaFen: 50_000,
        reason: '疗休养人数增加',
      }),
      201,
    );
    const figure = async () =>
      ok(await o.chair.get(`/api/funds/budget?year=${year}`)).find(
        (r: { categoryId: string }) => r.categoryId === c.id,
      ).budgetFen;
    expect(await figure()).toBe(100_000);
    // The officer holds funds:approve but is not the chair.
    expect(
      (await o.officer.post(`/api/funds/budget/adjustments/${a.id}/decide`, { approve: true })).statusCode,
    ).toBe(403);
    expect(
      (await o.fundAuditor.post(`/api/funds/budget/adjustments/${a.id}/decide`, { approve: true }))
        .statusCode,
    ).toBe(403);
    ok(await o.chair.post(`/api/funds/budget/adjustments/${a.id}/decide`, { approve: true, note: '同意' }));
    expect(await figure()).toBe(150_000);
    expect(
      (await o.chair.post(`/api/funds/budget/adjustments/${a.id}/decide`, { approve: false })).statusCode,
    ).toBe(409);
    expect(
      (await o.chair.post(`/api/funds/budget/adjustments/${ID}/decide`, { approve: true })).statusCode,
    ).toBe(404);
    const list = ok(await o.fundAuditor.get(`/api/funds/budget/adjustments?year=${year}`));
    expect(list.find((x: { id: string }) => x.id === a.id)).toMatchObject({
      status: 'approved',
      decisionNote: '同意',
    });
  });
});

describe('ledger', () => {
  it('manual entry, list with filters, detail; 403 for roles without funds:read/write', async () => {
    const allocation = await o.category(FUND_CATEGORY_CODES.allocation);
    const e = ok(
      await o.treasurer.post('/api/funds/ledger', {
        entryDate: todayDate(),
        kind: 'income',
        categoryId: allocation.id,
        amountFen: 8_000_000,
        counterparty: '市总工会',
        summary: '拨缴经费返还',
        voucherNo: '收-1',
      }),
      201,
    );
    expect(e).toMatchObject({ sourceModule: 'manual', categoryName: '拨缴经费收入' });
    const bad = await o.treasurer.post('/api/funds/ledger', {
      entryDate: todayDate(),
      kind: 'income',
      categoryId: allocation.id,
      amountFen: 1.5,
      counterparty: 'x',
      summary: 'x',
    });
    expect(bad.json().error.details[0]).toEqual({ path: 'amountFen', message: '金额须为整数（单位：分）' });
    const list = ok(await o.fundAuditor.get(`/api/funds/ledger?kind=income&q=${encodeURIComponent('返还')}`));
    expect(list.map((x: { id: string }) => x.id)).toEqual([e.id]);
    // Counts without a text or source filter come from ledger_totals: they must agree with the rows.
    for (const q of ['kind=income', 'kind=expense', `year=${year}`, `period=${todayDate().slice(0, 7)}`]) {
      const body = (await o.chair.get(`/api/funds/ledger?${q}&pageSize=200`)).json();
      expect(body.page.total, q).toBe(body.data.length);
      expect(body.page.total, q).toBeGreaterThan(0);
    }
    const byParent = ok(
      await o.chair.get(`/api/funds/ledger?categoryId=${(await o.category('502')).id}&year=${year}`),
    );
    expect(byParent.length).toBeGreaterThan(0);
    expect((await o.viceChair.get('/api/funds/ledger')).statusCode).toBe(403);
    expect((await o.officer.get(`/api/funds/ledger/${e.id}`)).statusCode).toBe(403);
    expect((await anonymous(ctx.app).get('/api/funds/ledger')).statusCode).toBe(401);
    const other = await fundsOrg(ctx);
    expect((await other.treasurer.get(`/api/funds/ledger/${e.id}`)).statusCode).toBe(404);
    expect(
      (
        await other.treasurer.post(`/api/funds/ledger/${e.id}/reverse`, {
          entryDate: todayDate(),
          reason: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reversal instead of edit: the original is linked as reversed, sums net to zero, only once', async () => {
    const c = await o.category(FUND_CATEGORY_CODES.meeting);
    const e = ok(
      await o.treasurer.post('/api/funds/ledger', {
        entryDate: todayDate(),
        kind: 'expense',
        categoryId: c.id,
        amountFen: 30_000,
        counterparty: '会议中心',
        summary: '会议室租金',
      }),
      201,
    );
    expect(
      (
        await o.treasurer.post(`/api/funds/ledger/${e.id}/reverse`, {
          entryDate: '2000-01-01',
          reason: '重复',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await o.fundAuditor.post(`/api/funds/ledger/${e.id}/reverse`, {
          entryDate: todayDate(),
          reason: '重复',
        })
      ).statusCode,
    ).toBe(403);
    const rev = ok(
      await o.treasurer.post(`/api/funds/ledger/${e.id}/reverse`, {
        entryDate: todayDate(),
        reason: '重复记账',
      }),
      201,
    );
    expect(rev).toMatchObject({ amountFen: -30_000, reversesEntryId: e.id });
    expect(ok(await o.treasurer.get(`/api/funds/ledger/${e.id}`))).toMatchObject({
      amountFen: 30_000,
      reversedByEntryId: rev.id,
    });
    expect(
      (
        await o.treasurer.post(`/api/funds/ledger/${e.id}/reverse`, {
          entryDate: todayDate(),
          reason: '再次',
        })
      ).statusCode,
    ).toBe(409);
    const rows = ok(await o.chair.get(`/api/funds/budget?year=${year}`));
    expect(rows.find((r: { categoryId: string }) => r.categoryId === c.id).paidFen).toBe(0);
  });
});

describe('periods', () => {
  it('close in order, never twice, never the future; a closed period refuses entries from every route', async () => {
    const org = await fundsOrg(ctx);
    const last = year - 1;
    expect((await org.treasurer.post('/api/funds/periods/close', { period: `${last}-03` })).statusCode).toBe(
      409,
    ); // order
    ok(await org.treasurer.post('/api/funds/periods/close', { period: `${last}-01` }));
    expect((await org.treasurer.post('/api/funds/periods/close', { period: `${last}-01` })).statusCode).toBe(
      409,
    );
    expect(
      (await org.treasurer.post('/api/funds/periods/close', { period: `${year + 1}-01` })).statusCode,
    ).toBe(409);
    expect((await org.treasurer.post('/api/funds/periods/close', { period: '2025-13' })).statusCode).toBe(
      400,
    );
    expect((await org.chair.post('/api/funds/periods/close', { period: `${last}-02` })).statusCode).toBe(403);
    expect((await org.treasurer.post('/api/funds/periods/close-year', { year })).statusCode).toBe(409);
    const closed = ok(await org.treasurer.post('/api/funds/periods/close-year', { year: last }));
    expect(closed.closedPeriods).toHaveLength(11);
    const periods = ok(await org.fundAuditor.get(`/api/funds/periods?year=${last}`));
    expect(periods.every((p: { closed: boolean }) => p.closed)).toBe(true);

    const income = await org.category(FUND_CATEGORY_CODES.allocation);
    const manual = await org.treasurer.post('/api/funds/ledger', {
      entryDate: `${last}-05-01`,
      kind: 'income',
      categoryId: income.id,
      amountFen: 100,
      counterparty: 'x',
      summary: 'x',
    });
    expect(manual.statusCode).toBe(409);
    expect(manual.json().error.code).toBe('PERIOD_CLOSED');
    const r = await approvedRequest(org, (await org.category(FUND_CATEGORY_CODES.welfare)).id, 10_000);
    const pay = await org.treasurer.post(`/api/funds/requests/${r.id}/pay`, {
      version: r.version,
      paidDate: `${last}-12-31`,
      payMethod: 'cash',
      voucherNo: 'v',
    });
    expect(pay.statusCode).toBe(409);
    expect(ok(await org.chair.get(`/api/funds/requests/${r.id}`)).status).toBe('approved');
    const e = ok(
      await org.treasurer.post('/api/funds/ledger', {
        entryDate: todayDate(),
        kind: 'income',
        categoryId: income.id,
        amountFen: 100,
        counterparty: 'x',
        summary: 'x',
      }),
      201,
    );
    expect(e.period).toBe(todayDate().slice(0, 7));
  });
});

describe('settings and the fund auditor', () => {
  it('settings: read by funds roles, saved by the treasurer with a version (409 when stale), thresholds apply', async () => {
    const org = await fundsOrg(ctx);
    const s = ok(await org.officer.get('/api/funds/settings'));
    expect(s).toMatchObject({
      overBudgetRule: 'flag',
      officerLimitFen: 200_000,
      chairLimitFen: 2_000_000,
      version: 0,
    });
    const bad = await org.treasurer.put('/api/funds/settings', { ...s, chairLimitFen: 100 });
    expect(bad.json().error.details[0].path).toBe('chairLimitFen');
    const saved = ok(await org.treasurer.put('/api/funds/settings', { ...s, officerLimitFen: 50_000 }));
    expect(saved.version).toBe(1);
    expect(
      (await org.treasurer.put('/api/funds/settings', { ...s, officerLimitFen: 60_000 })).statusCode,
    ).toBe(409);
    const c = await org.category(FUND_CATEGORY_CODES.recreation);
    const d = ok(
      await org.viceChair.post('/api/funds/requests', {
        purpose: 'x',
        categoryId: c.id,
        amountFen: 60_000,
        payee: 'y',
      }),
      201,
    );
    expect(ok(await org.viceChair.post(`/api/funds/requests/${d.id}/submit`, { version: 1 })).steps).toEqual([
      'officer',
      'chair',
    ]);
  });

  it('the fund auditor reads everything and changes nothing (403 on every write)', async () => {
    const a = o.fundAuditor;
    const c = await o.category(FUND_CATEGORY_CODES.recreation);
    for (const url of [
      '/api/funds/ledger',
      `/api/funds/budget?year=${year}`,
      `/api/funds/periods?year=${year}`,
      '/api/funds/requests',
    ]) {
      expect((await a.get(url)).statusCode, url).toBe(200);
    }
    const writes: [string, string, unknown][] = [
      ['POST', '/api/funds/categories', { parentId: c.id, name: 'x' }],
      ['PUT', `/api/funds/categories/${c.id}`, { sort: 1 }],
      ['PUT', '/api/funds/settings', {}],
      ['PUT', '/api/funds/budget', { year, categoryId: c.id, amountFen: 1 }],
      ['POST', '/api/funds/budget/adjustments', {}],
      ['POST', `/api/funds/budget/adjustments/${ID}/decide`, {}],
      ['POST', '/api/funds/requests', {}],
      ['PUT', `/api/funds/requests/${ID}`, {}],
      ['POST', `/api/funds/requests/${ID}/submit`, {}],
      ['POST', `/api/funds/requests/${ID}/withdraw`, {}],
      ['POST', `/api/funds/requests/${ID}/approve`, {}],
      ['POST', `/api/funds/requests/${ID}/refuse`, {}],
      ['POST', `/api/funds/requests/${ID}/pay`, {}],
      ['POST', `/api/funds/requests/${ID}/attachments`, {}],
      ['POST', '/api/funds/ledger', {}],
      ['POST', `/api/funds/ledger/${ID}/reverse`, {}],
      ['POST', '/api/funds/periods/close', {}],
      ['POST', '/api/funds/periods/close-year', {}],
    ];
    for (const [method, url, payload] of writes) {
      const res = await a.request({ method: method as 'POST', url, payload: payload as object });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    // Every write route of the module is in the list above.
    const funds = ctx.app.registeredRoutes.filter(
      (r) => r.url.startsWith('/api/funds/') && r.method !== 'GET',
    );
    expect(funds.length).toBe(writes.length);
  });
});
