import { randomUUID } from 'node:crypto';
import { defaultMeetingTitle } from '../../common/chineseNumber.js';
import {
  congressMeetings,
  congressTerms,
  handlingItems,
  proposals,
  proposalTopics,
} from '../../server/db/schema/index.js';
import type { BenchContext, BenchScenario, Result } from '../types.js';
import { failuresNote } from './members.js';

// The proposal list with 10,000 proposals in one union (target p95 < 50 ms under 20 clients):
// page 1 of everything, one state, and the overdue filter that joins the handling records.
// Proposals are bulk-inserted directly; a fifth of them are handled through 2,000 topics.

const PROPOSALS = 10_000;
const TOPICS = 2_000;
const CHUNK = 1_000;
const STATES = ['submitted', 'accepted', 'notAccepted'] as const;
const TITLES = ['改善职工食堂', '增加停车位', '提高夜班补贴', '职称评聘公开', '值班室条件', '职工体检项目'];

async function chunks<T>(rows: T[], insert: (c: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function load(ctx: BenchContext) {
  const union = await ctx.union(10_000);
  const orgId = union.orgId;
  const [term] = await ctx.db
    .insert(congressTerms)
    .values({ orgId, number: 8, startDate: '2024-01-01' })
    .returning();
  const [meeting] = await ctx.db
    .insert(congressMeetings)
    .values({ orgId, termId: term.id, number: 1, title: defaultMeetingTitle(8, 1), date: '2025-03-01' })
    .returning();
  const topics = Array.from({ length: TOPICS }, (_, i) => ({
    id: randomUUID(),
    orgId,
    meetingId: meeting.id,
    title: `${TITLES[i % TITLES.length]}（${i + 1}）`,
  }));
  await chunks(topics, (c) => ctx.db.insert(proposalTopics).values(c));
  const today = new Date().toISOString().slice(0, 10);
  await chunks(
    topics.map((t, i) => ({
      orgId,
      subjectType: 'proposalTopic',
      subjectId: t.id,
      title: t.title,
      link: `/proposals/topics/${t.id}`,
      leadDepartmentId: union.departments[i % union.departments.length].id,
      // One in ten is past due.
      dueDate: i % 10 === 0 ? '2025-01-01' : '2099-12-31',
      state: 'assigned' as const,
    })),
    (c) => ctx.db.insert(handlingItems).values(c),
  );
  const rows = Array.from({ length: PROPOSALS }, (_, i) => {
    const handled = i < TOPICS;
    return {
      orgId,
      meetingId: meeting.id,
      number: `八届一次-${String(i + 1).padStart(5, '0')}`,
      seq: i + 1,
      title: `${TITLES[i % TITLES.length]}的建议（${i + 1}）`,
      reasons: '职工反映强烈。',
      measures: '建议有关部门研究解决。',
      category: '后勤保障',
      proposerMemberId: union.memberIds[i % union.memberIds.length],
      state: handled ? 'assigned' : STATES[i % STATES.length],
      topicId: handled ? topics[i % TOPICS].id : null,
      submittedAt: new Date(),
      // One minute apart, as submissions arrive; a bulk insert would otherwise give whole chunks one time.
      createdAt: new Date(Date.now() - (PROPOSALS - i) * 60_000),
    };
  });
  await chunks(rows, (c) => ctx.db.insert(proposals).values(c));
  // Fresh statistics, as autovacuum would gather after a load this size.
  for (const t of ['proposals', 'proposal_topics', 'handling_items'])
    await ctx.pool.query(`vacuum analyze ${t}`);
  ctx.log(`proposals: ${PROPOSALS} in union ${orgId}, ${TOPICS} topics assigned (as of ${today})`);
  return { cookie: await ctx.cookie(orgId, ['officer']) };
}

export const proposalsBench: BenchScenario = {
  name: 'proposals',
  quick: true,
  async run(ctx) {
    const { cookie } = await load(ctx);
    const results: Result[] = [];
    for (const [label, query] of [
      ['proposal list', ''],
      ['proposal list state', '&state=accepted'],
      ['proposal list overdue', '&overdue=1'],
    ] as const) {
      const s = await ctx.compare('select', { path: `/api/proposals?pageSize=20${query}`, cookie });
      results.push({
        scenario: label,
        size: '10k proposals',
        conc: 20,
        ...s,
        ceiling: 'select',
        targets: [{ label: 'p95<50ms', ok: s.p95 < 50 }],
        note: failuresNote(s.failures),
      });
    }
    return results;
  },
};
