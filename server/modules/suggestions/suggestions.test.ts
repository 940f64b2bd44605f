import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import {
  anonymous,
  type Client,
  createOrg,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { type HandlingWorld, handlingWorld, noticesOf } from '../handling/testkit.js';
import { createMember } from '../members/testkit.js';
import { suggestionsService } from './suggestions.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const body = { title: '门诊楼增设自助饮水机', content: '夜班职工取水不便，建议每层增设一台。' };

/** A handling world plus a plain member account linked to a third member (rater1 is m1, a delegate). */
async function world() {
  const w = await handlingWorld(ctx);
  const m3 = await createMember(w.officer, w.dept.id, { name: '赵药师' });
  const member = await loginAs(ctx, w.org.id, ['member'], { memberId: m3.id });
  return { ...w, m3, member };
}

async function submit(c: Client) {
  const res = await c.post('/api/suggestions', body);
  if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

async function adopted(w: Awaited<ReturnType<typeof world>>) {
  const s = await submit(w.member);
  const res = await w.officer.post(`/api/suggestions/${s.id}/adopt`, {
    version: s.version,
    reason: '很有必要',
  });
  if (res.statusCode !== 200) throw new Error(`adopt: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

function assignBody(w: HandlingWorld, extra: Record<string, unknown> = {}) {
  return { leadDepartmentId: w.logistics.id, coDepartmentIds: [], dueDate: addDays(today(), 20), ...extra };
}

describe('POST /suggestions', () => {
  it('401 anonymous, 403 for the account administrator, 409 without a linked member record', async () => {
    const org = await createOrg(ctx.deps);
    expect((await anonymous(ctx.app).post('/api/suggestions', body)).statusCode).toBe(401);
    const admin = await loginAs(ctx, org.id, ['sysAdmin']);
    expect((await admin.post('/api/suggestions', body)).statusCode).toBe(403);
    const unlinked = await loginAs(ctx, org.id, ['member']);
    const res = await unlinked.post('/api/suggestions', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'MEMBER_LINK_REQUIRED' });
    expect(res.json().error.message).toContain('关联会员');
  });

  it('400 naming the field', async () => {
    const w = await world();
    const res = await w.member.post('/api/suggestions', { title: '', content: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'title', message: '请填写建议标题' });
  });

  it('a member sends one as themselves; audited', async () => {
    const w = await world();
    const s = await submit(w.member);
    expect(s).toMatchObject({
      memberId: w.m3.id,
      memberName: '赵药师',
      state: 'submitted',
      submittedOn: today(),
      handling: null,
      abilities: { decide: false, rate: false },
    });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'suggestion.create'), eq(auditLog.objectId, s.id)));
    expect(audit).toHaveLength(1);
  });
});

describe('GET /suggestions and /suggestions/:id', () => {
  it('a member sees only their own; the committee sees all; other unions nothing', async () => {
    const w = await world();
    const mine = await submit(w.member);
    const theirs = await submit(w.rater1);
    const list = (await w.member.get('/api/suggestions')).json();
    expect(list.data.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect((await w.member.get(`/api/suggestions/${theirs.id}`)).statusCode).toBe(404);
    expect((await w.officer.get('/api/suggestions')).json().page.total).toBe(2);
    expect((await w.officer.get(`/api/suggestions/${theirs.id}`)).json().data.abilities.decide).toBe(true);
    const other = await world();
    expect((await other.officer.get(`/api/suggestions/${mine.id}`)).statusCode).toBe(404);
    expect((await w.officer.get(`/api/suggestions/${NO_SUCH}`)).statusCode).toBe(404);
    expect((await w.officer.get('/api/suggestions?state=nope')).statusCode).toBe(400);
    expect((await anonymous(ctx.app).get('/api/suggestions')).statusCode).toBe(401);
  });

  it('filters by year and state', async () => {
    const w = await world();
    await adopted(w);
    await submit(w.member);
    const year = Number(today().slice(0, 4));
    expect((await w.officer.get(`/api/suggestions?year=${year}&state=adopted`)).json().page.total).toBe(1);
    expect((await w.officer.get(`/api/suggestions?year=${year - 1}`)).json().page.total).toBe(0);
  });
});

describe('adopt / decline', () => {
  it('403 for a member, 404 other union, 400 decline without a reason, 409 on a second decision', async () => {
    const w = await world();
    const s = await submit(w.member);
    expect((await w.member.post(`/api/suggestions/${s.id}/adopt`, { version: 1 })).statusCode).toBe(403);
    const other = await world();
    expect((await other.officer.post(`/api/suggestions/${s.id}/adopt`, { version: 1 })).statusCode).toBe(404);
    const noReason = await w.officer.post(`/api/suggestions/${s.id}/decline`, { version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const declined = await w.officer.post(`/api/suggestions/${s.id}/decline`, {
      version: 1,
      reason: '已有安排',
    });
    expect(declined.json().data).toMatchObject({ state: 'declined', decisionReason: '已有安排' });
    const again = await w.officer.post(`/api/suggestions/${s.id}/adopt`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('当前状态为“未采纳”，不能执行“采纳”');
    const told = await noticesOf(ctx, w.member.user.id, 'suggestionReviewed');
    expect(told[0].title).toContain('未被采纳');
  });

  it('two racing adoptions: one wins, one 409', async () => {
    const w = await world();
    const s = await submit(w.member);
    const results = await Promise.all([
      w.officer.post(`/api/suggestions/${s.id}/adopt`, { version: 1 }),
      w.officer.post(`/api/suggestions/${s.id}/adopt`, { version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('the handling loop for an adopted suggestion', () => {
  it('assign → the department answers → the member rates → closed, with notifications', async () => {
    const w = await world();
    const s = await adopted(w);
    expect(s.abilities).toMatchObject({ assign: true, reward: true });

    const assigned = await w.officer.post(`/api/suggestions/${s.id}/assign`, assignBody(w));
    expect(assigned.statusCode).toBe(200);
    const h = assigned.json().data.handling;
    expect(h).toMatchObject({
      state: 'assigned',
      leadDepartmentId: w.logistics.id,
      raterMemberIds: [w.m3.id],
    });
    expect(await noticesOf(ctx, w.handlerLogistics.user.id, 'assigned')).toHaveLength(1);

    // The department answers through the shared handling route.
    const answer = await w.handlerLogistics.post(`/api/handling/items/${h.id}/answer`, {
      content: '已在每层增设饮水机',
      doneOn: today(),
      version: h.version,
    });
    expect(answer.statusCode).toBe(200);
    expect(await noticesOf(ctx, w.member.user.id, 'pleaseRate')).toHaveLength(1);

    const view = (await w.member.get(`/api/suggestions/${s.id}`)).json().data;
    expect(view.abilities.rate).toBe(true);
    expect(view.handlingDetail.responses[0].content).toBe('已在每层增设饮水机');
    // Only the member who sent it rates it: not the committee, not another member.
    const rateAs = (c: Client) =>
      c.post(`/api/suggestions/${s.id}/rate`, { satisfaction: 'satisfied', version: view.handling.version });
    expect((await rateAs(w.officer)).json().error.code).toBe('MEMBER_LINK_REQUIRED');
    expect((await rateAs(w.rater1)).statusCode).toBe(404);
    const rated = await w.member.post(`/api/suggestions/${s.id}/rate`, {
      satisfaction: 'satisfied',
      version: view.handling.version,
    });
    expect(rated.json().data.handling).toMatchObject({ state: 'rated', satisfaction: 'satisfied' });
    expect(
      (await w.member.post(`/api/suggestions/${s.id}/rate`, { satisfaction: 'satisfied', version: 3 }))
        .statusCode,
    ).toBe(409);

    expect((await w.member.post(`/api/suggestions/${s.id}/close`, { version: 3 })).statusCode).toBe(403);
    const closed = await w.officer.post(`/api/suggestions/${s.id}/close`, {
      version: rated.json().data.handling.version,
    });
    expect(closed.json().data.handling.state).toBe('closed');
  });

  it('409 assigning a suggestion not adopted; 400 for an unknown department; 409 rating before the answer', async () => {
    const w = await world();
    const s = await submit(w.member);
    expect((await w.officer.post(`/api/suggestions/${s.id}/assign`, assignBody(w))).statusCode).toBe(409);
    const a = await adopted(w);
    const bad = await w.officer.post(
      `/api/suggestions/${a.id}/assign`,
      assignBody(w, { leadDepartmentId: NO_SUCH }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('leadDepartmentId');
    const assigned = (await w.officer.post(`/api/suggestions/${a.id}/assign`, assignBody(w))).json().data;
    const early = await w.member.post(`/api/suggestions/${a.id}/rate`, {
      satisfaction: 'satisfied',
      version: assigned.handling.version,
    });
    expect(early.statusCode).toBe(409);
  });

  it('an unlinked account cannot rate (409), and the reward is noted only once adopted', async () => {
    const w = await world();
    const s = await submit(w.member);
    const unlinked = await loginAs(ctx, w.org.id, ['member']);
    expect(
      (await unlinked.post(`/api/suggestions/${s.id}/rate`, { satisfaction: 'satisfied', version: 1 })).json()
        .error.code,
    ).toBe('MEMBER_LINK_REQUIRED');
    expect(
      (await w.officer.put(`/api/suggestions/${s.id}/reward`, { rewardNote: 'x', version: 1 })).statusCode,
    ).toBe(409);
    const a = await adopted(w);
    expect(
      (await w.officer.put(`/api/suggestions/${a.id}/reward`, { rewardFen: 1.5, version: a.version }))
        .statusCode,
    ).toBe(400);
    const rewarded = await w.officer.put(`/api/suggestions/${a.id}/reward`, {
      rewardNote: '合理化建议三等奖',
      rewardFen: 20000,
      version: a.version,
    });
    expect(rewarded.json().data).toMatchObject({ rewardNote: '合理化建议三等奖', rewardFen: 20000 });
    expect(
      (await w.member.put(`/api/suggestions/${a.id}/reward`, { rewardFen: 1, version: 3 })).statusCode,
    ).toBe(403);
  });
});

describe('createFromProposal', () => {
  it('turns a proposal into its proposer’s suggestion once; a second conversion is 409', async () => {
    const w = await world();
    const proposalId = '11111111-1111-4111-8111-111111111111';
    const input = {
      proposalId,
      memberId: w.m1.id,
      title: '提案转建议',
      content: '内容',
      reason: '不属于提案范围',
    };
    const s = await ctx.deps.db.transaction((tx) =>
      suggestionsService.createFromProposal(tx, w.actor, input),
    );
    expect(s).toMatchObject({
      memberId: w.m1.id,
      state: 'submitted',
      proposalId,
      decisionReason: '不属于提案范围',
    });
    await expect(
      ctx.deps.db.transaction((tx) => suggestionsService.createFromProposal(tx, w.actor, input)),
    ).rejects.toMatchObject({ status: 409, code: 'DUPLICATE' });
    const other = await createOrg(ctx.deps);
    await expect(
      ctx.deps.db.transaction((tx) =>
        suggestionsService.createFromProposal(
          tx,
          { ...w.actor, orgId: other.id },
          { ...input, proposalId: NO_SUCH },
        ),
      ),
    ).rejects.toMatchObject({ status: 404 });
    const list = (await w.rater1.get('/api/suggestions')).json();
    expect(list.data[0].proposalId).toBe(proposalId);
  });
});
