import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, pollBallots, pollVoters } from '../../db/schema/index.js';
import { anonymous, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { ok, setupCongress, startMeeting } from '../congress/testkit.js';
import { orgWithOfficer } from '../members/testkit.js';
import { createPoll, motion, setStatus, vote } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

describe('electronic voting', () => {
  it('counts a named poll, shows only turnout while open, and refuses every wrong vote', async () => {
    const c = await setupCongress(ctx, { full: 4, observers: 1 });
    await startMeeting(c, c.voters.slice(0, 3));
    const poll = await createPoll(c, motion(c.meeting.id, { secret: false, title: '职工代表大会决议' }));
    const [a, b, d, absent] = c.voters;
    expect((await vote(a, poll.id, { choice: 'for' })).json().error.message).toBe('表决尚未开始');
    await ok(setStatus(c, poll.id, 'open'));

    expect((await anonymous(ctx.app).post(`/api/polls/${poll.id}/vote`, { choice: 'for' })).statusCode).toBe(
      401,
    );
    expect((await c.officer.post(`/api/polls/${poll.id}/vote`, { choice: 'for' })).statusCode).toBe(403);
    const bad = await vote(a, poll.id, { choice: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toEqual({ path: 'choice', message: '请选择赞成、反对或弃权' });
    expect((await vote(a, poll.id, {})).statusCode).toBe(400);
    expect((await vote(a, poll.id, { choice: 'for', writeIns: ['张三'] })).statusCode).toBe(400);
    const notIn = await vote(absent, poll.id, { choice: 'for' });
    expect(notIn.statusCode).toBe(409);
    expect(notIn.json().error.message).toBe('请先签到再投票');
    const other = await orgWithOfficer(ctx);
    const stranger = await loginAs(ctx, other.org.id, ['delegate']);
    expect((await vote(stranger, poll.id, { choice: 'for' })).statusCode).toBe(404);
    // An observer signed in is not on the voter list.
    const observer = c.delegates.find((x) => x.kind === 'observer')!;
    const obsClient = await loginAs(ctx, c.org.id, ['delegate'], { memberId: observer.memberId });
    await ok(obsClient.post(`/api/congress/meetings/${c.meeting.id}/me/check-in`));
    expect((await vote(obsClient, poll.id, { choice: 'for' })).statusCode).toBe(403);

    expect(await ok(vote(a, poll.id, { choice: 'for' }))).toEqual({ voted: true });
    const twice = await vote(a, poll.id, { choice: 'against' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('您已投过票');
    await ok(vote(b, poll.id, { choice: 'for' }));
    await ok(vote(d, poll.id, { choice: 'against' }));

    // While open: turnout only.
    const open = await ok(c.officer.get(`/api/polls/${poll.id}`));
    expect(open).toMatchObject({ votedCount: 3, entitledCount: 4, passed: null });
    expect(JSON.stringify(open)).not.toMatch(/against|"for"/);
    expect((await c.officer.get(`/api/polls/${poll.id}/result`)).statusCode).toBe(409);
    const mine = await ok(a.get(`/api/congress/meetings/${c.meeting.id}/my-polls`));
    expect(mine).toMatchObject([{ hasVoted: true, refusal: '您已投过票', poll: { id: poll.id } }]);
    expect((await ok(absent.get(`/api/congress/meetings/${c.meeting.id}/my-polls`)))[0].refusal).toBe(
      '请先签到再投票',
    );
    expect((await c.officer.get(`/api/congress/meetings/${c.meeting.id}/my-polls`)).statusCode).toBe(403);

    await ok(setStatus(c, poll.id, 'close'));
    const late = await vote(absent, poll.id, { choice: 'for' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('表决已结束');

    // 4 full delegates, more than half of all = 3; 2 for → not passed.
    const r = await ok(a.get(`/api/polls/${poll.id}/result`));
    expect(r).toMatchObject({
      entitled: 4,
      present: 3,
      cast: 3,
      for: 2,
      against: 1,
      abstain: 0,
      required: 3,
      passed: false,
    });

    // Named: each voter row points at its ballot; the audit row keeps the choice.
    const voters = await ctx.deps.db.select().from(pollVoters).where(eq(pollVoters.pollId, poll.id));
    expect(voters).toHaveLength(3);
    expect(voters.every((v) => v.ballotId !== null)).toBe(true);
    const audits = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.objectId, poll.id));
    expect(
      audits
        .filter((x) => x.action === 'poll.vote')
        .map((x) => (x.detail as { choice: string }).choice)
        .sort(),
    ).toEqual(['against', 'for', 'for']);
  });

  it('lets many parallel votes from one delegate count exactly once', async () => {
    const c = await setupCongress(ctx, { full: 2 });
    await startMeeting(c);
    const poll = await createPoll(c, motion(c.meeting.id));
    await ok(setStatus(c, poll.id, 'open'));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => vote(c.voters[0], poll.id, { choice: i % 2 ? 'for' : 'against' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    const [{ n }] = await ctx.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(pollBallots)
      .where(eq(pollBallots.pollId, poll.id));
    expect(n).toBe(1);
    expect((await ok(c.officer.get(`/api/polls/${poll.id}`))).votedCount).toBe(1);
  });
});

describe('secret ballots', () => {
  it('keep no link between a delegate and a ballot', async () => {
    // The ballot table has no column that could name or order a voter.
    const { rows: columns } = await ctx.deps.db.execute<{
      column_name: string;
      data_type: string;
      column_default: string | null;
    }>(
      sql`select column_name, data_type, column_default from information_schema.columns where table_name = 'poll_ballots' order by column_name`,
    );
    expect(columns.map((x) => x.column_name)).toEqual([
      'candidate_ids',
      'choice',
      'id',
      'org_id',
      'poll_id',
      'write_ins',
    ]);
    expect(columns.find((x) => x.column_name === 'id')).toMatchObject({
      data_type: 'uuid',
      column_default: 'gen_random_uuid()',
    });
    expect(columns.some((x) => /timestamp|date|serial|integer|bigint/.test(x.data_type))).toBe(false);

    const c = await setupCongress(ctx, { full: 3 });
    await startMeeting(c);
    const poll = await createPoll(c, motion(c.meeting.id, { secret: true }));
    await ok(setStatus(c, poll.id, 'open'));
    await ok(vote(c.voters[0], poll.id, { choice: 'for' }));
    await ok(vote(c.voters[1], poll.id, { choice: 'against' }));
    await ok(vote(c.voters[2], poll.id, { choice: 'for' }));

    const voters = await ctx.deps.db.select().from(pollVoters).where(eq(pollVoters.pollId, poll.id));
    expect(voters.map((v) => v.ballotId)).toEqual([null, null, null]);
    // The database itself refuses to link a secret voter to a ballot.
    const [ballot] = await ctx.deps.db.select().from(pollBallots).where(eq(pollBallots.pollId, poll.id));
    await expect(
      ctx.deps.db.update(pollVoters).set({ ballotId: ballot.id }).where(eq(pollVoters.pollId, poll.id)),
    ).rejects.toMatchObject({ cause: { constraint: 'poll_voters_secret_unlinked' } });
    // The audit says that a delegate voted, never how.
    const audits = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.objectId, poll.id));
    expect(
      audits.filter((x) => x.action === 'poll.vote').every((x) => JSON.stringify(x.detail) === '{}'),
    ).toBe(true);

    // While the poll is open the database's own transaction ids still pair them (visible to a
    // database superuser only, never through the application); closing removes even that.
    const pairs = sql`select 1 from poll_voters v join poll_ballots b on b.xmin = v.xmin where v.poll_id = ${poll.id} and b.poll_id = ${poll.id}`;
    expect((await ctx.deps.db.execute(pairs)).rows).toHaveLength(3);
    const before = (await ctx.deps.db.select().from(pollBallots).where(eq(pollBallots.pollId, poll.id))).map(
      (b) => b.id,
    );
    await ok(setStatus(c, poll.id, 'close'));
    // Closing rewrote the box: new ids, and no ballot shares a writing transaction with a voter row.
    const after = await ctx.deps.db.execute<{ id: string; xmin: string }>(
      sql`select id, xmin::text from poll_ballots where poll_id = ${poll.id}`,
    );
    expect(after.rows).toHaveLength(3);
    expect(after.rows.some((b) => before.includes(b.id))).toBe(false);
    expect((await ctx.deps.db.execute(pairs)).rows).toHaveLength(0);
    const r = await ok(c.officer.get(`/api/polls/${poll.id}/result`));
    expect(r).toMatchObject({ for: 2, against: 1, cast: 3, passed: true });
  });
});

describe('elections', () => {
  it('counts marks and write-ins, and fills the remaining seat in a second round', async () => {
    const c = await setupCongress(ctx, { full: 5 });
    await startMeeting(c);
    const poll = await createPoll(
      c,
      motion(c.meeting.id, {
        title: '工会委员选举',
        subject: 'election',
        seats: 2,
        allowWriteIn: true,
        base: 'votesCast',
        candidates: [{ name: '甲' }, { name: '乙' }, { name: '丙' }],
      }),
    );
    expect(poll.electionMethod).toBe('competitive');
    await ok(setStatus(c, poll.id, 'open'));
    const [jia, yi, bing] = poll.candidates.map((x: { id: string }) => x.id);
    const [v1, v2, v3, v4, v5] = c.voters;
    expect((await vote(v1, poll.id, { candidateIds: [jia, yi, bing] })).json().error.message).toBe(
      '最多选2人',
    );
    expect((await vote(v1, poll.id, { candidateIds: [jia, jia] })).statusCode).toBe(400);
    expect((await vote(v1, poll.id, { choice: 'for' })).statusCode).toBe(400);
    expect((await vote(v1, poll.id, { candidateIds: [jia], writeIns: ['乙'] })).statusCode).toBe(400);
    await ok(vote(v1, poll.id, { candidateIds: [jia, yi] }));
    await ok(vote(v2, poll.id, { candidateIds: [jia, bing] }));
    await ok(vote(v3, poll.id, { candidateIds: [jia], writeIns: ['丁'] }));
    await ok(vote(v4, poll.id, { candidateIds: [yi, bing] }));
    await ok(vote(v5, poll.id, { candidateIds: [] }));
    const closed = await ok(setStatus(c, poll.id, 'close'));
    expect(closed).toMatchObject({ passed: false, abilities: { nextRound: true } });

    // 5 ballots cast, more than half = 3: 甲 3 elected; 乙 2, 丙 2, 丁 1 not.
    const r = await ok(c.officer.get(`/api/polls/${poll.id}/result`));
    expect(r).toMatchObject({ cast: 5, baseCount: 5, required: 3, remainingSeats: 1, passed: false });
    expect(
      r.candidates.map((x: { name: string; votes: number; elected: boolean }) => [
        x.name,
        x.votes,
        x.elected,
      ]),
    ).toEqual([
      ['甲', 3, true],
      ['乙', 2, false],
      ['丙', 2, false],
      ['丁', 1, false],
    ]);

    const round2 = await ok(c.officer.post(`/api/polls/${poll.id}/next-round`), 201);
    expect(round2).toMatchObject({
      title: '工会委员选举（第2轮）',
      round: 2,
      seats: 1,
      previousPollId: poll.id,
      status: 'draft',
      electionMethod: 'competitive',
    });
    expect(round2.candidates.map((x: { name: string }) => x.name)).toEqual(['乙', '丙']);
    expect((await c.officer.post(`/api/polls/${poll.id}/next-round`)).statusCode).toBe(409);
    expect((await c.voters[0].post(`/api/polls/${poll.id}/next-round`)).statusCode).toBe(403);

    await ok(setStatus(c, round2.id, 'open'));
    const [yi2, bing2] = round2.candidates.map((x: { id: string }) => x.id);
    for (const v of [v1, v2, v3, v4]) await ok(vote(v, round2.id, { candidateIds: [yi2] }));
    await ok(vote(v5, round2.id, { candidateIds: [bing2] }));
    expect((await ok(setStatus(c, round2.id, 'close'))).passed).toBe(true);
    const r2 = await ok(c.officer.get(`/api/polls/${round2.id}/result`));
    expect(
      r2.candidates.filter((x: { elected: boolean }) => x.elected).map((x: { name: string }) => x.name),
    ).toEqual(['乙']);
    const done = await c.officer.post(`/api/polls/${round2.id}/next-round`);
    expect(done.json().error.message).toBe('名额已全部选出，无需下一轮');
  });
});
