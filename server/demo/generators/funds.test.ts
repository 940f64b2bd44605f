import { beforeAll, describe, expect, it } from 'vitest';
import { EXPENSE_REQUEST_STATUSES } from '../../../common/schemas/funds.js';
import { today } from '../../lib/businessDate.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo funds read back through the app: a budget, requests in every state, ~200 entries, closed months.

let ctx: TestContext;
let orgId: string;
let year: number;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 5, staff: 300 })).orgId;
  year = Number(today().slice(0, 4));
});

describe('demo funds', () => {
  it('has a year of budget, requests in every state, about 200 entries, a reversal and closed months', async () => {
    const chair = await loginAs(ctx, orgId, ['chair']);
    const rows = (await chair.get(`/api/funds/budget?year=${year}`)).json().data;
    const expense = rows.filter(
      (r: { kind: string; parentId: string | null }) => r.kind === 'expense' && !r.parentId,
    );
    const total = (k: string) => expense.reduce((s: number, r: Record<string, number>) => s + r[k], 0);
    expect(total('budgetFen')).toBeGreaterThan(200_000_000);
    expect(total('paidFen')).toBeGreaterThan(0);

    const requests = (await chair.get('/api/funds/requests?pageSize=200')).json().data;
    expect(new Set(requests.map((r: { status: string }) => r.status))).toEqual(
      new Set(EXPENSE_REQUEST_STATUSES),
    );

    const ledger = (await chair.get(`/api/funds/ledger?year=${year}&pageSize=200`)).json();
    expect(ledger.page.total).toBeGreaterThanOrEqual(150);
    expect(ledger.page.total).toBeLessThanOrEqual(260);
    expect(ledger.data.some((e: { reversesEntryId: string | null }) => e.reversesEntryId)).toBe(true);

    const periods = (await chair.get(`/api/funds/periods?year=${year}`)).json().data;
    const thisMonth = today().slice(0, 7);
    for (const p of periods) expect(p.closed, p.period).toBe(p.period < thisMonth);
  });
});
