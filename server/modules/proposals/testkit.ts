import {
  congressDelegates,
  congressMeetings,
  congressTerms,
  proposalWindows,
} from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import { createDepartment, loginAs, type TestContext } from '../../test/helpers.js';
import { createMember, orgWithOfficer } from '../members/testkit.js';

// Test helpers of proposals: a union with a term, its meeting with an open window (2 co-signers),
// four delegates with accounts, two functional offices with a handler each.

export async function proposalWorld(
  ctx: TestContext,
  opts: { minCosigners?: number; termNumber?: number } = {},
) {
  const { org, dept, officer } = await orgWithOfficer(ctx);
  const db = ctx.deps.db;
  const [term] = await db
    .insert(congressTerms)
    .values({ orgId: org.id, number: opts.termNumber ?? 3, startDate: '2023-01-01' })
    .returning();
  const [meeting] = await db
    .insert(congressMeetings)
    .values({ orgId: org.id, termId: term.id, number: 2, title: '第三届第二次职工代表大会', date: today() })
    .returning();
  await db.insert(proposalWindows).values({
    orgId: org.id,
    meetingId: meeting.id,
    opensOn: addDays(today(), -5),
    closesOn: addDays(today(), 5),
    minCosigners: opts.minCosigners ?? 2,
  });
  const delegates: (Awaited<ReturnType<typeof loginAs>> & { memberId: string })[] = [];
  for (const name of ['张伟', '李娜', '王芳', '刘洋']) {
    const m = await createMember(officer, dept.id, { name });
    await db
      .insert(congressDelegates)
      .values({ orgId: org.id, termId: term.id, memberId: m.id, kind: 'full' });
    const c = await loginAs(ctx, org.id, ['delegate'], { memberId: m.id });
    delegates.push(Object.assign(c, { memberId: m.id as string }));
  }
  const logistics = await createDepartment(ctx.deps, org.id, '后勤保障处');
  const hr = await createDepartment(ctx.deps, org.id, '人事处');
  const handlerLogistics = await loginAs(ctx, org.id, ['handler'], { departmentIds: [logistics.id] });
  const handlerHr = await loginAs(ctx, org.id, ['handler'], { departmentIds: [hr.id] });
  return { org, dept, officer, term, meeting, delegates, logistics, hr, handlerLogistics, handlerHr };
}
export type ProposalWorld = Awaited<ReturnType<typeof proposalWorld>>;

export function proposalBody(w: ProposalWorld, extra: Record<string, unknown> = {}, author = 0) {
  return {
    meetingId: w.meeting.id,
    title: '改善职工食堂夜班供餐',
    reasons: '夜班职工反映食堂23点后无热饭供应。',
    measures: '建议增设夜班热食窗口，延长供餐至凌晨1点。',
    category: '后勤保障',
    cosignerMemberIds: [w.delegates[(author + 1) % 4].memberId, w.delegates[(author + 2) % 4].memberId],
    ...extra,
  };
}

async function ok(res: { statusCode: number; body: string; json: () => { data: unknown } }, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  // biome-ignore lint/suspicious/noExplicitAny: test data of any shape
  return res.json().data as any;
}

/** A proposal by a delegate, submitted and co-signed by the next two: numbered and "submitted". */
export async function submittedProposal(
  w: ProposalWorld,
  extra: Record<string, unknown> = {},
  authorIndex = 0,
) {
  const [author, c1, c2] = [0, 1, 2].map((i) => w.delegates[(authorIndex + i) % 4]);
  let p = await ok(await author.post('/api/proposals', proposalBody(w, extra, authorIndex)), 'create');
  p = await ok(await author.post(`/api/proposals/${p.id}/submit`, { version: p.version }), 'submit');
  await ok(await c1.post(`/api/proposals/${p.id}/cosign`, { confirm: true }), 'cosign 1');
  return ok(await c2.post(`/api/proposals/${p.id}/cosign`, { confirm: true }), 'cosign 2');
}

export async function acceptedProposal(
  w: ProposalWorld,
  extra: Record<string, unknown> = {},
  authorIndex = 0,
) {
  const p = await submittedProposal(w, extra, authorIndex);
  return ok(
    await w.officer.post(`/api/proposals/${p.id}/review`, { decision: 'accept', version: p.version }),
    'accept',
  );
}

export { ok };
