import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { chineseNumber } from '../../../common/chineseNumber.js';
import { auditLog } from '../../db/schema/index.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { createMember, orgWithOfficer, readXlsx } from '../members/testkit.js';
import { ok, setupCongress, startMeeting } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe('terms', () => {
  it('401 anonymous, 403 for a delegate creating, 400 bad input, 409 duplicate number, happy path', async () => {
    const { org, officer } = await orgWithOfficer(ctx);
    expect((await anonymous(ctx.app).get('/api/congress/terms')).statusCode).toBe(401);
    const delegate = await loginAs(ctx, org.id, ['delegate']);
    expect(
      (await delegate.post('/api/congress/terms', { number: 3, startDate: '2024-01-01' })).statusCode,
    ).toBe(403);
    const member = await loginAs(ctx, org.id, ['member']);
    expect((await member.get('/api/congress/terms')).statusCode).toBe(403);

    const bad = await officer.post('/api/congress/terms', { number: 0, startDate: '2024-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['number', 'startDate']),
    );
    const backwards = await officer.post('/api/congress/terms', {
      number: 3,
      startDate: '2024-01-01',
      endDate: '2023-01-01',
    });
    expect(backwards.json().error.details).toEqual([
      { path: 'endDate', message: '结束日期不能早于开始日期' },
    ]);

    const term = await ok(officer.post('/api/congress/terms', { number: 3, startDate: '2024-01-01' }), 201);
    expect(term).toMatchObject({ number: 3, name: '第三届职工代表大会', delegateCount: 0 });
    const dup = await officer.post('/api/congress/terms', { number: 3, startDate: '2025-01-01' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].path).toBe('number');

    expect(await ok(delegate.get('/api/congress/terms'))).toHaveLength(1);
    const updated = await ok(
      officer.put(`/api/congress/terms/${term.id}`, {
        number: 3,
        startDate: '2024-01-01',
        endDate: '2028-12-31',
      }),
    );
    expect(updated.endDate).toBe('2028-12-31');
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`/api/congress/terms/${term.id}`)).statusCode).toBe(404);
    expect(
      (await other.officer.put(`/api/congress/terms/${term.id}`, { number: 3, startDate: '2024-01-01' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('meetings', () => {
  it('creates with the default title and quorum, edits while planned, refuses wrong steps', async () => {
    const c = await setupCongress(ctx, { full: 0 });
    const m = await ok(c.officer.get(`/api/congress/meetings/${c.meeting.id}`));
    expect(m).toMatchObject({
      title: `第${chineseNumber(c.term.number)}届第二次职工代表大会`,
      status: 'planned',
      quorumNumerator: 2,
      quorumDenominator: 3,
      abilities: { edit: true, actions: ['start'] },
    });

    const bad = await c.officer.post('/api/congress/meetings', {
      termId: c.term.id,
      number: 3,
      date: '2025-02-30',
      quorumNumerator: 4,
      quorumDenominator: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toContain('date');
    const noTerm = await c.officer.post('/api/congress/meetings', {
      termId: NO_SUCH,
      number: 3,
      date: '2025-03-01',
    });
    expect(noTerm.statusCode).toBe(400);
    expect(noTerm.json().error.details).toEqual([{ path: 'termId', message: '所选届不存在' }]);
    const dup = await c.officer.post('/api/congress/meetings', {
      termId: c.term.id,
      number: 2,
      date: '2025-03-01',
    });
    expect(dup.statusCode).toBe(409);

    const edited = await ok(
      c.officer.put(`/api/congress/meetings/${c.meeting.id}`, {
        number: 2,
        title: '三届二次职代会',
        date: '2025-03-02',
        place: '礼堂',
        agenda: null,
        quorumNumerator: 1,
        quorumDenominator: 2,
        version: 1,
      }),
    );
    expect(edited).toMatchObject({ title: '三届二次职代会', quorumNumerator: 1, version: 2 });
    const stale = await c.officer.put(`/api/congress/meetings/${c.meeting.id}`, {
      number: 2,
      date: '2025-03-02',
      version: 1,
    });
    expect(stale.json().error.code).toBe('STALE_VERSION');

    const vice = await loginAs(ctx, c.org.id, ['viceChair']);
    expect(
      (await vice.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'start' })).statusCode,
    ).toBe(403);
    expect(
      (await c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'close' })).statusCode,
    ).toBe(409);
    expect(
      (await c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'adjourn' }))
        .statusCode,
    ).toBe(400);
    const started = await ok(
      c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'start' }),
    );
    expect(started).toMatchObject({ status: 'inProgress', abilities: { edit: false, actions: ['close'] } });
    const late = await c.officer.put(`/api/congress/meetings/${c.meeting.id}`, {
      number: 2,
      date: '2025-03-02',
      version: started.version,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('会议已开幕，不能再修改会议信息');
    const closed = await ok(
      c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'close' }),
    );
    expect(closed.status).toBe('closed');
    const again = await c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'close' });
    expect(again.json().error.message).toBe('会议已闭幕，不能闭幕');

    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.meeting.id), eq(auditLog.action, 'congress.meeting.start')));
    expect(audit).toHaveLength(1);

    const list = await c.officer.get(`/api/congress/meetings?termId=${c.term.id}`);
    expect(list.json().page.total).toBe(1);
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`/api/congress/meetings/${c.meeting.id}`)).statusCode).toBe(404);
    expect((await other.officer.get('/api/congress/meetings')).json().page.total).toBe(0);
    expect(
      (await other.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'close' }))
        .statusCode,
    ).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/congress/meetings/${c.meeting.id}`)).statusCode).toBe(401);
  });
});

describe('delegates', () => {
  it('adds members of the union once, refuses others, edits, exports, and keeps those with records', async () => {
    const c = await setupCongress(ctx, { full: 2, observers: 1, accounts: 0 });
    expect(c.delegates.map((d) => d.kind).sort()).toEqual(['full', 'full', 'observer']);
    const term = await ok(c.officer.get(`/api/congress/terms/${c.term.id}`));
    expect(term).toMatchObject({ delegateCount: 3, fullDelegateCount: 2 });

    const again = await ok(
      c.officer.post(`/api/congress/terms/${c.term.id}/delegates`, {
        memberIds: [c.delegates[0].memberId],
        kind: 'full',
      }),
    );
    expect(again).toEqual({ added: 0, skipped: 1 });

    const applicant = await createMember(c.officer, c.dept.id, { name: '未入会者' });
    const notMember = await c.officer.post(`/api/congress/terms/${c.term.id}/delegates`, {
      memberIds: [applicant.id],
      kind: 'full',
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().error.details).toEqual([
      { path: 'memberIds', message: '未入会者不是在册会员，不能当选代表' },
    ]);
    const other = await orgWithOfficer(ctx);
    const foreign = await createMember(other.officer, other.dept.id, { joinedAt: '2010-01-01' });
    const wrongOrg = await c.officer.post(`/api/congress/terms/${c.term.id}/delegates`, {
      memberIds: [foreign.id],
      kind: 'full',
    });
    expect(wrongOrg.json().error.details[0]).toEqual({
      path: 'memberIds',
      message: '所选人员不在本工会名册中',
    });
    expect(
      (await c.officer.post(`/api/congress/terms/${c.term.id}/delegates`, { memberIds: [], kind: 'boss' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await other.officer.post(`/api/congress/terms/${c.term.id}/delegates`, {
          memberIds: [foreign.id],
          kind: 'full',
        })
      ).statusCode,
    ).toBe(404);
    const delegate = await loginAs(ctx, c.org.id, ['delegate']);
    expect(
      (
        await delegate.post(`/api/congress/terms/${c.term.id}/delegates`, {
          memberIds: [applicant.id],
          kind: 'full',
        })
      ).statusCode,
    ).toBe(403);

    const obs = c.delegates.find((d) => d.kind === 'observer')!;
    const changed = await ok(
      c.officer.put(`/api/congress/terms/${c.term.id}/delegates/${obs.id}`, {
        kind: 'invited',
        delegation: '特邀',
      }),
    );
    expect(changed).toMatchObject({ kind: 'invited', delegation: '特邀' });
    expect(
      (await other.officer.put(`/api/congress/terms/${c.term.id}/delegates/${obs.id}`, { kind: 'full' }))
        .statusCode,
    ).toBe(404);

    const xlsx = await c.officer.get(`/api/congress/terms/${c.term.id}/delegates/export`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readXlsx(xlsx.rawPayload);
    expect(rows[0]).toEqual(['代表团', '姓名', '科室', '代表类别']);
    expect(
      rows
        .slice(1)
        .map((r) => r[3])
        .sort(),
    ).toEqual(['正式代表', '正式代表', '特邀代表']);
    expect((await delegate.get(`/api/congress/terms/${c.term.id}/delegates/export`)).statusCode).toBe(403);

    // A delegate who signed in stays on record; one who did not may be removed.
    const [first, second] = c.delegates.filter((d) => d.kind === 'full');
    await ok(c.officer.post(`/api/congress/meetings/${c.meeting.id}/check-ins`, { delegateId: first.id }));
    const inUse = await c.officer.delete(`/api/congress/terms/${c.term.id}/delegates/${first.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('IN_USE');
    expect(
      (await c.officer.delete(`/api/congress/terms/${c.term.id}/delegates/${second.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await c.officer.delete(`/api/congress/terms/${c.term.id}/delegates/${second.id}`)).statusCode,
    ).toBe(404);
  });
});

describe('sign-in', () => {
  it('counts present against entitled full delegates and reaches the 2/3 quorum', async () => {
    const c = await setupCongress(ctx, { full: 3, observers: 1, accounts: 3 });
    const url = `/api/congress/meetings/${c.meeting.id}`;
    let board = await ok(c.officer.get(`${url}/attendance`));
    expect(board).toMatchObject({ entitled: 3, present: 0, quorumRequired: 2, quorumReached: false });

    // Officer at the desk; a second sign-in keeps the first.
    const [a, b, d] = c.voters;
    const first = await ok(c.officer.post(`${url}/check-ins`, { delegateId: a.delegateId }));
    expect(first.already).toBe(false);
    expect((await ok(c.officer.post(`${url}/check-ins`, { delegateId: a.delegateId }))).already).toBe(true);
    const obs = c.delegates.find((x) => x.kind === 'observer')!;
    await ok(c.officer.post(`${url}/check-ins`, { delegateId: obs.id }));
    board = await ok(c.officer.get(`${url}/attendance`));
    expect(board).toMatchObject({ present: 1, othersPresent: 1, quorumReached: false });

    // The delegate on a phone.
    const mine = await ok(b.get(`${url}/me`));
    expect(mine).toMatchObject({
      delegate: { id: b.delegateId, kind: 'full' },
      checkedInAt: null,
      present: 1,
    });
    const self = await ok(b.post(`${url}/me/check-in`));
    expect(self.already).toBe(false);
    board = await ok(d.get(`${url}/attendance`));
    expect(board).toMatchObject({ present: 2, quorumRequired: 2, quorumReached: true });
    expect(board.delegates.find((x: { id: string }) => x.id === b.delegateId).method).toBe('self');

    // Undo a mistaken sign-in.
    expect((await c.officer.delete(`${url}/check-ins/${a.delegateId}`)).statusCode).toBe(204);
    expect((await c.officer.delete(`${url}/check-ins/${a.delegateId}`)).statusCode).toBe(404);
    expect((await ok(c.officer.get(`${url}/attendance`))).present).toBe(1);
  });

  it('refuses strangers, other unions and a closed meeting', async () => {
    const c = await setupCongress(ctx, { full: 1 });
    const url = `/api/congress/meetings/${c.meeting.id}`;
    expect((await anonymous(ctx.app).post(`${url}/me/check-in`)).statusCode).toBe(401);
    const officerSelf = await c.officer.post(`${url}/me/check-in`);
    expect(officerSelf.statusCode).toBe(403);
    // A delegate account whose member is not a delegate of this term.
    const m = await createMember(c.officer, c.dept.id, { joinedAt: '2015-01-01' });
    const outsider = await loginAs(ctx, c.org.id, ['delegate'], { memberId: m.id });
    const refused = await outsider.post(`${url}/me/check-in`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('您不是本届职工代表');
    expect((await ok(outsider.get(`${url}/me`))).delegate).toBeNull();
    expect(
      (await c.voters[0].post(`${url}/check-ins`, { delegateId: c.voters[0].delegateId })).statusCode,
    ).toBe(403);
    expect((await c.officer.post(`${url}/check-ins`, { delegateId: NO_SUCH })).statusCode).toBe(404);
    expect((await c.officer.post(`${url}/check-ins`, { delegateId: 'x' })).statusCode).toBe(400);
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`${url}/attendance`)).statusCode).toBe(404);
    expect(
      (await other.officer.post(`${url}/check-ins`, { delegateId: c.voters[0].delegateId })).statusCode,
    ).toBe(404);

    await startMeeting(c, []);
    await ok(c.officer.post(`${url}/status`, { action: 'close' }));
    const late = await c.voters[0].post(`${url}/me/check-in`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('会议已闭幕，不能签到');
    expect(
      (await c.officer.post(`${url}/check-ins`, { delegateId: c.voters[0].delegateId })).statusCode,
    ).toBe(409);
  });
});
