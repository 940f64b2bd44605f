import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CareEventView, FestivalRow, VisitView } from '../../../common/schemas/visit.js';
import { hardshipFiles, members, membershipEvents, visits } from '../../db/schema/index.js';
import { today } from '../../lib/businessDate.js';
import { festivalDay } from '../../modules/careStats/careStats.festivals.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { addDays } from '../rng.js';
import { runDemo } from '../run.js';

// The demo visits read back through the app: birthdays, paid 五必访 visits, reported events still open.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 9, staff: 300 })).orgId;
});

describe('demo visits', () => {
  it('has a year of visits, paid ones posted, and events on the worklist', async () => {
    const officer = await loginAs(ctx, orgId, ['officer']);
    const all = (await officer.get('/api/care/visits?pageSize=200')).json();
    expect(all.page.total).toBeGreaterThan(50);
    const paid = (await officer.get('/api/care/visits?reason=hospitalised&pageSize=200')).json()
      .data as VisitView[];
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.every((v) => v.cashFen === 50_000 && v.ledgerEntryId)).toBe(true);
    const open = (await officer.get('/api/care/events?status=open')).json().data as CareEventView[];
    expect(open.length).toBe(7);
    expect(open.some((e) => e.overdue)).toBe(true);
  });

  it('visited the retirees at both festivals already past, and lists them again for the next one', async () => {
    const day = today();
    const year = Number(day.slice(0, 4));
    const retired = await ctx.deps.db
      .select({ id: members.id, birthDate: members.birthDate, retiredOn: membershipEvents.date })
      .from(members)
      .innerJoin(membershipEvents, eq(membershipEvents.memberId, members.id))
      .where(and(eq(members.orgId, orgId), eq(membershipEvents.action, 'retire')));
    expect(retired.length).toBe(36);
    const held = await ctx.deps.db
      .select({ memberId: hardshipFiles.memberId })
      .from(hardshipFiles)
      .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.status, 'active')));
    const hardship = new Set(held.map((h) => h.memberId));
    for (const name of ['春节', '中秋'] as const) {
      const festivalDate = addDays(festivalDay(year, name)!, -7);
      const festive = await ctx.deps.db
        .select()
        .from(visits)
        .where(and(eq(visits.orgId, orgId), eq(visits.festival, `${year}${name}`)));
      const byMember = new Map(festive.map((v) => [v.memberId, v]));
      const then = retired.filter((m) => m.retiredOn < festivalDate);
      if (day < festivalDate) {
        expect(festive, name).toHaveLength(0);
        continue;
      }
      // Most of that day's retirees, none retired later; cash only to households and those 80 and over.
      expect(then.filter((m) => byMember.has(m.id)).length).toBeGreaterThanOrEqual(then.length * 0.85);
      expect(retired.filter((m) => m.retiredOn >= festivalDate && byMember.has(m.id))).toHaveLength(0);
      for (const v of festive) {
        expect(v.visitDate).toBe(festivalDate);
        const m = retired.find((r) => r.id === v.memberId);
        expect(hardship.has(v.memberId) || m !== undefined).toBe(true);
        const eighty = m !== undefined && m.birthDate <= `${year - 80}${festivalDate.slice(4)}`;
        if (!hardship.has(v.memberId) && !eighty) expect(v.cashFen).toBe(0);
        expect(v.cashFen === 0 ? v.ledgerEntryId === null : v.ledgerEntryId !== null).toBe(true);
      }
    }
    const officer = await loginAs(ctx, orgId, ['officer']);
    const res = await officer.get(
      `/api/care/worklists/festival?festival=${encodeURIComponent(`${year + 1}春节`)}`,
    );
    expect(res.statusCode).toBe(200);
    const next = res.json().data as FestivalRow[];
    expect(
      next
        .filter((r) => r.retiree)
        .map((r) => r.memberId)
        .sort(),
    ).toEqual(retired.map((r) => r.id).sort());
  });
});
