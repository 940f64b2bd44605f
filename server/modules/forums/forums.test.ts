import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../lib/businessDate.js';
import { anonymous, type Client, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { type HandlingWorld, handlingWorld, noticesOf } from '../handling/testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';
const forumBody = {
  kind: 'patientFamily',
  title: '2026年第一季度患者家属座谈会',
  date: '2026-03-20',
  place: '门诊楼三楼会议室',
  participantCount: 12,
  participants: '住院患者家属代表12人',
};

async function forumWithIssues(c: Client, n = 3) {
  const f = (await c.post('/api/forums', forumBody)).json().data;
  let detail = f;
  for (let i = 1; i <= n; i++) {
    detail = (
      await c.post(`/api/forums/${f.id}/issues`, { content: `问题${i}：停车难`, raisedBy: '家属' })
    ).json().data;
  }
  return detail;
}

function assign(w: HandlingWorld, version: number, extra: Record<string, unknown> = {}) {
  return {
    resolutionKind: 'deadline',
    leadDepartmentId: w.logistics.id,
    coDepartmentIds: [],
    dueDate: addDays(today(), 30),
    version,
    ...extra,
  };
}

describe('forums', () => {
  it('401 anonymous, 403 for a member or a handler, 400 naming the field, 404 other union', async () => {
    const w = await handlingWorld(ctx);
    expect((await anonymous(ctx.app).get('/api/forums')).statusCode).toBe(401);
    const member = await loginAs(ctx, w.org.id, ['member']);
    expect((await member.post('/api/forums', forumBody)).statusCode).toBe(403);
    expect((await w.handlerLogistics.get('/api/forum-issues')).statusCode).toBe(403);
    const bad = await w.officer.post('/api/forums', { ...forumBody, participantCount: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({
      path: 'participantCount',
      message: '参加人数至少为1',
    });
    expect(
      (await w.officer.post('/api/forums', { ...forumBody, kind: 'x' })).json().error.details[0].path,
    ).toBe('kind');
    const f = (await w.officer.post('/api/forums', forumBody)).json().data;
    const other = await handlingWorld(ctx);
    expect((await other.officer.get(`/api/forums/${f.id}`)).statusCode).toBe(404);
    expect((await other.officer.post(`/api/forums/${f.id}/issues`, { content: 'x' })).statusCode).toBe(404);
    expect((await other.officer.get('/api/forums')).json().page.total).toBe(0);
  });

  it('records problems with consecutive numbers; edits the forum with its version', async () => {
    const w = await handlingWorld(ctx);
    const f = await forumWithIssues(w.officer, 3);
    expect(f.issues.map((i: { seq: number }) => i.seq)).toEqual([1, 2, 3]);
    expect(f).toMatchObject({ issueCount: 3, solvedCount: 0, participantCount: 12 });
    const edited = await w.officer.put(`/api/forums/${f.id}`, {
      ...forumBody,
      participantCount: 15,
      version: f.version,
    });
    expect(edited.json().data.participantCount).toBe(15);
    expect(
      (await w.officer.put(`/api/forums/${f.id}`, { ...forumBody, version: f.version })).statusCode,
    ).toBe(409);
  });
});

describe('forum issues: on the spot, or through the handling loop', () => {
  it('solves one on the spot; a second step on it is 409', async () => {
    const w = await handlingWorld(ctx);
    const f = await forumWithIssues(w.officer, 1);
    const issue = f.issues[0];
    const res = await w.officer.post(`/api/forum-issues/${issue.id}/resolve-on-spot`, {
      resolution: '当场答复：增设临时停车位',
      version: issue.version,
    });
    expect(res.json().data).toMatchObject({
      state: 'resolvedOnSpot',
      resolutionKind: 'onSpot',
      solved: true,
    });
    const again = await w.officer.post(`/api/forum-issues/${issue.id}/assign`, assign(w, 2));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('当前状态为“当场解决”，不能执行“交办”');
    expect(
      (await w.officer.post(`/api/forum-issues/${issue.id}/resolve-on-spot`, { resolution: '', version: 2 }))
        .statusCode,
    ).toBe(400);
  });

  it('assigns with a deadline → the department answers → the office records the rating → closed', async () => {
    const w = await handlingWorld(ctx);
    const f = await forumWithIssues(w.officer, 2);
    const [issue] = f.issues;
    const assigned = await w.officer.post(`/api/forum-issues/${issue.id}/assign`, assign(w, issue.version));
    expect(assigned.statusCode).toBe(200);
    const h = assigned.json().data.handling;
    expect(assigned.json().data).toMatchObject({
      state: 'handling',
      resolutionKind: 'deadline',
      solved: false,
    });
    expect(await noticesOf(ctx, w.handlerLogistics.user.id, 'assigned')).toHaveLength(1);
    expect(
      (await w.officer.post(`/api/forum-issues/${issue.id}/resolve-on-spot`, { resolution: 'x', version: 2 }))
        .statusCode,
    ).toBe(409);

    const answered = await w.handlerLogistics.post(`/api/handling/items/${h.id}/answer`, {
      content: '已与交警协调增设车位',
      doneOn: today(),
      version: h.version,
    });
    expect(answered.statusCode).toBe(200);
    const solvedList = (await w.officer.get('/api/forum-issues?year=2026&solved=true')).json();
    expect(solvedList.data.map((i: { id: string }) => i.id)).toEqual([issue.id]);
    expect((await w.officer.get('/api/forum-issues?year=2026&solved=false')).json().page.total).toBe(1);

    const detail = (await w.officer.get(`/api/forum-issues/${issue.id}`)).json().data;
    expect(detail.handlingDetail.responses[0].content).toBe('已与交警协调增设车位');
    const rated = await w.officer.post(`/api/forum-issues/${issue.id}/rate`, {
      satisfaction: 'basicallySatisfied',
      version: detail.handling.version,
    });
    expect(rated.json().data.handling).toMatchObject({ state: 'rated', satisfaction: 'basicallySatisfied' });
    const closed = await w.officer.post(`/api/forum-issues/${issue.id}/close`, {
      version: rated.json().data.handling.version,
    });
    expect(closed.json().data.handling.state).toBe('closed');
    expect((await w.officer.get(`/api/forums/${f.id}`)).json().data).toMatchObject({
      issueCount: 2,
      solvedCount: 1,
    });
  });

  it('400 for a bad resolution kind or department; 404 for a missing issue; 409 for a stale version', async () => {
    const w = await handlingWorld(ctx);
    const f = await forumWithIssues(w.officer, 1);
    const [issue] = f.issues;
    const kind = await w.officer.post(
      `/api/forum-issues/${issue.id}/assign`,
      assign(w, 1, { resolutionKind: 'onSpot' }),
    );
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].path).toBe('resolutionKind');
    const dept = await w.officer.post(
      `/api/forum-issues/${issue.id}/assign`,
      assign(w, 1, { leadDepartmentId: NO_SUCH }),
    );
    expect(dept.statusCode).toBe(400);
    // The failed assignment rolled back: the issue is still open at version 1.
    expect((await w.officer.get(`/api/forum-issues/${issue.id}`)).json().data).toMatchObject({
      state: 'open',
      version: 1,
    });
    expect((await w.officer.post(`/api/forum-issues/${NO_SUCH}/assign`, assign(w, 1))).statusCode).toBe(404);
    expect(
      (await w.officer.post(`/api/forum-issues/${issue.id}/assign`, assign(w, 9))).json().error.code,
    ).toBe('STALE_VERSION');
    expect(
      (await w.officer.post(`/api/forum-issues/${issue.id}/rate`, { satisfaction: 'satisfied', version: 1 }))
        .statusCode,
    ).toBe(409);
  });
});
