import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlingItems, notifications, proposalWindows, suggestions } from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { orgWithOfficer } from '../members/testkit.js';
import {
  acceptedProposal,
  ok,
  type ProposalWorld,
  proposalBody,
  proposalWorld,
  submittedProposal,
} from './testkit.js';

let ctx: TestContext;
let w: ProposalWorld;
beforeAll(async () => {
  ctx = await setupTestApp();
  w = await proposalWorld(ctx);
});

const missing = '00000000-0000-4000-8000-000000000000';
const assignBody = (extra: Record<string, unknown> = {}) => ({
  leadDepartmentId: w.logistics.id,
  coDepartmentIds: [w.hr.id],
  dueDate: addDays(today(), 30),
  ...extra,
});

async function noticeKinds(userId: string, objectId: string) {
  const rows = await ctx.deps.db.select().from(notifications).where(eq(notifications.userId, userId));
  return rows.filter((n) => n.objectId === objectId).map((n) => n.kind);
}

describe('POST /proposals (draft) and PUT', () => {
  it('401, 403 for a non-delegate role and for a delegate of no term, 404 meeting, 400 fields', async () => {
    const body = proposalBody(w);
    expect((await anonymous(ctx.app).post('/api/proposals', body)).statusCode).toBe(401);
    expect((await w.officer.post('/api/proposals', body)).statusCode).toBe(403);
    const unlinked = await loginAs(ctx, w.org.id, ['delegate']);
    expect((await unlinked.post('/api/proposals', body)).statusCode).toBe(403);
    expect((await w.delegates[0].post('/api/proposals', { ...body, meetingId: missing })).statusCode).toBe(
      404,
    );
    const noTitle = await w.delegates[0].post('/api/proposals', { ...body, title: '' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.details[0]).toEqual({ path: 'title', message: '请填写案由' });
    const badCategory = await w.delegates[0].post('/api/proposals', { ...body, category: '娱乐' });
    expect(badCategory.json().error.details[0].path).toBe('category');
    const self = await w.delegates[0].post('/api/proposals', {
      ...body,
      cosignerMemberIds: [w.delegates[0].memberId],
    });
    expect(self.json().error.details[0]).toEqual({
      path: 'cosignerMemberIds',
      message: '提案人不能作为自己的附议人',
    });
  });

  it('creates a private draft that only its proposer edits; other people get 404', async () => {
    const p = await ok(await w.delegates[0].post('/api/proposals', proposalBody(w)), 'create');
    expect(p).toMatchObject({ state: 'draft', number: null, abilities: { edit: true, submit: true } });
    expect(p.cosigners.map((c: { state: string }) => c.state)).toEqual(['invited', 'invited']);
    expect((await w.officer.get(`/api/proposals/${p.id}`)).statusCode).toBe(404);
    const { meetingId: _m, ...fields } = proposalBody(w);
    expect((await w.delegates[1].put(`/api/proposals/${p.id}`, { ...fields, version: 1 })).statusCode).toBe(
      404,
    );
    const edited = await ok(
      await w.delegates[0].put(`/api/proposals/${p.id}`, { ...fields, title: '夜班供餐', version: 1 }),
      'edit',
    );
    expect(edited).toMatchObject({ title: '夜班供餐', version: 2 });
    expect((await w.delegates[0].put(`/api/proposals/${p.id}`, { ...fields, version: 1 })).statusCode).toBe(
      409,
    );
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`/api/proposals/${p.id}`)).statusCode).toBe(404);
  });

  it('refuses a proposal outside the submission window (409)', async () => {
    const world = await proposalWorld(ctx);
    await ctx.deps.db
      .update(proposalWindows)
      .set({ opensOn: addDays(today(), 1), closesOn: addDays(today(), 3) })
      .where(eq(proposalWindows.meetingId, world.meeting.id));
    const res = await world.delegates[0].post('/api/proposals', proposalBody(world));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('不在提案征集期内');
  });
});

describe('submit, co-sign and numbering', () => {
  it('asks the co-signers, numbers it when the second confirms, and tells them in the app', async () => {
    const [author, c1, c2] = w.delegates;
    let p = await ok(await author.post('/api/proposals', proposalBody(w)), 'create');
    p = await ok(await author.post(`/api/proposals/${p.id}/submit`, { version: p.version }), 'submit');
    expect(p.state).toBe('awaitingCosigners');
    expect(await noticeKinds(c1.user.id, p.id)).toEqual(['cosignRequest']);
    const requests = (await c2.get('/api/proposals/cosign-requests')).json().data;
    expect(requests.map((r: { id: string }) => r.id)).toContain(p.id);
    expect((await w.delegates[3].post(`/api/proposals/${p.id}/cosign`, { confirm: true })).statusCode).toBe(
      404,
    );
    p = await ok(await c1.post(`/api/proposals/${p.id}/cosign`, { confirm: true }), 'c1');
    expect(p).toMatchObject({ state: 'awaitingCosigners', number: null });
    expect((await c1.post(`/api/proposals/${p.id}/cosign`, { confirm: true })).statusCode).toBe(409);
    p = await ok(await c2.post(`/api/proposals/${p.id}/cosign`, { confirm: true }), 'c2');
    expect(p.state).toBe('submitted');
    expect(p.number).toMatch(/^三届二次-\d{3}$/);
    expect((await author.post(`/api/proposals/${p.id}/submit`, { version: p.version })).statusCode).toBe(409);
    const history = (await author.get(`/api/proposals/${p.id}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['cosigned', 'submit', 'create']);
  });

  it('refuses to submit with too few co-signers (400) and lets the proposer recall it', async () => {
    const author = w.delegates[0];
    let p = await ok(
      await author.post('/api/proposals', proposalBody(w, { cosignerMemberIds: [w.delegates[1].memberId] })),
      'create',
    );
    const few = await author.post(`/api/proposals/${p.id}/submit`, { version: p.version });
    expect(few.statusCode).toBe(400);
    expect(few.json().error.details[0]).toEqual({
      path: 'cosignerMemberIds',
      message: '至少需要2名代表附议',
    });
    const { meetingId: _m, ...fields } = proposalBody(w);
    p = await ok(await author.put(`/api/proposals/${p.id}`, { ...fields, version: p.version }), 'edit');
    p = await ok(await author.post(`/api/proposals/${p.id}/submit`, { version: p.version }), 'submit');
    p = await ok(await author.post(`/api/proposals/${p.id}/recall`, { version: p.version }), 'recall');
    expect(p.state).toBe('draft');
  });

  it('gives gap-free numbers under concurrent co-signing', async () => {
    const world = await proposalWorld(ctx, { minCosigners: 1 });
    const [author, c1] = world.delegates;
    const drafts = [];
    for (let i = 0; i < 8; i++) {
      let p = await ok(
        await author.post('/api/proposals', proposalBody(world, { cosignerMemberIds: [c1.memberId] })),
        'create',
      );
      p = await ok(await author.post(`/api/proposals/${p.id}/submit`, { version: p.version }), 'submit');
      drafts.push(p);
    }
    const done = await Promise.all(
      drafts.map((p) => c1.post(`/api/proposals/${p.id}/cosign`, { confirm: true })),
    );
    expect(done.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const numbers = done.map((r) => r.json().data.number).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `三届二次-00${n}`));
  });
});

describe('POST /proposals/:id/review', () => {
  it('401, 403 for a delegate, 404 missing, 400 without a reason, 409 twice; not accepted may become a suggestion', async () => {
    const p = await submittedProposal(w);
    const url = `/api/proposals/${p.id}/review`;
    expect((await anonymous(ctx.app).post(url, { decision: 'accept', version: p.version })).statusCode).toBe(
      401,
    );
    expect((await w.delegates[3].post(url, { decision: 'accept', version: p.version })).statusCode).toBe(403);
    expect(
      (await w.officer.post(`/api/proposals/${missing}/review`, { decision: 'accept', version: 1 }))
        .statusCode,
    ).toBe(404);
    const noReason = await w.officer.post(url, { decision: 'notAccept', version: p.version });
    expect(noReason.json().error.details[0]).toEqual({ path: 'note', message: '不予立案时请填写原因' });
    const done = await ok(
      await w.officer.post(url, {
        decision: 'notAccept',
        note: '属于日常管理事项，转合理化建议办理',
        convertToSuggestion: true,
        version: p.version,
      }),
      'review',
    );
    expect(done).toMatchObject({ state: 'notAccepted', convertedToSuggestion: true });
    const [suggestion] = await ctx.deps.db.select().from(suggestions).where(eq(suggestions.proposalId, p.id));
    expect(suggestion).toMatchObject({
      memberId: w.delegates[0].memberId,
      title: p.title,
      state: 'submitted',
    });
    expect((await w.officer.post(url, { decision: 'accept', version: done.version })).statusCode).toBe(409);
  });
});

describe('merge, assign, answer, rate', () => {
  it('merges two proposals into a topic, handles it and mirrors every step on both', async () => {
    const a = await acceptedProposal(w, { title: '食堂夜班热饭供应' }, 0);
    const b = await acceptedProposal(w, { title: '夜班职工用餐难' }, 3);
    const topicRes = await w.officer.post('/api/proposal-topics', {
      title: '改善夜班职工用餐',
      proposalIds: [a.id, b.id],
    });
    expect(topicRes.statusCode).toBe(201);
    const topic = topicRes.json().data;
    expect(topic.proposals.map((p: { id: string }) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await noticeKinds(w.delegates[3].user.id, b.id)).toContain('merged');
    // Merging a proposal twice is refused.
    expect(
      (await w.officer.post('/api/proposal-topics', { title: 'x', proposalIds: [a.id] })).statusCode,
    ).toBe(409);

    const assigned = await w.officer.post(`/api/proposal-topics/${topic.id}/assign`, assignBody());
    expect(assigned.statusCode).toBe(200);
    const item = assigned.json().data.handling;
    expect(item).toMatchObject({
      state: 'assigned',
      raterMemberIds: expect.arrayContaining([w.delegates[0].memberId]),
    });
    expect((await w.delegates[0].get(`/api/proposals/${a.id}`)).json().data).toMatchObject({
      state: 'assigned',
      topicTitle: '改善夜班职工用餐',
      leadDepartmentName: '后勤保障处',
    });

    const answer = (version: number) =>
      w.handlerLogistics.post(`/api/handling/items/${item.id}/answer`, {
        content: '已开设夜班热食窗口',
        doneOn: today(),
        version,
      });
    const answered = await ok(await answer(item.version), 'answer');
    expect((await w.delegates[3].get(`/api/proposals/${b.id}`)).json().data.state).toBe('answered');
    expect(await noticeKinds(w.delegates[0].user.id, topic.id)).toEqual(
      expect.arrayContaining(['answered', 'pleaseRate']),
    );

    // Only the proposer rates; a dissatisfied rating reopens both proposals once.
    const rateUrl = `/api/proposals/${a.id}/rate`;
    expect(
      (await w.delegates[3].post(rateUrl, { satisfaction: 'satisfied', version: answered.version }))
        .statusCode,
    ).toBe(403);
    const reopened = await ok(
      await w.delegates[0].post(rateUrl, {
        satisfaction: 'dissatisfied',
        reason: '凌晨仍无热饭',
        version: answered.version,
      }),
      'rate',
    );
    expect(reopened).toMatchObject({ state: 'assigned', satisfaction: 'dissatisfied' });
    expect((await w.delegates[3].get(`/api/proposals/${b.id}`)).json().data.state).toBe('assigned');
    const again = await ok(await answer(reopened.handling.version), 'answer again');
    const half = await ok(
      await w.delegates[3].post(`/api/proposals/${b.id}/rate`, {
        satisfaction: 'basicallySatisfied',
        version: again.version,
      }),
      'rate b',
    );
    expect(half.state).toBe('answered');
    const done = await ok(
      await w.delegates[0].post(rateUrl, { satisfaction: 'satisfied', version: half.handling.version }),
      'rate a',
    );
    expect(done).toMatchObject({ state: 'rated', satisfaction: 'satisfied' });
    expect(done.handling).toMatchObject({ state: 'rated', satisfaction: 'basicallySatisfied', round: 2 });
    const closed = await ok(
      await w.officer.post(`/api/proposal-topics/${topic.id}/close`, { version: done.handling.version }),
      'close',
    );
    expect(closed.handling.state).toBe('closed');
    const history = (await w.delegates[0].get(`/api/proposals/${a.id}/history`)).json().data;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'close',
      'rate',
      'answer',
      'reopen',
      'answer',
      'assign',
      'merge',
      'accept',
      'cosigned',
      'submit',
      'create',
    ]);
  });

  it('assigns a single proposal (401/403/400/409) and a handler sees only its department’s proposals', async () => {
    const p = await acceptedProposal(w, { title: '增加职工停车位' });
    const url = `/api/proposals/${p.id}/assign`;
    expect((await anonymous(ctx.app).post(url, assignBody())).statusCode).toBe(401);
    expect((await w.delegates[0].post(url, assignBody())).statusCode).toBe(403);
    expect((await w.officer.post(url, assignBody({ dueDate: '2020-01-01' }))).statusCode).toBe(400);
    const submitted = await submittedProposal(w);
    expect((await w.officer.post(`/api/proposals/${submitted.id}/assign`, assignBody())).statusCode).toBe(
      409,
    );
    const assigned = await ok(await w.officer.post(url, assignBody({ coDepartmentIds: [] })), 'assign');
    expect(assigned).toMatchObject({ state: 'assigned', topicTitle: '增加职工停车位' });

    expect((await w.handlerLogistics.get(`/api/proposals/${p.id}`)).statusCode).toBe(200);
    expect((await w.handlerHr.get(`/api/proposals/${p.id}`)).statusCode).toBe(404);
    const listed = async (c: typeof w.officer) =>
      (await c.get('/api/proposals?pageSize=200')).json().data.map((x: { id: string }) => x.id);
    expect(await listed(w.handlerLogistics)).toContain(p.id);
    expect(await listed(w.handlerHr)).not.toContain(p.id);
    expect(await listed(w.handlerHr)).not.toContain(submitted.id);
    expect((await w.handlerLogistics.post(url, assignBody())).statusCode).toBe(403);
  });
});

describe('GET /proposals filters', () => {
  it('filters by state, department, overdue, year and text; 400 for a bad state', async () => {
    const world = await proposalWorld(ctx);
    const a = await acceptedProposal(world, { title: '职称评聘透明化' });
    const b = await acceptedProposal(world, { title: '值班室条件改善' }, 1);
    await acceptedProposal(world, { title: '夜班补贴标准' }, 2);
    await ok(
      await world.officer.post(`/api/proposals/${a.id}/assign`, {
        leadDepartmentId: world.hr.id,
        coDepartmentIds: [],
        dueDate: addDays(today(), 10),
      }),
      'assign a',
    );
    const bv = await ok(
      await world.officer.post(`/api/proposals/${b.id}/assign`, {
        leadDepartmentId: world.logistics.id,
        coDepartmentIds: [],
        dueDate: addDays(today(), 10),
      }),
      'assign b',
    );
    await ctx.deps.db
      .update(handlingItems)
      .set({ dueDate: addDays(today(), -2) })
      .where(eq(handlingItems.id, bv.handling.id));
    const ids = async (q: string) =>
      (await world.officer.get(`/api/proposals?${q}`)).json().data.map((x: { title: string }) => x.title);
    expect(await ids('state=accepted')).toEqual(['夜班补贴标准']);
    expect(await ids(`departmentId=${world.hr.id}`)).toEqual(['职称评聘透明化']);
    expect(await ids('overdue=1')).toEqual(['值班室条件改善']);
    expect(await ids('q=值班')).toEqual(['值班室条件改善']);
    expect((await ids(`year=${today().slice(0, 4)}&meetingId=${world.meeting.id}`)).length).toBe(3);
    expect(await ids('year=2001')).toEqual([]);
    const listed = (await world.officer.get('/api/proposals?overdue=1')).json().data[0];
    expect(listed).toMatchObject({ overdue: true, leadDepartmentName: '后勤保障处' });
    expect((await world.officer.get('/api/proposals?state=done')).statusCode).toBe(400);
    expect((await anonymous(ctx.app).get('/api/proposals')).statusCode).toBe(401);
    const member = await loginAs(ctx, world.org.id, ['member']);
    expect((await member.get('/api/proposals')).statusCode).toBe(403);
  });
});

describe('similar proposals', () => {
  it('ranks earlier proposals with similar titles (403 for delegates)', async () => {
    const world = await proposalWorld(ctx);
    await submittedProposal(world, { title: '增加院内职工停车位' });
    await submittedProposal(world, { title: '规范职称评聘程序' });
    const p = await submittedProposal(world, { title: '解决职工停车难问题' });
    const res = await world.officer.get(`/api/proposals/${p.id}/similar`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data[0].title).toBe('增加院内职工停车位');
    expect((await world.delegates[0].get(`/api/proposals/${p.id}/similar`)).statusCode).toBe(403);
    expect((await world.officer.get(`/api/proposals/${missing}/similar`)).statusCode).toBe(404);
  });
});

describe('windows', () => {
  it('GET/PUT the submission window: 403 for delegates, 400 for reversed dates, 409 for a stale version', async () => {
    const url = `/api/proposal-windows/${w.meeting.id}`;
    const current = (await w.delegates[0].get(url)).json().data;
    expect(current).toMatchObject({
      open: true,
      minCosigners: 2,
      categories: ['医疗管理', '后勤保障', '职工福利', '人事薪酬', '其他'],
    });
    const body = {
      opensOn: today(),
      closesOn: addDays(today(), 9),
      minCosigners: 3,
      version: current.version,
    };
    expect((await w.delegates[0].put(url, body)).statusCode).toBe(403);
    expect((await w.officer.put(url, { ...body, closesOn: addDays(today(), -9) })).statusCode).toBe(400);
    expect((await w.officer.put(`/api/proposal-windows/${missing}`, body)).statusCode).toBe(404);
    const saved = await ok(await w.officer.put(url, body), 'window');
    expect(saved).toMatchObject({ minCosigners: 3, version: current.version + 1 });
    expect((await w.officer.put(url, body)).statusCode).toBe(409);
    await w.officer.put(url, { ...body, minCosigners: 2, version: saved.version });
  });
});
