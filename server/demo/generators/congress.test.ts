import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PollResult, PollView } from '../../../common/schemas/poll.js';
import { congressMeetings } from '../../db/schema/index.js';
import { loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { runDemo } from '../run.js';

// The demo congress reads back through the app as if the app had written it.

let ctx: TestContext;
let orgId: string;
beforeAll(async () => {
  ctx = await setupTestApp();
  orgId = (await runDemo(ctx.deps, { seed: 11, staff: 300 })).orgId;
});

describe('demo congress', () => {
  it('has a closed meeting with about a hundred delegates, the quorum reached and closed polls', async () => {
    const [meeting] = await ctx.deps.db
      .select()
      .from(congressMeetings)
      .where(eq(congressMeetings.orgId, orgId));
    expect(meeting).toMatchObject({ title: '第三届第二次职工代表大会', status: 'closed' });
    const chair = await loginAs(ctx, orgId, ['chair']);
    const board = (await chair.get(`/api/congress/meetings/${meeting.id}/attendance`)).json().data;
    expect(board.delegates.length).toBeGreaterThanOrEqual(90);
    expect(board.delegates.length).toBeLessThanOrEqual(100);
    expect(new Set(board.delegates.map((d: { kind: string }) => d.kind))).toEqual(
      new Set(['full', 'observer', 'invited']),
    );
    expect(board.quorumReached).toBe(true);

    const list: PollView[] = (await chair.get(`/api/polls?meetingId=${meeting.id}`)).json().data;
    expect(list.map((p) => p.status)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed']);
    for (const p of list) {
      const r: PollResult = (await chair.get(`/api/polls/${p.id}/result`)).json().data;
      expect(r.entitled).toBe(board.entitled);
      expect(r.passed).toBe(p.passed);
      if (p.subject !== 'election') expect(r.for + r.against + r.abstain).toBe(r.cast);
    }
    const report = list.find((p) => p.title === '院长工作报告')!;
    expect(report.passed).toBe(true);
    const election = list.find((p) => p.subject === 'election')!;
    expect(election.electionMethod).toBe('competitive');
  });
});
