import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  congressMeetings,
  forumIssues,
  forums,
  handlingItems,
  members,
  proposals,
  suggestions,
} from '../../db/schema/index.js';

// Read-only year figures over the proposal, suggestion, forum and handling tables. This is the one
// reporting query that spans modules: counting inside each module's service would take a dozen
// round trips for figures that one statement per area gives consistently. Every part is scoped by org.

const yearOf = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

async function one<T>(exec: Executor, query: ReturnType<typeof sql>): Promise<T> {
  const res = await exec.execute(query);
  return res.rows[0] as T;
}

export const democracyStatsRepository = {
  /** Proposals of the meetings held in the year (the proposal list's year filter means the same). */
  proposals(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    return one<Record<string, number>>(
      exec,
      sql`select
        count(*) filter (where p.state not in ('draft', 'awaitingCosigners'))::int as submitted,
        count(*) filter (where p.state in ('accepted', 'assigned', 'answered', 'rated', 'closed'))::int as accepted,
        count(*) filter (where p.state = 'notAccepted')::int as "notAccepted",
        count(*) filter (where p.topic_id is not null)::int as merged,
        count(distinct p.topic_id)::int as topics,
        count(*) filter (where p.state in ('answered', 'rated', 'closed'))::int as answered,
        count(*) filter (where p.satisfaction = 'satisfied')::int as satisfied,
        count(*) filter (where p.satisfaction = 'basicallySatisfied')::int as "basicallySatisfied",
        count(*) filter (where p.satisfaction = 'dissatisfied')::int as dissatisfied
      from ${proposals} p join ${congressMeetings} m on m.id = p.meeting_id
      where p.org_id = ${orgId} and m.org_id = ${orgId} and m.date between ${from} and ${to}`,
    );
  },

  suggestions(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    return one<Record<string, number>>(
      exec,
      sql`select
        count(*)::int as submitted,
        count(*) filter (where s.state = 'adopted')::int as adopted,
        count(*) filter (where s.state = 'declined')::int as declined,
        count(*) filter (where h.state in ('answered', 'rated', 'closed'))::int as answered
      from ${suggestions} s
      left join ${handlingItems} h
        on h.org_id = s.org_id and h.subject_type = 'suggestion' and h.subject_id = s.id
      where s.org_id = ${orgId} and s.submitted_on between ${from} and ${to}`,
    );
  },

  /** Solved: on the spot, or answered by the department (the forum issue list's solved filter). */
  forums(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    return one<Record<string, number>>(
      exec,
      sql`select
        (select count(*)::int from ${forums} f2
          where f2.org_id = ${orgId} and f2.date between ${from} and ${to}) as held,
        count(i.id)::int as "issuesRaised",
        count(i.id) filter (where i.state = 'resolvedOnSpot'
          or (i.state = 'handling' and h.state in ('answered', 'rated', 'closed')))::int as "issuesSolved"
      from ${forums} f
      join ${forumIssues} i on i.forum_id = f.id and i.org_id = f.org_id
      left join ${handlingItems} h
        on h.org_id = i.org_id and h.subject_type = 'forumIssue' and h.subject_id = i.id
      where f.org_id = ${orgId} and f.date between ${from} and ${to}`,
    );
  },

  /** Members now on the roster, and how many of them sent a suggestion or a proposal in the year. */
  participation(exec: Executor, orgId: string, year: number) {
    const { from, to } = yearOf(year);
    return one<{ members: number; participants: number }>(
      exec,
      sql`with active as (
          select s.member_id from ${suggestions} s
            where s.org_id = ${orgId} and s.submitted_on between ${from} and ${to}
          union
          select p.proposer_member_id from ${proposals} p join ${congressMeetings} m on m.id = p.meeting_id
            where p.org_id = ${orgId} and p.state <> 'draft' and m.date between ${from} and ${to}
        )
        select count(*)::int as members,
          count(*) filter (where mb.id in (select member_id from active))::int as participants
        from ${members} mb where mb.org_id = ${orgId} and mb.status = 'member'`,
    );
  },
};
