import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { budgets, fundCategories, fundPeriods, ledgerEntries } from '../../db/schema/index.js';
import type { Actor } from '../../lib/context.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { duesOrg, importDues, readSheetRows, row } from '../dues/testkit.js';
import { FUND_CATEGORY_CODES } from '../funds/funds.chart.js';
import { fundsPosting } from '../funds/funds.posting.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const actorOf = (orgId: string): Actor & { orgId: string } => ({
  orgId,
  userId: null,
  name: '测试',
  roles: 'treasurer',
  ip: null,
});

async function post(
  orgId: string,
  kind: 'income' | 'expense',
  code: string,
  amountFen: number,
  date: string,
  module = 'manual',
) {
  return ctx.deps.db.transaction((tx) =>
    fundsPosting.post(tx, actorOf(orgId), {
      orgId,
      source: { module },
      categoryCode: code,
      amountFen,
      date,
      kind,
      payee: '某人',
      summary: `${kind} ${code}`,
    }),
  );
}

async function categoryId(orgId: string, code: string) {
  const [c] = await ctx.deps.db
    .select()
    .from(fundCategories)
    .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.code, code)));
  return c.id;
}

/** A union with a year of entries: dues income, an allocation, expenses and one reversal. */
async function bookedOrg() {
  const o = await duesOrg(ctx);
  const id = o.org.id;
  await importDues(o.treasurer, [row('M001', '张一', '2025-01'), row('M002', '王二', '2025-01')]);
  await importDues(o.treasurer, [row('M001', '张一', '2025-02')]);
  await post(id, 'income', FUND_CATEGORY_CODES.allocation, 1_000_000, '2025-01-15', 'allocation');
  await post(id, 'expense', FUND_CATEGORY_CODES.festivalCare, 150_000, '2025-01-20', 'visit');
  await post(id, 'expense', FUND_CATEGORY_CODES.recreation, 80_000, '2025-02-03', 'activity');
  const wrong = await post(id, 'expense', FUND_CATEGORY_CODES.hardshipAid, 50_000, '2025-02-05', 'aid');
  await ctx.deps.db.transaction((tx) =>
    fundsPosting.reverse(tx, actorOf(id), {
      orgId: id,
      entryId: wrong.id,
      date: '2025-02-06',
      reason: '重复',
    }),
  );
  await post(id, 'expense', FUND_CATEGORY_CODES.hardshipAid, 20_000, '2025-03-01', 'aid');
  // Budgets: 送温暖 3,000.00, 文体活动 1,000.00, 会费收入 2,000.00.
  for (const [code, amountFen] of [
    [FUND_CATEGORY_CODES.festivalCare, 300_000],
    [FUND_CATEGORY_CODES.recreation, 100_000],
    [FUND_CATEGORY_CODES.dues, 200_000],
  ] as const) {
    await ctx.deps.db
      .insert(budgets)
      .values({ orgId: id, year: 2025, categoryId: await categoryId(id, code), amountFen });
  }
  return o;
}

async function ledgerSum(orgId: string, kind: 'income' | 'expense', from: string, to: string) {
  const [r] = await ctx.deps.db
    .select({ s: sql<number>`coalesce(sum(${ledgerEntries.amountFen}), 0)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, orgId),
        eq(ledgerEntries.kind, kind),
        sql`${ledgerEntries.period} between ${from} and ${to}`,
      ),
    );
  return r.s;
}

describe('收支预算执行情况表', () => {
  it('401, 403, 400; totals match the ledger; parents sum their children; Excel has title and totals', async () => {
    const { org, fundAuditor, treasurer } = await bookedOrg();
    expect((await anonymous(ctx.app).get('/api/statements/budget-execution?year=2025')).statusCode).toBe(401);
    const officer = await loginAs(ctx, org.id, ['officer']);
    expect((await officer.get('/api/statements/budget-execution?year=2025')).statusCode).toBe(403);
    const bad = await fundAuditor.get('/api/statements/budget-execution?year=2025&fromMonth=2024-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('fromMonth');

    const res = await treasurer.get('/api/statements/budget-execution?year=2025');
    expect(res.statusCode).toBe(200);
    const s = res.json().data;
    expect(s.totals.incomeActualFen).toBe(await ledgerSum(org.id, 'income', '2025-01', '2025-12'));
    expect(s.totals.expenseActualFen).toBe(await ledgerSum(org.id, 'expense', '2025-01', '2025-12'));
    expect(s.totals).toMatchObject({
      incomeActualFen: 12_000 + 1_000_000,
      expenseActualFen: 150_000 + 80_000 + 20_000,
      incomeBudgetFen: 200_000,
      expenseBudgetFen: 400_000,
      balanceFen: 1_012_000 - 250_000,
    });
    const byCode = new Map(s.rows.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get('502')).toMatchObject({ actualFen: 170_000, budgetFen: 300_000, depth: 0 });
    expect(byCode.get('50202')).toMatchObject({ actualFen: 20_000, depth: 1 });
    expect(byCode.get('50102')).toMatchObject({ actualFen: 80_000, rate: 0.8 });

    // A range: January only.
    const jan = (await treasurer.get('/api/statements/budget-execution?year=2025&toMonth=2025-01')).json()
      .data;
    expect(jan.totals.expenseActualFen).toBe(150_000);

    const x = await treasurer.get('/api/statements/budget-execution?year=2025&format=xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheetRows(x.rawPayload);
    expect(rows[0][0]).toBe('2025年度收支预算执行情况表');
    expect(rows[1]).toContain('单位：元');
    expect(String(rows[1][0])).toContain(org.name);
    const income = rows.find((r) => r[0] === '收入合计')!;
    const expense = rows.find((r) => r[0] === '支出合计')!;
    expect(income[5]).toBe(10_120);
    expect(expense[5]).toBe(2_500);
    expect(rows.find((r) => r[0] === '收支差额')![5]).toBe(7_620);
    expect(rows.some((r) => r.some((c) => typeof c === 'string' && c.includes('制表')))).toBe(true);
  });
});

describe('明细账', () => {
  it('opening balance, entries with a running balance, reversals negative; Excel closes with the balance', async () => {
    const { org, fundAuditor } = await bookedOrg();
    const res = await fundAuditor.get('/api/statements/monthly-ledger?month=2025-02');
    expect(res.statusCode).toBe(200);
    const s = res.json().data;
    expect(s.openingFen).toBe(8_000 + 1_000_000 - 150_000);
    expect(
      s.rows.map(
        (r: { incomeFen: number | null; expenseFen: number | null }) => r.incomeFen ?? -r.expenseFen!,
      ),
    ).toEqual([-80_000, -50_000, 50_000, 4_000]);
    expect(s.rows.at(-1).balanceFen).toBe(s.closingFen);
    expect(s.closingFen).toBe(
      s.openingFen +
        (await ledgerSum(org.id, 'income', '2025-02', '2025-02')) -
        (await ledgerSum(org.id, 'expense', '2025-02', '2025-02')),
    );
    expect(s.rows[2].reversal).toBe(true);
    expect((await fundAuditor.get('/api/statements/monthly-ledger?month=2025-2')).statusCode).toBe(400);

    const x = await fundAuditor.get('/api/statements/monthly-ledger?month=2025-02&format=xlsx');
    const rows = await readSheetRows(x.rawPayload);
    const total = rows.find((r) => r[2] === '本月合计')!;
    expect(total.slice(5)).toEqual([40, 800, s.closingFen / 100]);
  });
});

describe('按来源 and 会费收缴', () => {
  it('sums by source module and compares expected and collected dues per month and department', async () => {
    const { org, fundAuditor } = await bookedOrg();
    const src = (await fundAuditor.get('/api/statements/by-source?fromMonth=2025-01&toMonth=2025-12')).json()
      .data;
    const bySource = new Map(src.rows.map((r: { sourceModule: string }) => [r.sourceModule, r]));
    expect(bySource.get('dues')).toMatchObject({ incomeCount: 2, incomeFen: 12_000, label: '会费' });
    expect(bySource.get('aid')).toMatchObject({ expenseCount: 2, expenseFen: 20_000 });
    expect(src.expenseFen).toBe(await ledgerSum(org.id, 'expense', '2025-01', '2025-12'));
    expect(
      (await fundAuditor.get('/api/statements/by-source?fromMonth=2025-05&toMonth=2025-01')).statusCode,
    ).toBe(400);

    const dues = (await fundAuditor.get('/api/statements/dues-collection?year=2025')).json().data;
    expect(dues.months).toEqual([
      { month: '2025-01', dueMembers: 3, payers: 2, expectedFen: 8_000, collectedFen: 8_000 },
      { month: '2025-02', dueMembers: 3, payers: 1, expectedFen: 4_000, collectedFen: 4_000 },
    ]);
    expect(dues.departments).toEqual([
      expect.objectContaining({ departmentName: '内一科', payments: 3, collectedFen: 12_000 }),
    ]);
    const x = await fundAuditor.get('/api/statements/dues-collection?year=2025&format=xlsx');
    const rows = await readSheetRows(x.rawPayload);
    expect(rows[0][0]).toBe('2025年度会费收缴情况表（按月）');
    expect(rows.find((r) => r[0] === '合计')!.slice(1, 5)).toEqual([6, 3, 120, 120]);
  });
});

describe('review notes', () => {
  it('only fund auditors write; one per month; versioned edits; frozen once the month is closed; printed', async () => {
    const { org, fundAuditor, treasurer } = await bookedOrg();
    const body = {
      opinion: '账目清楚，手续完备',
      findings: '个别凭证缺少经办人签字',
      reviewedOn: '2025-02-10',
    };
    expect((await anonymous(ctx.app).put('/api/statements/review-notes/2025-01', body)).statusCode).toBe(401);
    expect((await treasurer.put('/api/statements/review-notes/2025-01', body)).statusCode).toBe(403);
    const bad = await fundAuditor.put('/api/statements/review-notes/2025-01', { ...body, opinion: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('opinion');
    expect((await fundAuditor.get('/api/statements/review-notes/2025-01')).statusCode).toBe(404);

    const created = await fundAuditor.put('/api/statements/review-notes/2025-01', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({ version: 1, locked: false });
    // A second "first" note, and a stale version, are 409.
    expect((await fundAuditor.put('/api/statements/review-notes/2025-01', body)).statusCode).toBe(409);
    const ok = await fundAuditor.put('/api/statements/review-notes/2025-01', {
      ...body,
      opinion: '同意',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await fundAuditor.put('/api/statements/review-notes/2025-01', { ...body, version: 1 })).statusCode,
    ).toBe(409);

    const other = await duesOrg(ctx);
    expect((await other.fundAuditor.get('/api/statements/review-notes/2025-01')).statusCode).toBe(404);

    const x = await treasurer.get('/api/statements/budget-execution?year=2025&format=xlsx');
    const rows = await readSheetRows(x.rawPayload);
    expect(rows.some((r) => typeof r[0] === 'string' && r[0].includes('审查意见（2025-01'))).toBe(true);

    await ctx.deps.db.insert(fundPeriods).values({ orgId: org.id, period: '2025-01' });
    const frozen = await fundAuditor.put('/api/statements/review-notes/2025-01', { ...body, version: 2 });
    expect(frozen.statusCode).toBe(409);
    const listed = (await treasurer.get('/api/statements/review-notes?year=2025')).json().data;
    expect(listed).toEqual([expect.objectContaining({ period: '2025-01', opinion: '同意', locked: true })]);
  });
});
