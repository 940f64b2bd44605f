import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, members, notificationOutbox, notifications, users } from '../../db/schema/index.js';
import { writeAudit } from '../../lib/audit.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  createUser,
  login,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { createMember, orgWithOfficer } from '../members/testkit.js';
import { deliverPending } from './notifications.dispatcher.js';
import { registerSender, type Sender } from './notifications.senders.js';
import { type NotifyInput, notify } from './notifications.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

function note(orgId: string, to: NotifyInput['to'], title = '提案已交办'): NotifyInput {
  return {
    orgId,
    to,
    kind: 'assigned',
    title,
    link: '/proposals/x',
    objectType: 'proposal',
    objectId: NO_SUCH,
  };
}

async function recipientsOf(objectTitle: string) {
  const rows = await ctx.deps.db.select().from(notifications).where(eq(notifications.title, objectTitle));
  return rows.map((r) => r.userId).sort();
}

describe('notify: recipients', () => {
  it('resolves user ids, linked members and handlers of the departments, once each, in the org only', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const other = await createDepartment(ctx.deps, org.id);
    const member = await createMember(officer, dept.id);
    const byMember = await createUser(ctx.deps, org.id, ['member'], { memberId: member.id });
    const handler = await createUser(ctx.deps, org.id, ['handler'], { departmentIds: [dept.id, other.id] });
    const leaderSameDept = await createUser(ctx.deps, org.id, ['groupLeader'], { departmentIds: [dept.id] });
    const handlerElsewhere = await createUser(ctx.deps, org.id, ['handler'], { departmentIds: [other.id] });
    const disabled = await createUser(ctx.deps, org.id, ['handler'], { departmentIds: [dept.id] });
    await ctx.deps.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    // Another union: its handler of a same-id department list and its users are never reached.
    const org2 = await createOrg(ctx.deps);
    const stranger = await createUser(ctx.deps, org2.id, ['handler'], { departmentIds: [dept.id] });

    const title = `交办-${Date.now()}`;
    await notify(
      ctx.deps.db,
      note(
        org.id,
        {
          userIds: [officer.user.id, stranger.id, byMember.id],
          memberIds: [member.id],
          handlerDepartmentIds: [dept.id],
        },
        title,
      ),
    );
    expect(await recipientsOf(title)).toEqual([officer.user.id, byMember.id, handler.id].sort());
    expect(await recipientsOf(title)).not.toContain(leaderSameDept.id);
    expect(await recipientsOf(title)).not.toContain(handlerElsewhere.id);
  });

  it('allMembers: every active account of a current member (会员, 退休会员) of the union, once', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx);
    const account = async (status: string | null, disabled = false) => {
      const m = await createMember(officer, dept.id, { joinedAt: '2015-01-01' });
      if (status) await ctx.deps.db.update(members).set({ status }).where(eq(members.id, m.id));
      const u = await createUser(ctx.deps, org.id, ['member'], { memberId: m.id });
      if (disabled) await ctx.deps.db.update(users).set({ disabled: true }).where(eq(users.id, u.id));
      return u;
    };
    const current = await account(null);
    const retired = await account('retired');
    const left = await account('left');
    const applied = await account('applied');
    const disabled = await account(null, true);
    const org2 = await orgWithOfficer(ctx);
    const m2 = await createMember(org2.officer, org2.dept.id, { joinedAt: '2015-01-01' });
    const stranger = await createUser(ctx.deps, org2.org.id, ['member'], { memberId: m2.id });

    const title = `公开-${Date.now()}`;
    await notify(ctx.deps.db, note(org.id, { allMembers: true, userIds: [current.id] }, title));
    const got = await recipientsOf(title);
    expect(got).toEqual([current.id, retired.id].sort());
    for (const u of [left, applied, disabled, stranger, officer.user]) expect(got).not.toContain(u.id);
  });

  it('writes nothing when nobody matches', async () => {
    const org = await createOrg(ctx.deps);
    const title = `无人-${Date.now()}`;
    await notify(ctx.deps.db, note(org.id, { memberIds: [NO_SUCH] }, title));
    await notify(ctx.deps.db, note(org.id, {}, title));
    expect(await recipientsOf(title)).toEqual([]);
  });

  it('rolls back with the business transaction it was written in', async () => {
    const { org, officer } = await orgWithOfficer(ctx);
    const title = `回滚-${Date.now()}`;
    await expect(
      ctx.deps.db.transaction(async (tx) => {
        await notify(tx, note(org.id, { userIds: [officer.user.id] }, title));
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(await recipientsOf(title)).toEqual([]);
  });
});

describe('external senders', () => {
  let unregister: (() => void)[] = [];
  afterEach(() => {
    for (const u of unregister) u();
    unregister = [];
  });

  it('a failing sender neither breaks nor rolls back the business write, and is retried later', async () => {
    const { org, officer } = await orgWithOfficer(ctx);
    const failing: Sender = {
      name: 'failingRobot',
      send: async () => {
        throw new Error('webhook 502');
      },
    };
    const delivered: string[] = [];
    const working: Sender = {
      name: 'workingRobot',
      send: async (n, r) => void delivered.push(`${n.title}:${r.length}`),
    };
    unregister.push(registerSender(failing), registerSender(working));

    const title = `外发-${Date.now()}`;
    const actor = { orgId: org.id, userId: officer.user.id, name: 'x', roles: 'officer', ip: null };
    await ctx.deps.db.transaction(async (tx) => {
      await writeAudit(tx, actor, { action: 'test.business', objectId: title });
      await notify(tx, note(org.id, { userIds: [officer.user.id] }, title));
    });

    await deliverPending(ctx.deps.db, [failing, working]);
    expect(await ctx.deps.db.select().from(auditLog).where(eq(auditLog.objectId, title))).toHaveLength(1);
    expect(await recipientsOf(title)).toEqual([officer.user.id]);
    expect(delivered).toEqual([`${title}:1`]);
    const outbox = await ctx.deps.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.orgId, org.id));
    const bySender = Object.fromEntries(outbox.map((o) => [o.sender, o]));
    expect(bySender.failingRobot).toMatchObject({ attempts: 1, lastError: 'webhook 502', deliveredAt: null });
    expect(bySender.workingRobot.deliveredAt).not.toBeNull();

    // The next pass retries only the failed channel.
    await deliverPending(ctx.deps.db, [failing, working]);
    expect(delivered).toHaveLength(1);
    const [again] = await ctx.deps.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.id, bySender.failingRobot.id));
    expect(again.attempts).toBe(2);
  });

  it('hands nothing to a sender when the transaction rolled back', async () => {
    const { org, officer } = await orgWithOfficer(ctx);
    const seen: string[] = [];
    const spy: Sender = { name: 'spyRobot', send: async (n) => void seen.push(n.title) };
    unregister.push(registerSender(spy));
    await ctx.deps.db
      .transaction(async (tx) => {
        await notify(tx, note(org.id, { userIds: [officer.user.id] }, 'rolled'));
        throw new Error('no');
      })
      .catch(() => {});
    await deliverPending(ctx.deps.db, [spy]);
    expect(seen).not.toContain('rolled');
  });
});

describe('GET /notifications and the unread count', () => {
  it('401 anonymous, 403 before the first password change', async () => {
    expect((await anonymous(ctx.app).get('/api/notifications')).statusCode).toBe(401);
    expect((await anonymous(ctx.app).get('/api/notifications/unread-count')).statusCode).toBe(401);
    const org = await createOrg(ctx.deps);
    const u = await createUser(ctx.deps, org.id, ['member'], { mustChangePassword: true });
    const c = await login(ctx.app, u.username);
    expect((await c.get('/api/notifications')).statusCode).toBe(403);
  });

  it('400 for a bad page size', async () => {
    const org = await createOrg(ctx.deps);
    const me = await loginAs(ctx, org.id, ['member']);
    const res = await me.get('/api/notifications?pageSize=0');
    expect(res.statusCode).toBe(400);
  });

  it('lists only my own, unread first then newest, with labels and the unread count', async () => {
    const org = await createOrg(ctx.deps);
    const me = await loginAs(ctx, org.id, ['member']);
    const someoneElse = await loginAs(ctx, org.id, ['member']);
    for (const t of ['一', '二', '三']) {
      await notify(ctx.deps.db, note(org.id, { userIds: [me.user.id] }, t));
    }
    await notify(ctx.deps.db, note(org.id, { userIds: [someoneElse.user.id] }, '别人的'));
    let list = (await me.get('/api/notifications')).json();
    expect(list.page.total).toBe(3);
    expect(list.data.map((n: { title: string }) => n.title)).toEqual(['三', '二', '一']);
    expect(list.data[0]).toMatchObject({
      kind: 'assigned',
      kindLabel: '交办',
      read: false,
      link: '/proposals/x',
    });

    const first = list.data.find((n: { title: string }) => n.title === '三');
    expect((await me.post(`/api/notifications/${first.id}/read`)).json().data.read).toBe(true);
    list = (await me.get('/api/notifications')).json();
    expect(list.data.map((n: { title: string }) => n.title)).toEqual(['二', '一', '三']);
    expect((await me.get('/api/notifications/unread-count')).json().data.count).toBe(2);
    expect((await me.get('/api/notifications?unreadOnly=true')).json().page.total).toBe(2);
    expect((await me.get('/api/notifications?page=2&pageSize=2')).json().data).toHaveLength(1);
  });
});

describe('POST /notifications/:id/read and /read-all', () => {
  it('401 anonymous, 400 bad id, 404 for another user’s or a missing notification', async () => {
    const org = await createOrg(ctx.deps);
    const me = await loginAs(ctx, org.id, ['member']);
    const other = await loginAs(ctx, org.id, ['chair']);
    await notify(ctx.deps.db, note(org.id, { userIds: [other.user.id] }, '他人的'));
    const [theirs] = await ctx.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, other.user.id));
    expect((await anonymous(ctx.app).post(`/api/notifications/${theirs.id}/read`)).statusCode).toBe(401);
    expect((await anonymous(ctx.app).post('/api/notifications/read-all')).statusCode).toBe(401);
    expect((await me.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await me.post(`/api/notifications/${theirs.id}/read`)).statusCode).toBe(404);
    expect((await me.post(`/api/notifications/${NO_SUCH}/read`)).statusCode).toBe(404);
    const [still] = await ctx.deps.db.select().from(notifications).where(eq(notifications.id, theirs.id));
    expect(still.readAt).toBeNull();
  });

  it('marks all of mine read and leaves others’ alone; reading twice keeps the first time', async () => {
    const org = await createOrg(ctx.deps);
    const me = await loginAs(ctx, org.id, ['member']);
    const other = await loginAs(ctx, org.id, ['member']);
    await notify(ctx.deps.db, note(org.id, { userIds: [me.user.id, other.user.id] }, 'a'));
    await notify(ctx.deps.db, note(org.id, { userIds: [me.user.id] }, 'b'));
    const res = await me.post('/api/notifications/read-all');
    expect(res.json().data.count).toBe(2);
    expect((await me.get('/api/notifications/unread-count')).json().data.count).toBe(0);
    expect((await other.get('/api/notifications/unread-count')).json().data.count).toBe(1);
    const [mine] = (await me.get('/api/notifications')).json().data;
    const [row1] = await ctx.deps.db.select().from(notifications).where(eq(notifications.id, mine.id));
    await me.post(`/api/notifications/${mine.id}/read`);
    const [row2] = await ctx.deps.db.select().from(notifications).where(eq(notifications.id, mine.id));
    expect(row2.readAt).toEqual(row1.readAt);
  });
});
