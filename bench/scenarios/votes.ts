import { randomUUID } from 'node:crypto';
import { defaultMeetingTitle } from '../../common/chineseNumber.js';
import {
  congressCheckIns,
  congressDelegates,
  congressMeetings,
  congressTerms,
  polls,
  pollVoterList,
  sessions,
  users,
} from '../../server/db/schema/index.js';
import { randomToken, sha256 } from '../../server/lib/crypto.js';
import type { BenchContext, BenchScenario, Result } from '../types.js';
import { failuresNote } from './members.js';

// Voting at a congress: 2,000 delegates, each with their own signed-in session, vote in one poll
// (target: all within 10 s, p99 reported); vote throughput against the INSERT ceiling (every request
// a new delegate–poll pair, so each is a real first vote); and the tally of the closed poll (< 100 ms).

const DELEGATES = 2000;
const CONCURRENCY = 50;
const CHUNK = 1000;

async function chunks<T>(rows: T[], insert: (c: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** A meeting in progress with 2,000 full delegates signed in, and a session cookie for each. */
async function congress(ctx: BenchContext) {
  const union = await ctx.union(10_000);
  const orgId = union.orgId;
  const memberIds = union.memberIds.slice(-DELEGATES);
  const [term] = await ctx.db
    .insert(congressTerms)
    .values({ orgId, number: 9, startDate: '2024-01-01' })
    .returning();
  const [meeting] = await ctx.db
    .insert(congressMeetings)
    .values({
      orgId,
      termId: term.id,
      number: 1,
      title: defaultMeetingTitle(9, 1),
      date: '2025-03-01',
      status: 'inProgress',
    })
    .returning();
  const delegates = memberIds.map((memberId) => ({
    id: randomUUID(),
    orgId,
    termId: term.id,
    memberId,
    kind: 'full' as const,
  }));
  await chunks(delegates, (c) => ctx.db.insert(congressDelegates).values(c));
  await chunks(delegates, (c) =>
    ctx.db
      .insert(congressCheckIns)
      .values(c.map((d) => ({ orgId, meetingId: meeting.id, delegateId: d.id, method: 'self' as const }))),
  );
  // Sessions written directly, hashed as server/lib/session.ts does: 2,000 argon2 logins would take minutes.
  const accounts = memberIds.map((memberId) => ({
    id: randomUUID(),
    orgId,
    username: `benchdelegate${randomToken(6)}`,
    displayName: '基准代表',
    passwordHash: 'not-used',
    roles: ['delegate'],
    memberId,
    mustChangePassword: false,
  }));
  await chunks(accounts, (c) => ctx.db.insert(users).values(c));
  const tokens = accounts.map(() => randomToken());
  await chunks(
    accounts.map((a, i) => ({ id: sha256(tokens[i]), userId: a.id, orgId })),
    (c) => ctx.db.insert(sessions).values(c),
  );
  const cookies = tokens.map((t) => `gh_session=${t}`);

  /** Opened polls, each with its voter list frozen (the 2,000 delegates). */
  async function openPolls(n: number): Promise<string[]> {
    const rows = await ctx.db
      .insert(polls)
      .values(
        Array.from({ length: n }, (_, i) => ({
          orgId,
          meetingId: meeting.id,
          title: `基准表决${i + 1}`,
          subject: 'report' as const,
          secret: true,
          mode: 'electronic' as const,
          base: 'fullDelegates' as const,
          threshold: 'moreThanHalf' as const,
          status: 'open' as const,
          entitledCount: DELEGATES,
          openedAt: new Date(),
        })),
      )
      .returning({ id: polls.id });
    for (const p of rows) {
      await chunks(delegates, (c) =>
        ctx.db.insert(pollVoterList).values(c.map((d) => ({ orgId, pollId: p.id, delegateId: d.id }))),
      );
    }
    return rows.map((r) => r.id);
  }
  return { cookies, openPolls, officer: await ctx.cookie(orgId, ['officer']) };
}

/** Every delegate votes once in one poll, 50 at a time: wall time, latencies, failures. */
async function voteAll(ctx: BenchContext, pollId: string, cookies: string[]) {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < cookies.length) {
      const cookie = cookies[next++];
      const t = performance.now();
      const res = await fetch(`${ctx.baseUrl}/api/polls/${pollId}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ctx.baseUrl, cookie },
        body: JSON.stringify({ choice: Math.random() < 0.9 ? 'for' : 'against' }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 200) failures++;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const p = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))];
  return { wallMs, p50: p(50), p95: p(95), p99: p(99), failures };
}

export const votesBench: BenchScenario = {
  name: 'votes',
  quick: true,
  async run(ctx) {
    const c = await congress(ctx);
    const results: Result[] = [];

    // 1. 2,000 delegates in one poll.
    const [poll] = await c.openPolls(1);
    const all = await voteAll(ctx, poll, c.cookies);
    results.push({
      scenario: 'vote: 2,000 delegates, one poll',
      size: '2,000 delegates',
      conc: CONCURRENCY,
      rps: (DELEGATES / all.wallMs) * 1000,
      p50: all.p50,
      p95: all.p95,
      p99: all.p99,
      wallMs: all.wallMs,
      targets: [{ label: 'all in <10s', ok: all.wallMs < 10_000 && all.failures === 0 }],
      note: failuresNote(all.failures),
    });

    // 2. Tally of the closed poll (the close shakes the ballot box of the secret poll first).
    const close = await fetch(`${ctx.baseUrl}/api/polls/${poll}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ctx.baseUrl, cookie: c.officer },
      body: JSON.stringify({ action: 'close' }),
    });
    if (close.status !== 200)
      throw new Error(`closing the poll failed: ${close.status} ${await close.text()}`);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { ms, value } = await ctx.timeIt(async () => {
        const res = await fetch(`${ctx.baseUrl}/api/polls/${poll}/result`, {
          headers: { cookie: c.officer },
        });
        return (await res.json()) as { data: { cast: number } };
      });
      if (value.data.cast !== DELEGATES - all.failures)
        throw new Error(`tally counted ${value.data.cast} ballots`);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    const worst = times[times.length - 1];
    results.push({
      scenario: 'poll tally (closed)',
      size: '2,000 ballots',
      p50: times[10],
      wallMs: worst,
      targets: [{ label: '<100ms', ok: worst < 100 }],
      note: 'GET /api/polls/:id/result, 20 runs; wallMs is the slowest',
    });

    // 3. Vote throughput against the INSERT ceiling: a fresh delegate–poll pair for every request.
    const pool = await c.openPolls(ctx.quick ? 5 : 40);
    let i = 0;
    const s = await ctx.compare('insert', {
      method: 'POST',
      path: `/api/polls/${pool[0]}/vote`,
      body: { choice: 'for' },
      requestFor: () => {
        const n = i++;
        const pollId = pool[Math.floor(n / DELEGATES) % pool.length];
        return { path: `/api/polls/${pollId}/vote`, headers: { cookie: c.cookies[n % DELEGATES] } };
      },
    });
    results.push({
      scenario: 'vote throughput',
      size: `${pool.length} polls × 2,000`,
      conc: 20,
      ...s,
      ceiling: 'insert',
      targets: [{ label: '≥0.2×insert', ok: s.ratio >= 0.2 }],
      note:
        failuresNote(s.failures) ??
        (i > pool.length * DELEGATES ? 'pairs reused: raise the pool' : undefined),
    });
    return results;
  },
};
