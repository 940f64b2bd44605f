import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, handlingItems } from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import { AppError } from '../../lib/errors.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { orgWithOfficer } from '../members/testkit.js';
import { handling, REOPEN_DAYS } from './handling.service.js';
import { assignSubject, type HandlingWorld, handlingWorld, noticesOf } from './testkit.js';

let ctx: TestContext;
let w: HandlingWorld;
beforeAll(async () => {
  ctx = await setupTestApp();
  w = await handlingWorld(ctx);
});

const answerBody = (version: number, extra: Record<string, unknown> = {}) => ({
  content: '已调整食堂夜班供餐时间至23:30',
  doneOn: today(),
  version,
  ...extra,
});

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

function rate(
  subject: { type: string; id: string },
  memberId: string | null,
  satisfaction: string,
  version: number,
  reason?: string,
) {
  return ctx.deps.db.transaction((tx) =>
    handling.rate(tx, w.actor, subject, {
      memberId,
      satisfaction: satisfaction as 'satisfied',
      reason,
      version,
    }),
  );
}

describe('handling.assign', () => {
  it('creates the item, a history row, an audit row and tells the departments’ handlers', async () => {
    const { subject, item } = await assignSubject(ctx, w);
    expect(item).toMatchObject({ state: 'assigned', round: 1, version: 1, coDepartmentIds: [w.hr.id] });
    const detail = await handling.detail(ctx.deps.db, w.org.id, item.id, null);
    expect(detail.history.map((e) => e.action)).toEqual(['assign']);
    expect(detail).toMatchObject({ leadDepartmentName: '后勤保障处', coDepartmentNames: ['人事处'] });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, subject.id), eq(auditLog.action, 'handling.assign')));
    expect(audit).toHaveLength(1);
    const lead = await noticesOf(ctx, w.handlerLogistics.user.id, 'assigned');
    const co = await noticesOf(ctx, w.handlerHr.user.id, 'assigned');
    expect(lead.some((n) => n.objectId === subject.id && n.link === `/test/${subject.id}`)).toBe(true);
    expect(co.some((n) => n.objectId === subject.id)).toBe(true);
  });

  it('refuses a co-department equal to the lead, an unknown department and a past due date (400)', async () => {
    const cases = [
      { coDepartmentIds: [w.logistics.id] },
      { leadDepartmentId: (await orgWithOfficer(ctx)).dept.id },
      { dueDate: addDays(today(), -1) },
    ];
    for (const extra of cases) {
      expect(await statusOf(assignSubject(ctx, w, extra))).toBe(400);
    }
  });

  it('reassigns an open item with its version (409 when stale or already answered)', async () => {
    const { subject, item } = await assignSubject(ctx, w);
    const again = (version: number) =>
      ctx.deps.db.transaction((tx) =>
        handling.assign(tx, w.actor, subject, {
          title: item.title,
          link: item.link,
          leadDepartmentId: w.hr.id,
          coDepartmentIds: [],
          dueDate: addDays(today(), 10),
          version,
        }),
      );
    const moved = await again(1);
    expect(moved).toMatchObject({ leadDepartmentId: w.hr.id, coDepartmentIds: [], version: 2 });
    expect(await statusOf(again(1))).toBe(409);
    await ctx.deps.db.transaction((tx) => handling.answer(tx, w.actor, item.id, answerBody(2), null));
    expect(await statusOf(again(3))).toBe(409);
  });
});

describe('GET /handling/items', () => {
  it('401 anonymously, 403 without proposal:read', async () => {
    expect((await anonymous(ctx.app).get('/api/handling/items')).statusCode).toBe(401);
    const member = await loginAs(ctx, w.org.id, ['member']);
    expect((await member.get('/api/handling/items')).statusCode).toBe(403);
  });

  it('a handler sees only its department’s items; the committee sees all, by department', async () => {
    const { item } = await assignSubject(ctx, w, { coDepartmentIds: [] });
    const other = await assignSubject(ctx, w, { leadDepartmentId: w.hr.id, coDepartmentIds: [] });
    const ids = async (c: typeof w.officer, q = '') =>
      (await c.get(`/api/handling/items?pageSize=200${q}`)).json().data.map((i: { id: string }) => i.id);
    expect(await ids(w.handlerLogistics)).toContain(item.id);
    expect(await ids(w.handlerLogistics)).not.toContain(other.item.id);
    expect(await ids(w.handlerHr)).toContain(other.item.id);
    expect(await ids(w.handlerHr)).not.toContain(item.id);
    const all = await ids(w.officer);
    expect(all).toEqual(expect.arrayContaining([item.id, other.item.id]));
    expect(await ids(w.officer, `&departmentId=${w.hr.id}`)).not.toContain(item.id);
  });

  it('filters overdue and due-soon items and flags them', async () => {
    const soon = await assignSubject(ctx, w, { dueDate: addDays(today(), 2) });
    const late = await assignSubject(ctx, w);
    await ctx.deps.db
      .update(handlingItems)
      .set({ dueDate: addDays(today(), -3) })
      .where(eq(handlingItems.id, late.item.id));
    const list = async (due: string) =>
      (await w.handlerLogistics.get(`/api/handling/items?pageSize=200&due=${due}`)).json().data;
    const overdue = await list('overdue');
    expect(overdue.map((i: { id: string }) => i.id)).toContain(late.item.id);
    expect(overdue.map((i: { id: string }) => i.id)).not.toContain(soon.item.id);
    expect(overdue.find((i: { id: string }) => i.id === late.item.id)).toMatchObject({
      overdue: true,
      dueSoon: false,
    });
    const dueSoon = await list('dueSoon');
    expect(dueSoon.map((i: { id: string }) => i.id)).toContain(soon.item.id);
    expect(dueSoon.map((i: { id: string }) => i.id)).not.toContain(late.item.id);
    expect((await w.officer.get('/api/handling/items?due=later')).statusCode).toBe(400);
  });
});

describe('GET /handling/items/:id', () => {
  it('404 for another department’s handler, another union and a missing item', async () => {
    const { item } = await assignSubject(ctx, w, { coDepartmentIds: [] });
    expect((await w.handlerLogistics.get(`/api/handling/items/${item.id}`)).statusCode).toBe(200);
    expect((await w.handlerHr.get(`/api/handling/items/${item.id}`)).statusCode).toBe(404);
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`/api/handling/items/${item.id}`)).statusCode).toBe(404);
    expect((await w.officer.get('/api/handling/items/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });
});

describe('POST /handling/items/:id/answer', () => {
  it('401, 403 for the committee, 404 for another department, 400 for bad input', async () => {
    const { item } = await assignSubject(ctx, w, { coDepartmentIds: [] });
    const url = `/api/handling/items/${item.id}/answer`;
    expect((await anonymous(ctx.app).post(url, answerBody(1))).statusCode).toBe(401);
    expect((await w.officer.post(url, answerBody(1))).statusCode).toBe(403);
    expect((await w.handlerHr.post(url, answerBody(1))).statusCode).toBe(404);
    const empty = await w.handlerLogistics.post(url, answerBody(1, { content: ' ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0]).toEqual({ path: 'content', message: '请填写办理情况' });
    const future = await w.handlerLogistics.post(url, answerBody(1, { doneOn: addDays(today(), 2) }));
    expect(future.json().error.details[0].path).toBe('doneOn');
  });

  it('a co-department’s response keeps it open; the lead’s answer moves it on and asks the raters (409 twice)', async () => {
    const { item } = await assignSubject(ctx, w);
    const url = `/api/handling/items/${item.id}/answer`;
    const co = await w.handlerHr.post(url, answerBody(1, { content: '人事处已核定夜班补贴标准' }));
    expect(co.statusCode).toBe(200);
    expect(co.json().data).toMatchObject({ state: 'assigned', version: 2 });
    const res = await w.handlerLogistics.post(url, answerBody(2));
    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ state: 'answered', version: 3 });
    expect(data.responses.map((r: { departmentRole: string }) => r.departmentRole)).toEqual(['co', 'lead']);
    expect(data.history.map((e: { action: string }) => e.action)).toEqual(['answer', 'respond', 'assign']);
    expect((await w.handlerLogistics.post(url, answerBody(3))).statusCode).toBe(409);
    const pleaseRate = await noticesOf(ctx, w.rater1.user.id, 'pleaseRate');
    expect(pleaseRate.some((n) => n.objectId === item.subjectId)).toBe(true);
    expect(
      (await noticesOf(ctx, w.rater2.user.id, 'answered')).some((n) => n.objectId === item.subjectId),
    ).toBe(true);
  });

  it('two answers racing with one version: one succeeds, one is 409', async () => {
    const { item } = await assignSubject(ctx, w);
    const url = `/api/handling/items/${item.id}/answer`;
    const results = await Promise.all([
      w.handlerLogistics.post(url, answerBody(1)),
      w.handlerLogistics.post(url, answerBody(1)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('handling.rate', () => {
  async function answered() {
    const a = await assignSubject(ctx, w);
    const item = await ctx.deps.db.transaction((tx) =>
      handling.answer(tx, w.actor, a.item.id, answerBody(1), null),
    );
    return { subject: a.subject, item };
  }

  it('dissatisfied reopens once with the reason; the second round ends with the lowest rating; close', async () => {
    const { subject, item } = await answered();
    const reopened = await rate(subject, w.m1.id, 'dissatisfied', item.version, '夜班仍无热饭');
    expect(reopened).toMatchObject({ state: 'assigned', round: 2, reopenReason: '夜班仍无热饭' });
    expect(reopened.dueDate >= addDays(today(), REOPEN_DAYS)).toBe(true);
    expect(
      (await noticesOf(ctx, w.handlerLogistics.user.id, 'assigned')).filter((n) => n.objectId === subject.id),
    ).toHaveLength(2);

    const again = await ctx.deps.db.transaction((tx) =>
      handling.answer(
        tx,
        w.actor,
        item.id,
        answerBody(reopened.version, { content: '增设夜班热食窗口' }),
        null,
      ),
    );
    expect(again.state).toBe('answered');
    const half = await rate(subject, w.m1.id, 'satisfied', again.version);
    expect(half).toMatchObject({ state: 'answered', satisfaction: null });
    expect(await statusOf(rate(subject, w.m1.id, 'satisfied', half.version))).toBe(409);
    const done = await rate(subject, w.m2.id, 'basicallySatisfied', half.version);
    expect(done).toMatchObject({ state: 'rated', satisfaction: 'basicallySatisfied' });

    const closed = await ctx.deps.db.transaction((tx) => handling.close(tx, w.actor, subject, done.version));
    expect(closed.state).toBe('closed');
    const detail = await handling.detail(ctx.deps.db, w.org.id, item.id, null);
    expect(detail.history.map((e) => e.action)).toEqual([
      'close',
      'rate',
      'rate',
      'answer',
      'reopen',
      'rate',
      'answer',
      'assign',
    ]);
    expect(detail.ratings.map((r) => [r.round, r.satisfaction])).toEqual([
      [1, 'dissatisfied'],
      [2, 'satisfied'],
      [2, 'basicallySatisfied'],
    ]);
  });

  it('a second dissatisfied rating does not reopen again', async () => {
    const { subject, item } = await answered();
    const r1 = await rate(subject, w.m2.id, 'dissatisfied', item.version, '没有解决');
    const a2 = await ctx.deps.db.transaction((tx) =>
      handling.answer(tx, w.actor, item.id, answerBody(r1.version), null),
    );
    const r2 = await rate(subject, w.m2.id, 'dissatisfied', a2.version, '仍没有解决');
    expect(r2).toMatchObject({ state: 'answered', round: 2 });
    const r3 = await rate(subject, w.m1.id, 'satisfied', r2.version);
    expect(r3).toMatchObject({ state: 'rated', satisfaction: 'dissatisfied', round: 2 });
  });

  it('refuses a non-rater, a rating before the answer, a missing reason and closing before rating', async () => {
    const open = await assignSubject(ctx, w);
    expect(await statusOf(rate(open.subject, w.m1.id, 'satisfied', 1))).toBe(409);
    const { subject, item } = await answered();
    expect(await statusOf(rate(subject, null, 'satisfied', item.version))).toBe(409);
    expect(await statusOf(rate(subject, w.m1.id, 'dissatisfied', item.version))).toBe(400);
    expect(
      await statusOf(ctx.deps.db.transaction((tx) => handling.close(tx, w.actor, subject, item.version))),
    ).toBe(409);
  });
});

describe('handling.scanDeadlines', () => {
  it('tells the departments once per item and kind', async () => {
    const world = await handlingWorld(ctx);
    const late = await assignSubject(ctx, world);
    const soon = await assignSubject(ctx, world, { dueDate: addDays(today(), 3) });
    await assignSubject(ctx, world, { dueDate: addDays(today(), 60) });
    await ctx.deps.db
      .update(handlingItems)
      .set({ dueDate: addDays(today(), -1) })
      .where(eq(handlingItems.id, late.item.id));
    const scan = () => ctx.deps.db.transaction((tx) => handling.scanDeadlines(tx, world.org.id, new Date()));
    expect(await scan()).toEqual({ overdue: 1, dueSoon: 1 });
    expect(await scan()).toEqual({ overdue: 0, dueSoon: 0 });
    const overdue = await noticesOf(ctx, world.handlerLogistics.user.id, 'overdue');
    expect(overdue.map((n) => n.objectId)).toEqual([late.subject.id]);
    const dueSoon = await noticesOf(ctx, world.handlerHr.user.id, 'dueSoon');
    expect(dueSoon.map((n) => n.objectId)).toEqual([soon.subject.id]);
  });
});
