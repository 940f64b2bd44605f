import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { donationDrives, donations, ledgerEntries } from '../../db/schema/index.js';
import { runDemo } from '../../demo/run.js';
import { setupTestApp, type TestContext } from '../../test/helpers.js';

// The demo's donation drives: the handed-over one agrees with its two ledger entries.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 11, staff: 300 })).orgId;
}, 120_000);

describe('demo donation drives', () => {
  it('one drive handed over (its donations = its income = its expense), one still open', async () => {
    const drives = await ctx.deps.db.select().from(donationDrives).where(eq(donationDrives.orgId, orgId));
    expect(drives.map((d) => d.status).sort()).toEqual(['handedOver', 'open']);
    const done = drives.find((d) => d.status === 'handedOver')!;
    const [{ total, n }] = await ctx.deps.db
      .select({
        total: sql<number>`sum(${donations.amountFen})`.mapWith(Number),
        n: sql<number>`count(*)`.mapWith(Number),
      })
      .from(donations)
      .where(and(eq(donations.orgId, orgId), eq(donations.driveId, done.id)));
    expect(n).toBeGreaterThanOrEqual(100);
    expect(done.handoverFen).toBe(total);
    const entries = await ctx.deps.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.sourceId, done.id)));
    expect(entries.map((e) => [e.kind, e.amountFen, e.sourceModule]).sort()).toEqual([
      ['expense', total, 'donation'],
      ['income', total, 'donation'],
    ]);
    expect(ctx.deps.sealer.open(done.reasonEnc!)).toContain('肾移植');
  });
});
