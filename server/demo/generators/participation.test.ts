import { beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../lib/businessDate.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo year's participation reads back through the app's own figures.

let ctx: TestContext;
let orgId: string;
let year: number;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 13, staff: 300 })).orgId;
  year = Number(today().slice(0, 4));
});

describe('demo participation', () => {
  it('has about 30 suggestions, most adopted and handled; two forums mostly solved; 16 disclosures', async () => {
    const chair = await loginAs(ctx, orgId, ['chair']);
    const s = (await chair.get(`/api/democracy/stats?year=${year}`)).json().data;
    expect(s.suggestions.submitted).toBe(30);
    expect(s.suggestions.adopted).toBeGreaterThanOrEqual(12);
    expect(s.suggestions.adopted).toBeLessThanOrEqual(24);
    expect(s.suggestions.answered).toBeGreaterThan(0);
    expect(s.forums).toMatchObject({ held: 2, issuesRaised: 20 });
    expect(s.forums.issuesSolved).toBeGreaterThanOrEqual(12);
    expect(s.disclosures.total).toBe(14);
    expect(s.disclosures.byCategory.every((c: { count: number }) => c.count > 0)).toBe(true);
    expect(s.participation.participants).toBeGreaterThanOrEqual(30);

    const forums = (await chair.get(`/api/forums?year=${year}`)).json().data;
    expect(forums.map((f: { kind: string }) => f.kind).sort()).toEqual(['patientFamily', 'staff']);
    const all = (await chair.get('/api/disclosures?pageSize=50')).json();
    expect(all.page.total).toBe(16);
    expect(new Set(all.data.map((d: { channel: string }) => d.channel))).toEqual(
      new Set(['noticeBoard', 'intranet', 'congress']),
    );
  });

  it('left notifications for the departments that handle the items', async () => {
    const handlers = await ctx.deps.db.query.users.findMany({
      where: (u, { and, eq, sql }) => and(eq(u.orgId, orgId), sql`'handler' = any(${u.roles})`),
    });
    expect(handlers.length).toBeGreaterThan(0);
    const rows = await ctx.deps.db.query.notifications.findMany({ where: (n, { eq }) => eq(n.orgId, orgId) });
    expect(rows.some((n) => n.kind === 'assigned')).toBe(true);
  });
});
