import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CareEventView } from '../../../common/schemas/visit.js';
import { careEvents } from '../../db/schema/index.js';
import { daysBetween, today } from '../../lib/businessDate.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { careOrg, ok, paths, visit } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const event = (memberId: string, extra: Record<string, unknown> = {}) => ({
  memberId,
  kind: 'hospitalised',
  eventDate: today(),
  note: '因急性阑尾炎住院',
  ...extra,
});

function daysAgo(n: number) {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

describe('reporting an event (事件报告)', () => {
  it('401, 403, 400 naming the field; a group leader reports only in their departments', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    expect((await anonymous(ctx.app).post('/api/care/events', event(o.inA.id))).statusCode).toBe(401);
    expect((await o.member.post('/api/care/events', event(o.inA.id))).statusCode).toBe(403);
    expect((await o.treasurer.post('/api/care/events', event(o.inA.id))).statusCode).toBe(403);
    const bad = await o.groupLeader.post('/api/care/events', {
      ...event(o.inA.id),
      kind: 'party',
      eventDate: 'x',
    });
    expect(paths(bad).sort()).toEqual(['eventDate', 'kind']);
    expect((await o.groupLeader.post('/api/care/events', event(o.inB.id))).statusCode).toBe(404);
    expect((await o.groupLeader.post('/api/care/events', event(other.inA.id))).statusCode).toBe(404);
    expect(await ctx.deps.db.select().from(careEvents).where(eq(careEvents.orgId, o.org.id))).toHaveLength(0);

    const created: CareEventView = ok(await o.groupLeader.post('/api/care/events', event(o.inA.id)), 201);
    expect(created).toMatchObject({ status: 'open', kindLabel: '住院', memberName: '张三', overdue: false });

    // The officers and the chair are told; the group leader is not.
    const bell = ok(await o.officer.get('/api/notifications'));
    expect(bell.map((n: { objectId: string }) => n.objectId)).toContain(created.id);
    expect(bell[0]).toMatchObject({ kind: 'careReported', link: '/care/worklists' });
    expect(ok(await o.chair.get('/api/notifications'))).toHaveLength(1);
    expect(ok(await o.groupLeader.get('/api/notifications'))).toHaveLength(0);
  });

  it('lists open events for officers, the group leader’s own departments only, overdue highlighted', async () => {
    const o = await careOrg(ctx);
    const leaderB = await loginAs(ctx, o.org.id, ['groupLeader'], {
      departmentIds: [o.deptB.id],
    });
    const old = ok(
      await o.groupLeader.post('/api/care/events', event(o.inA.id, { eventDate: daysAgo(5) })),
      201,
    );
    const fresh = ok(await leaderB.post('/api/care/events', event(o.inB.id, { eventDate: daysAgo(3) })), 201);

    expect((await anonymous(ctx.app).get('/api/care/events')).statusCode).toBe(401);
    expect((await o.member.get('/api/care/events')).statusCode).toBe(403);
    expect(paths(await o.officer.get('/api/care/events?status=new'))).toEqual(['status']);

    const open: CareEventView[] = ok(await o.officer.get('/api/care/events?status=open'));
    expect(open.map((e) => [e.id, e.overdue])).toEqual([
      [old.id, true],
      [fresh.id, false],
    ]);
    const mine: CareEventView[] = ok(await o.groupLeader.get('/api/care/events'));
    expect(mine.map((e) => e.id)).toEqual([old.id]);
  });

  it('a visit closes the event; linking it twice or to another member is refused; cancelling reopens it', async () => {
    const o = await careOrg(ctx);
    const e = ok(
      await o.groupLeader.post('/api/care/events', event(o.inA.id, { eventDate: '2026-03-09' })),
      201,
    );
    const wrong = await o.officer.post('/api/care/visits', {
      memberId: o.inB.id,
      reason: 'hospitalised',
      visitDate: '2026-03-10',
      visitors: '王主席',
      eventId: e.id,
    });
    expect(paths(wrong)).toEqual(['eventId']);
    const v = await visit(o.officer, o.inA.id, { eventId: e.id });
    expect(v.eventId).toBe(e.id);
    const [closed] = ok(await o.officer.get('/api/care/events?status=visited'));
    expect(closed).toMatchObject({ id: e.id, visitId: v.id, status: 'visited' });
    expect(ok(await o.officer.get('/api/care/events?status=open'))).toHaveLength(0);
    const twice = await o.officer.post('/api/care/visits', {
      memberId: o.inA.id,
      reason: 'hospitalised',
      visitDate: '2026-03-11',
      visitors: '王主席',
      eventId: e.id,
    });
    expect(twice.statusCode).toBe(409);

    ok(await o.officer.post(`/api/care/visits/${v.id}/cancel`, { reason: '录错人', version: v.version }));
    const [reopened] = ok(await o.officer.get('/api/care/events?status=open'));
    expect(reopened).toMatchObject({ id: e.id, visitId: null });
  });
});

describe('dismissing an event', () => {
  it('401, 403, 404, 400, 409 once handled; the reason is kept', async () => {
    const o = await careOrg(ctx);
    const other = await careOrg(ctx);
    const e = ok(await o.groupLeader.post('/api/care/events', event(o.inA.id)), 201);
    const url = `/api/care/events/${e.id}/dismiss`;
    expect((await anonymous(ctx.app).post(url, { reason: '已出院' })).statusCode).toBe(401);
    expect((await o.groupLeader.post(url, { reason: '已出院' })).statusCode).toBe(403);
    expect((await other.officer.post(url, { reason: '已出院' })).statusCode).toBe(404);
    expect(paths(await o.officer.post(url, { reason: ' ' }))).toEqual(['reason']);
    const done: CareEventView = ok(await o.officer.post(url, { reason: '当日已出院，电话慰问' }));
    expect(done).toMatchObject({ status: 'dismissed', dismissReason: '当日已出院，电话慰问' });
    expect((await o.officer.post(url, { reason: '再次' })).statusCode).toBe(409);
    const late = await o.officer.post('/api/care/visits', {
      memberId: o.inA.id,
      reason: 'hospitalised',
      visitDate: '2026-03-10',
      visitors: '王主席',
      eventId: e.id,
    });
    expect(late.statusCode).toBe(409);
  });

  it('counts days between business dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
  });
});
