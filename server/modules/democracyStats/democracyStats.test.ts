import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  congressMeetings,
  congressTerms,
  members,
  proposals,
  proposalTopics,
} from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { handlingWorld } from '../handling/testkit.js';
import { createMember } from '../members/testkit.js';
import { percent } from './democracyStats.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const YEAR = Number(today().slice(0, 4));

/** A meeting held this year with proposals in the given states (rows written directly: the
 * proposal workflow has its own tests; here only the counting matters). */
async function meetingWithProposals(
  orgId: string,
  proposerIds: string[],
  rows: { state: string; topic?: boolean; satisfaction?: string }[],
  date = `${YEAR}-03-01`,
) {
  const [term] = await ctx.deps.db
    .insert(congressTerms)
    .values({ orgId, number: Number(date.slice(0, 4)), startDate: '2024-01-01' })
    .returning();
  const [meeting] = await ctx.deps.db
    .insert(congressMeetings)
    .values({ orgId, termId: term.id, number: 2, title: '第三届第二次职工代表大会', date })
    .returning();
  const [topic] = await ctx.deps.db
    .insert(proposalTopics)
    .values({ orgId, meetingId: meeting.id, title: '食堂' })
    .returning();
  await ctx.deps.db.insert(proposals).values(
    rows.map((r, i) => ({
      orgId,
      meetingId: meeting.id,
      title: `提案${i}`,
      reasons: '理由',
      measures: '措施',
      category: '后勤',
      proposerMemberId: proposerIds[i % proposerIds.length],
      state: r.state,
      topicId: r.topic ? topic.id : null,
      satisfaction: r.satisfaction ?? null,
    })),
  );
}

describe('GET /democracy/stats', () => {
  it('401 anonymous, 403 for a member and a department handler, 400 without a year', async () => {
    const w = await handlingWorld(ctx);
    expect((await anonymous(ctx.app).get(`/api/democracy/stats?year=${YEAR}`)).statusCode).toBe(401);
    const member = await loginAs(ctx, w.org.id, ['member']);
    expect((await member.get(`/api/democracy/stats?year=${YEAR}`)).statusCode).toBe(403);
    expect((await w.handlerLogistics.get(`/api/democracy/stats?year=${YEAR}`)).statusCode).toBe(403);
    const res = await w.officer.get('/api/democracy/stats');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('year');
  });

  it('counts the year: proposals, suggestions with the adoption rate, forum problems, disclosures, participation', async () => {
    const w = await handlingWorld(ctx);
    const o = w.officer;
    // Members on the roster: m1, m2 (from the world) and a third who does nothing.
    const m3 = await createMember(o, w.dept.id, { name: '旁观者', joinedAt: '2010-01-01' });
    await ctx.deps.db
      .update(members)
      .set({ status: 'member' })
      .where(inArray(members.id, [w.m1.id, w.m2.id]));
    await meetingWithProposals(
      w.org.id,
      [w.m1.id],
      [
        { state: 'draft' },
        { state: 'submitted' },
        { state: 'notAccepted' },
        { state: 'accepted', topic: true },
        { state: 'assigned', topic: true },
        { state: 'closed', satisfaction: 'satisfied' },
        { state: 'rated', satisfaction: 'basicallySatisfied' },
      ],
    );
    // Last year's meeting is not counted.
    await meetingWithProposals(w.org.id, [w.m2.id], [{ state: 'closed' }], `${YEAR - 1}-03-01`);

    // Suggestions by m2 (rater2): one adopted and answered, one declined, one pending.
    const sent = [];
    for (let i = 0; i < 3; i++) {
      sent.push(
        (await w.rater2.post('/api/suggestions', { title: `建议${i}`, content: '内容' })).json().data,
      );
    }
    await o.post(`/api/suggestions/${sent[0].id}/adopt`, { version: 1 });
    await o.post(`/api/suggestions/${sent[1].id}/decline`, { version: 1, reason: '暂不具备条件' });
    const assigned = (
      await o.post(`/api/suggestions/${sent[0].id}/assign`, {
        leadDepartmentId: w.logistics.id,
        dueDate: addDays(today(), 10),
      })
    ).json().data;
    await w.handlerLogistics.post(`/api/handling/items/${assigned.handling.id}/answer`, {
      content: '已办',
      doneOn: today(),
      version: assigned.handling.version,
    });

    // A forum with three problems: one solved on the spot, one assigned and not yet answered.
    const forum = (
      await o.post('/api/forums', {
        kind: 'staff',
        title: '职工座谈会',
        date: `${YEAR}-01-10`,
        participantCount: 30,
      })
    ).json().data;
    let detail = forum;
    for (const c of ['一', '二', '三'])
      detail = (await o.post(`/api/forums/${forum.id}/issues`, { content: c })).json().data;
    await o.post(`/api/forum-issues/${detail.issues[0].id}/resolve-on-spot`, {
      resolution: '当场解决',
      version: 1,
    });
    await o.post(`/api/forum-issues/${detail.issues[1].id}/assign`, {
      resolutionKind: 'explained',
      leadDepartmentId: w.hr.id,
      dueDate: addDays(today(), 10),
      version: 1,
    });

    const d = (
      await o.post('/api/disclosures', {
        category: 'integrity',
        channel: 'intranet',
        date: `${YEAR}-02-01`,
        title: '廉政',
      })
    ).json().data;
    await o.post(`/api/disclosures/${d.id}/publish`, { version: 1 });

    const s = (await o.get(`/api/democracy/stats?year=${YEAR}`)).json().data;
    expect(s.proposals).toEqual({
      submitted: 6,
      accepted: 4,
      notAccepted: 1,
      merged: 2,
      topics: 1,
      answered: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 0,
    });
    expect(s.suggestions).toEqual({ submitted: 3, adopted: 1, declined: 1, adoptionRate: 50, answered: 1 });
    expect(s.forums).toEqual({ held: 1, issuesRaised: 3, issuesSolved: 1 });
    expect(s.disclosures.byCategory.find((c: { category: string }) => c.category === 'integrity').count).toBe(
      1,
    );
    // m1 proposed, m2 suggested, m3 did neither: 2 of 3 members.
    expect(s.participation).toEqual({ members: 3, participants: 2, rate: 66.7 });
    expect(m3.status).toBe('member');

    // Another union sees only its own (empty) year.
    const other = await handlingWorld(ctx);
    const empty = (await other.officer.get(`/api/democracy/stats?year=${YEAR}`)).json().data;
    expect(empty.proposals.submitted).toBe(0);
    expect(empty.suggestions).toMatchObject({ submitted: 0, adoptionRate: null });
  });

  it('percent rounds to one decimal and refuses to divide by zero', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });
});
