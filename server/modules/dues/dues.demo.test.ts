import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  duesImports,
  duesPayments,
  fundPeriods,
  fundReviewNotes,
  ledgerEntries,
} from '../../db/schema/index.js';
import { runDemo } from '../../demo/run.js';
import { today } from '../../lib/businessDate.js';
import { setupTestApp, type TestContext } from '../../test/helpers.js';
import { duesService } from './dues.service.js';

// The demo year of dues agrees with the ledger and shows what the screens are for.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 11, staff: 300 })).orgId;
}, 120_000);

describe('demo dues', () => {
  it('one import per finished month whose rows add up to its ledger entry; arrears, exemptions, a closed reviewed January', async () => {
    const finished = Number(today().slice(5, 7)) - 1;
    const imports = await ctx.deps.db.select().from(duesImports).where(eq(duesImports.orgId, orgId));
    expect(imports).toHaveLength(finished);
    for (const i of imports) {
      const [{ s }] = await ctx.deps.db
        .select({ s: sql<number>`sum(${duesPayments.amountFen})`.mapWith(Number) })
        .from(duesPayments)
        .where(and(eq(duesPayments.orgId, orgId), eq(duesPayments.importId, i.id)));
      const [entry] = await ctx.deps.db
        .select()
        .from(ledgerEntries)
        .where(eq(ledgerEntries.id, i.ledgerEntryId!));
      expect(entry).toMatchObject({ amountFen: s, sourceModule: 'dues', period: i.month });
      expect(i.status).toBe('committed');
    }
    if (finished === 0) return;
    const auth = { orgId } as Parameters<typeof duesService.arrears>[1];
    if (finished >= 7) {
      const followUp = await duesService.arrears(ctx.deps, auth, { minMonths: 6 });
      expect(followUp.length).toBeGreaterThanOrEqual(5);
    }
    expect((await duesService.listExemptions(ctx.deps, auth)).length).toBe(3);
    const january = `${today().slice(0, 4)}-01`;
    const [closed] = await ctx.deps.db
      .select()
      .from(fundPeriods)
      .where(and(eq(fundPeriods.orgId, orgId), eq(fundPeriods.period, january)));
    expect(closed).toBeTruthy();
    const notes = await ctx.deps.db.select().from(fundReviewNotes).where(eq(fundReviewNotes.orgId, orgId));
    expect(notes.map((n) => n.period)).toEqual([january]);
  });
});
