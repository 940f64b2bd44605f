import type { DelegateKind, DelegateView } from '../../../common/schemas/congress.js';
import { type Client, loginAs, type TestContext } from '../../test/helpers.js';
import { createMember, orgWithOfficer } from '../members/testkit.js';

// Test helpers of the congress and polls modules: a union with a term, a meeting and delegates
// whose accounts are linked to their member records.

let termNumber = 1;

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
type Json = any;

export async function ok<T = Json>(
  res: Promise<{ statusCode: number; body: string; json(): Json }>,
  status = 200,
) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json()?.data as T;
}

export interface Congress {
  org: { id: string };
  dept: { id: string; name: string };
  officer: Client;
  term: { id: string; number: number };
  meeting: { id: string; version: number; termId: string };
  delegates: DelegateView[];
  /** Signed-in accounts of the first `accounts` full delegates, in the order of `delegates`. */
  voters: (Client & { delegateId: string })[];
}

/** A union with a term, a planned meeting, full delegates, observers and signed-in delegate accounts. */
export async function setupCongress(
  ctx: TestContext,
  opts: { full?: number; observers?: number; accounts?: number } = {},
): Promise<Congress> {
  const { org, dept, officer } = await orgWithOfficer(ctx);
  const term = await ok(
    officer.post('/api/congress/terms', { number: termNumber++, startDate: '2024-01-01' }),
    201,
  );
  const meeting = await ok(
    officer.post('/api/congress/meetings', {
      termId: term.id,
      number: 2,
      date: '2025-03-01',
      place: '门诊楼八楼会议室',
      agenda: '审议院长工作报告',
    }),
    201,
  );
  const add = async (n: number, kind: DelegateKind) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        (await createMember(officer, dept.id, { name: `代表${kind}${i}`, joinedAt: '2015-01-01' })).id,
      );
    }
    if (ids.length)
      await ok(
        officer.post(`/api/congress/terms/${term.id}/delegates`, {
          memberIds: ids,
          kind,
          delegation: '第一代表团',
        }),
      );
  };
  await add(opts.full ?? 3, 'full');
  await add(opts.observers ?? 0, 'observer');
  const delegates = await ok<DelegateView[]>(officer.get(`/api/congress/terms/${term.id}/delegates`));
  const full = delegates.filter((d) => d.kind === 'full');
  const voters = [];
  for (const d of full.slice(0, opts.accounts ?? full.length)) {
    const c = await loginAs(ctx, org.id, ['delegate'], { memberId: d.memberId });
    voters.push(Object.assign(c, { delegateId: d.id }));
  }
  return { org, dept, officer, term, meeting, delegates, voters };
}

/** Opens the meeting and signs the given voters in. */
export async function startMeeting(c: Congress, checkIn: Client[] = c.voters) {
  await ok(c.officer.post(`/api/congress/meetings/${c.meeting.id}/status`, { action: 'start' }));
  for (const v of checkIn) await ok(v.post(`/api/congress/meetings/${c.meeting.id}/me/check-in`));
}
