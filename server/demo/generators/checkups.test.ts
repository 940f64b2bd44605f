import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckupBatchView,
  CheckupParticipantView,
  CheckupProgrammeView,
} from '../../../common/schemas/checkup.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo checkup read back through the app: published, most attended, a few flagged, batches in capacity.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 5, staff: 300 })).orgId;
});

describe('demo checkup', () => {
  it('publishes the year’s programme with most attended and women given their extra items', async () => {
    const officer = await loginAs(ctx, orgId, ['officer']);
    const [p]: CheckupProgrammeView[] = (await officer.get('/api/care/checkups')).json().data;
    expect(p.status).toBe('published');
    const c = p.counts;
    expect(c.eligible).toBeGreaterThan(100);
    expect(c.assigned).toBe(c.eligible);
    expect(c.coverage).toBeGreaterThan(0.8);
    expect(c.attended + c.absent + c.rescheduled + c.pending).toBe(c.eligible);

    const batches: CheckupBatchView[] = (await officer.get(`/api/care/checkups/${p.id}/batches`)).json().data;
    expect(batches.every((b) => b.assigned <= b.capacity)).toBe(true);

    const rows: CheckupParticipantView[] = (
      await officer.get(`/api/care/checkups/${p.id}/participants?pageSize=200`)
    ).json().data;
    expect(rows.filter((r) => r.gender === 'female').every((r) => r.extraItems.length === 2)).toBe(true);
    expect(rows.filter((r) => r.gender === 'male').every((r) => r.extraItems.length === 0)).toBe(true);
    const flagged: CheckupParticipantView[] = (
      await officer.get(`/api/care/checkups/${p.id}/participants?followUp=true&pageSize=200`)
    ).json().data;
    expect(flagged.length).toBe(c.followUps);
    expect(flagged.every((r) => r.attendance === 'attended' && r.followUpNote)).toBe(true);
  });
});
