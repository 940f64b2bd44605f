import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProposalListItem, TopicView } from '../../../common/schemas/proposal.js';
import { congressMeetings } from '../../db/schema/index.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo proposals read back through the app as if the app had written them.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 7, staff: 300 })).orgId;
});

describe('demo proposals', () => {
  it('about 50 proposals in 20 topics, handled mostly to 满意, one reopened, some overdue', async () => {
    const [meeting] = await ctx.deps.db
      .select()
      .from(congressMeetings)
      .where(eq(congressMeetings.orgId, orgId));
    const chair = await loginAs(ctx, orgId, ['chair']);
    const list = (await chair.get(`/api/proposals?meetingId=${meeting.id}&pageSize=200`)).json();
    expect(list.page.total).toBeGreaterThanOrEqual(45);
    expect(list.page.total).toBeLessThanOrEqual(55);
    const numbers = list.data.map((p: ProposalListItem) => p.number).sort();
    expect(numbers[0]).toBe('三届二次-001');
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(list.data.filter((p: ProposalListItem) => p.state === 'notAccepted').length).toBe(4);

    const topics: TopicView[] = (await chair.get(`/api/proposal-topics?meetingId=${meeting.id}`)).json().data;
    expect(topics).toHaveLength(20);
    const states = topics.map((t) => t.handling?.state);
    expect(states.filter((s) => s === 'assigned')).toHaveLength(3);
    expect(topics.filter((t) => t.handling?.overdue)).toHaveLength(2);
    const satisfied = topics.filter((t) => t.handling?.satisfaction === 'satisfied').length;
    expect(satisfied).toBeGreaterThan(8);
    expect(topics.filter((t) => (t.handling?.round ?? 1) > 1)).toHaveLength(1);

    const overdue = (await chair.get('/api/proposals?overdue=1&pageSize=200')).json().data;
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    const first = list.data.find((p: ProposalListItem) => p.state === 'closed' || p.state === 'rated');
    const history = (await chair.get(`/api/proposals/${first.id}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toContain('rate');
  });
});
