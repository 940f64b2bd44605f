import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HardshipFileView, HardshipListItem } from '../../../common/schemas/hardship.js';
import type { ClaimListItem, MutualAidPlanView } from '../../../common/schemas/mutualAid.js';
import { expenseRequests, ledgerEntries, members } from '../../db/schema/index.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo hardship files and mutual aid read back through the app.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 5, staff: 300 })).orgId;
});

describe('demo hardship files', () => {
  it('has about 1.5% of the members on file, levels mixed, readable details', async () => {
    const officer = await loginAs(ctx, orgId, ['officer']);
    const list = (await officer.get('/api/care/hardship?pageSize=200')).json();
    const rows: HardshipListItem[] = list.data;
    const joined = await ctx.deps.db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.orgId, orgId), eq(members.status, 'member')));
    expect(rows.length).toBe(Math.max(3, Math.round(joined.length * 0.015)));
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(rows.length);
    const first = (await officer.get(`/api/care/hardship/${rows[0]?.id}`)).json().data as HardshipFileView;
    expect(first.household.length).toBeGreaterThan(0);
    expect(first.monthlyIncomePerHeadFen).toBeGreaterThan(0);
    expect(first.events[0]?.kind).toBe('registered');
  });
});

describe('demo mutual aid', () => {
  it('enrols the members, pays the premiums as one entry settling an approved request, has claims', async () => {
    const chair = await loginAs(ctx, orgId, ['chair']);
    const [plan] = (await chair.get('/api/care/mutual-aid/plans')).json().data as MutualAidPlanView[];
    expect(plan?.enrolled).toBeGreaterThan(200);
    expect(plan?.premiumPaidFen).toBe(plan?.premiumTotalFen);
    const entries = await ctx.deps.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.sourceModule, 'mutualAid')));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ amountFen: plan?.premiumTotalFen, approvedBy: 'request' });
    const [request] = await ctx.deps.db
      .select()
      .from(expenseRequests)
      .where(eq(expenseRequests.id, entries[0]!.expenseRequestId!));
    expect(request?.status).toBe('paid');
    const claims = (await chair.get('/api/care/mutual-aid/claims?pageSize=100')).json()
      .data as ClaimListItem[];
    expect(claims.length).toBeGreaterThanOrEqual(4);
    for (const c of claims.filter((x) => x.status === 'paid')) expect(c.payoutFen).toBeGreaterThan(0);
  });
});
