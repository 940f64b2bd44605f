import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { ok, setupCongress, startMeeting } from '../congress/testkit.js';
import { createMember, orgWithOfficer } from '../members/testkit.js';
import { createPoll, motion, setStatus, vote } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

describe('preparing a poll', () => {
  it('401, 403, 400, 404 and the draft lifecycle', async () => {
    const c = await setupCongress(ctx, { full: 1 });
    expect((await anonymous(ctx.app).post('/api/polls', motion(c.meeting.id))).statusCode).toBe(401);
    expect((await c.voters[0].post('/api/polls', motion(c.meeting.id))).statusCode).toBe(403);
    const bad = await c.officer.post('/api/polls', motion(c.meeting.id, { title: '', subject: 'speech' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['title', 'subject']),
    );
    const noMeeting = await c.officer.post('/api/polls', motion(NO_SUCH));
    expect(noMeeting.json().error.details).toEqual([{ path: 'meetingId', message: '所选会议不存在' }]);
    const candidatesOnMotion = await c.officer.post(
      '/api/polls',
      motion(c.meeting.id, { candidates: [{ name: '张三' }] }),
    );
    expect(candidatesOnMotion.json().error.details[0].message).toBe('只有选举才有候选人和应选人数');
    const short = await c.officer.post(
      '/api/polls',
      motion(c.meeting.id, { subject: 'election', seats: 2, candidates: [{ name: '张三' }] }),
    );
    expect(short.json().error.details).toEqual([{ path: 'candidates', message: '候选人数不能少于应选人数' }]);
    const twice = await c.officer.post(
      '/api/polls',
      motion(c.meeting.id, {
        subject: 'election',
        seats: 1,
        candidates: [{ name: '张三' }, { name: '张三' }],
      }),
    );
    expect(twice.json().error.details).toEqual([{ path: 'candidates', message: '候选人姓名重复' }]);

    const poll = await createPoll(c, motion(c.meeting.id));
    expect(poll).toMatchObject({
      status: 'draft',
      base: 'fullDelegates',
      threshold: 'moreThanHalf',
      requiresCheckIn: true,
      votedCount: 0,
      passed: null,
      abilities: { edit: true, actions: ['open'], enterCounts: false, nextRound: false },
    });
    const edited = await ok(
      c.officer.put(`/api/polls/${poll.id}`, {
        ...motion(c.meeting.id, { title: '财务工作报告', threshold: 'twoThirds' }),
        meetingId: undefined,
        version: 1,
      }),
    );
    expect(edited).toMatchObject({ title: '财务工作报告', threshold: 'twoThirds', version: 2 });
    const stale = await c.officer.put(`/api/polls/${poll.id}`, {
      ...motion(c.meeting.id),
      meetingId: undefined,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`/api/polls/${poll.id}`)).statusCode).toBe(404);
    expect((await other.officer.post(`/api/polls/${poll.id}/status`, { action: 'open' })).statusCode).toBe(
      404,
    );
    expect((await other.officer.delete(`/api/polls/${poll.id}`)).statusCode).toBe(404);
    expect((await other.officer.get(`/api/polls?meetingId=${c.meeting.id}`)).statusCode).toBe(404);
    const member = await loginAs(ctx, c.org.id, ['member']);
    expect((await member.get(`/api/polls/${poll.id}`)).statusCode).toBe(403);

    // Opening waits for the meeting to start.
    const early = await setStatus(c, poll.id, 'open');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('会议开幕后才能开始投票');

    expect((await c.officer.delete(`/api/polls/${poll.id}`)).statusCode).toBe(204);
    expect((await c.officer.get(`/api/polls/${poll.id}`)).statusCode).toBe(404);
  });

  it('PUT a draft: 401, 403, 404 another union, 400 naming the field, the candidates replaced', async () => {
    const c = await setupCongress(ctx, { full: 1 });
    const poll = await createPoll(
      c,
      motion(c.meeting.id, { subject: 'election', seats: 1, candidates: [{ name: '张三' }] }),
    );
    const edit = (extra: Record<string, unknown> = {}) => ({
      ...motion(c.meeting.id, { subject: 'election', seats: 1, candidates: [{ name: '张三' }] }),
      meetingId: undefined,
      version: poll.version,
      ...extra,
    });
    expect((await anonymous(ctx.app).put(`/api/polls/${poll.id}`, edit())).statusCode).toBe(401);
    expect((await c.voters[0].put(`/api/polls/${poll.id}`, edit())).statusCode).toBe(403);
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.put(`/api/polls/${poll.id}`, edit())).statusCode).toBe(404);
    expect((await c.officer.put(`/api/polls/${NO_SUCH}`, edit())).statusCode).toBe(404);
    const bad = await c.officer.put(`/api/polls/${poll.id}`, edit({ seats: 2 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'candidates', message: '候选人数不能少于应选人数' }]);
    const moved = await c.officer.put(`/api/polls/${poll.id}`, edit({ meetingId: c.meeting.id }));
    expect(moved.statusCode).toBe(400);

    // One seat, two names: the edit turns an uncontested election into a competitive one.
    const edited = await ok(
      c.officer.put(`/api/polls/${poll.id}`, edit({ candidates: [{ name: '李四' }, { name: '王五' }] })),
    );
    expect(edited).toMatchObject({ seats: 1, electionMethod: 'competitive', version: poll.version + 1 });
    expect(edited.candidates.map((x: { name: string }) => x.name)).toEqual(['李四', '王五']);
  });

  it('freezes the voter list at the opening and refuses wrong steps with 409', async () => {
    const c = await setupCongress(ctx, { full: 2, observers: 1, accounts: 0 });
    await startMeeting(c, []);
    const poll = await createPoll(c, motion(c.meeting.id));
    expect((await setStatus(c, poll.id, 'close')).statusCode).toBe(409);
    const opened = await ok(setStatus(c, poll.id, 'open'));
    expect(opened).toMatchObject({
      status: 'open',
      entitledCount: 2,
      abilities: { edit: false, actions: ['close'] },
    });
    const again = await setStatus(c, poll.id, 'open');
    expect(again.json().error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '表决投票中，不能开始投票',
    });
    const edit = await c.officer.put(`/api/polls/${poll.id}`, {
      ...motion(c.meeting.id),
      meetingId: undefined,
      version: opened.version,
    });
    expect(edit.statusCode).toBe(409);
    expect((await c.officer.delete(`/api/polls/${poll.id}`)).statusCode).toBe(409);

    // A delegate added after the opening is not on this poll's list.
    const m = await createMember(c.officer, c.dept.id, { joinedAt: '2015-01-01' });
    await ok(
      c.officer.post(`/api/congress/terms/${c.term.id}/delegates`, { memberIds: [m.id], kind: 'full' }),
    );
    const late = await loginAs(ctx, c.org.id, ['delegate'], { memberId: m.id });
    await ok(late.post(`/api/congress/meetings/${c.meeting.id}/me/check-in`));
    const refused = await vote(late, poll.id, { choice: 'for' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('您不在本次表决的投票人名单中');
    expect((await ok(c.officer.get(`/api/polls/${poll.id}`))).entitledCount).toBe(2);

    // No tally while open; no closing of the meeting while a poll is open.
    const res = await c.officer.get(`/api/polls/${poll.id}/result`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('表决结束后才能查看结果');
    const closeMeeting = await c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, {
      action: 'close',
    });
    expect(closeMeeting.json().error.message).toBe('还有表决未结束，不能闭幕');

    const closed = await ok(setStatus(c, poll.id, 'close'));
    expect(closed).toMatchObject({ status: 'closed', passed: false });
    expect((await setStatus(c, poll.id, 'close')).statusCode).toBe(409);
    const r = await ok(c.officer.get(`/api/polls/${poll.id}/result`));
    expect(r).toMatchObject({ entitled: 2, present: 0, cast: 0, baseCount: 2, required: 2, passed: false });
  });
});

describe('paper polls', () => {
  it('takes the tellers counts while open and checks them', async () => {
    const c = await setupCongress(ctx, { full: 5, accounts: 1 });
    await startMeeting(c, []);
    const poll = await createPoll(c, motion(c.meeting.id, { mode: 'paper', secret: true, base: 'present' }));
    expect(
      (await c.officer.put(`/api/polls/${poll.id}/paper-counts`, { for: 1, against: 0, abstain: 0 }))
        .statusCode,
    ).toBe(409);
    await ok(setStatus(c, poll.id, 'open'));
    const online = await vote(c.voters[0], poll.id, { choice: 'for' });
    expect(online.statusCode).toBe(409);
    expect((await setStatus(c, poll.id, 'close')).json().error.message).toBe('请先录入计票结果，再结束投票');
    const over = await c.officer.put(`/api/polls/${poll.id}/paper-counts`, {
      for: 4,
      against: 1,
      abstain: 1,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].message).toBe('票数合计超过应到人数（5）');
    const missing = await c.officer.put(`/api/polls/${poll.id}/paper-counts`, { for: 4 });
    expect(missing.statusCode).toBe(400);
    expect(
      (await c.officer.put(`/api/polls/${poll.id}/paper-counts`, { for: -1, against: 0, abstain: 0 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await c.voters[0].put(`/api/polls/${poll.id}/paper-counts`, { for: 1, against: 0, abstain: 0 }))
        .statusCode,
    ).toBe(403);
    await ok(
      c.officer.put(`/api/polls/${poll.id}/paper-counts`, { for: 3, against: 1, abstain: 0, invalid: 1 }),
    );

    // Base "present": 4 of the 5 signed in; 3 for out of 4 present passes (> 1/2 of 4 = 3).
    for (const d of c.delegates.slice(0, 4)) {
      await ok(c.officer.post(`/api/congress/meetings/${c.meeting.id}/check-ins`, { delegateId: d.id }));
    }
    await ok(setStatus(c, poll.id, 'close'));
    const r = await ok(c.officer.get(`/api/polls/${poll.id}/result`));
    expect(r).toMatchObject({
      entitled: 5,
      present: 4,
      cast: 4,
      invalid: 1,
      baseCount: 4,
      required: 3,
      for: 3,
      passed: true,
    });
  });

  it('counts a paper election with a write-in', async () => {
    const c = await setupCongress(ctx, { full: 5, accounts: 0 });
    await startMeeting(c, []);
    const poll = await createPoll(
      c,
      motion(c.meeting.id, {
        title: '工会主席补选',
        subject: 'election',
        mode: 'paper',
        seats: 1,
        allowWriteIn: true,
        candidates: [{ name: '王芳' }, { name: '李强' }],
      }),
    );
    expect(poll.electionMethod).toBe('competitive');
    await ok(setStatus(c, poll.id, 'open'));
    const [wang, li] = poll.candidates;
    const tooMany = await c.officer.put(`/api/polls/${poll.id}/paper-counts`, {
      ballots: 5,
      votes: [{ candidateId: wang.id, votes: 6 }],
    });
    expect(tooMany.json().error.details[0].message).toBe('候选人得票不能超过有效票数');
    const clash = await c.officer.put(`/api/polls/${poll.id}/paper-counts`, {
      ballots: 5,
      votes: [{ candidateId: wang.id, votes: 3 }],
      writeIns: [{ name: '李强', votes: 1 }],
    });
    expect(clash.statusCode).toBe(400);
    await ok(
      c.officer.put(`/api/polls/${poll.id}/paper-counts`, {
        ballots: 5,
        votes: [
          { candidateId: wang.id, votes: 3 },
          { candidateId: li.id, votes: 1 },
        ],
        writeIns: [{ name: '赵敏', votes: 1 }],
      }),
    );
    const closed = await ok(setStatus(c, poll.id, 'close'));
    expect(closed.passed).toBe(true);
    const r = await ok(c.officer.get(`/api/polls/${poll.id}/result`));
    expect(r.required).toBe(3);
    expect(r.candidates).toEqual([
      { id: wang.id, name: '王芳', writeIn: false, votes: 3, elected: true },
      { id: li.id, name: '李强', writeIn: false, votes: 1, elected: false },
      expect.objectContaining({ name: '赵敏', writeIn: true, votes: 1, elected: false }),
    ]);
  });
});

describe('result sheet', () => {
  it('is a Word file with the title, base, counts and result, only after the close', async () => {
    const c = await setupCongress(ctx, { full: 3 });
    await startMeeting(c);
    const poll = await createPoll(c, motion(c.meeting.id, { secret: false }));
    await ok(setStatus(c, poll.id, 'open'));
    expect((await c.officer.get(`/api/polls/${poll.id}/result-sheet`)).statusCode).toBe(409);
    for (const v of c.voters.slice(0, 2)) await ok(vote(v, poll.id, { choice: 'for' }));
    await ok(vote(c.voters[2], poll.id, { choice: 'abstain' }));
    await ok(setStatus(c, poll.id, 'close'));
    const res = await c.voters[0].get(`/api/polls/${poll.id}/result-sheet`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('院长工作报告表决结果');
    expect(text).toContain('以全体正式代表（3人）为基数，过半数，即不少于2票');
    expect(text).toContain('表决结果：通过');
    const other = await orgWithOfficer(ctx);
    expect((await other.officer.get(`/api/polls/${poll.id}/result-sheet`)).statusCode).toBe(404);
    expect((await anonymous(ctx.app).get(`/api/polls/${poll.id}/result-sheet`)).statusCode).toBe(401);
  });
});
