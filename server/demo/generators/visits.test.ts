import { beforeAll, describe, expect, it } from 'vitest';
import type { CareEventView, VisitView } from '../../../common/schemas/visit.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
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
});
