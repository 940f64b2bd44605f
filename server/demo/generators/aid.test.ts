import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidCaseRow, AidCaseView } from '../../../common/schemas/aid.js';
import { aidCases, ledgerEntries, welfareRules } from '../../db/schema/index.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo aid cases read back through the app: every step present, one ledger entry per paid case,
// grants within the rule of the case's date, and cases that open with their reason and materials.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 11, staff: 300 })).orgId;
});

describe('demo aid cases', () => {
  it('has cases at several steps, each paid one with exactly one workflow-approved ledger entry', async () => {
    const officer = await loginAs(ctx, orgId, ['officer']);
    const list = (await officer.get('/api/care/aid?pageSize=200')).json();
    const rows: AidCaseRow[] = list.data;
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.state)).size).toBeGreaterThanOrEqual(4);
    const paid = rows.filter((r) => r.state === 'paid');
    expect(paid.length).toBeGreaterThan(0);
    for (const r of paid) {
      const entries = await ctx.deps.db
        .select()
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.orgId, orgId),
            eq(ledgerEntries.sourceModule, 'aid'),
            eq(ledgerEntries.sourceId, r.id),
          ),
        );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ amountFen: r.amountGrantedFen, approvedBy: 'workflow' });
    }
    const unpaid = rows.filter((r) => r.state !== 'paid').map((r) => r.id);
    const stray = await ctx.deps.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceModule, 'aid'));
    expect(stray.filter((e) => unpaid.includes(e.sourceId ?? ''))).toEqual([]);
  });

  it('grants within the yearly cap of the rule stored on each case', async () => {
    const rows = await ctx.deps.db
      .select({
        granted: aidCases.amountGrantedFen,
        asked: aidCases.amountAskedFen,
        cap: welfareRules.yearlyCapFen,
      })
      .from(aidCases)
      .innerJoin(welfareRules, eq(welfareRules.id, aidCases.ruleId))
      .where(eq(aidCases.orgId, orgId));
    for (const r of rows) {
      if (r.granted === null) continue;
      expect(r.granted).toBeLessThanOrEqual(r.asked);
      if (r.cap !== null) expect(r.granted).toBeLessThanOrEqual(r.cap);
    }
  });

  it('a reviewed case opens with its reason and every required material', async () => {
    const officer = await loginAs(ctx, orgId, ['officer']);
    const rows: AidCaseRow[] = (await officer.get('/api/care/aid?state=paid&pageSize=1')).json().data;
    const view: AidCaseView = (await officer.get(`/api/care/aid/${rows[0].id}`)).json().data;
    expect(view.reason?.length).toBeGreaterThan(0);
    expect(view.checklist?.filter((i) => i.required).every((i) => i.files.length === 1)).toBe(true);
    expect(view.events[0].action).toBe('apply');
    expect(view.events.at(-1)?.toState).toBe('paid');
  });
});
