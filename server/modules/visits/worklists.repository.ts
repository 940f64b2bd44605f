import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

// The worklists' SQL (待慰问): birthdays of a month and the festival list. Scoped by org; read-only,
// and the only place here that reads another module's table (hardship_files, status only).

export type BirthdayDbRow = {
  member_id: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  department_name: string | null;
  visit_id: string | null;
  visit_date: string | null;
};

export type FestivalDbRow = {
  member_id: string;
  name: string;
  department_name: string | null;
  retiree: boolean;
  hardship: boolean;
};

/** The month's birthday rows, unordered: the list, its pages and its counts read this. */
function birthdaysOf(orgId: string, month: number, year: number, only = sql``) {
  return sql`
      select m.id as member_id, m.name, m.gender, m.birth_date::text as birth_date,
             extract(day from m.birth_date)::int as day,
             d.name as department_name, v.id as visit_id, v.visit_date::text as visit_date
      from members m
      left join departments d on d.id = m.department_id
      left join lateral (
        select id, visit_date from visits
        where org_id = m.org_id and member_id = m.id and reason = 'birthday' and status = 'done'
          and visit_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
        order by visit_date limit 1
      ) v on true
      where m.org_id = ${orgId} and m.status = 'member'
        and extract(month from m.birth_date) = ${month} ${only}`;
}

/**
 * Retirees (retired members, or retired employment of someone still on the roll) and members with
 * an active hardship file, without a visit for the festival yet. Each source is read from its own
 * index (a few hundred rows of thousands) rather than testing every member of the union: the file
 * holders are looked up by key, whatever the planner guesses of their number. A retiree with a
 * hardship file comes from the first source only.
 */
function festivalDue(orgId: string, festival: string) {
  const retired = sql`(m.status = 'retired' or m.employment_type = 'retired')`;
  const activeFile = sql`select 1 from hardship_files h
        where h.org_id = m.org_id and h.member_id = m.id and h.status = 'active'`;
  return sql`
      with due as (
        select m.id, m.name, m.department_id, true as retiree, exists (${activeFile}) as hardship
        from members m
        where m.org_id = ${orgId} and ${retired} and m.status not in ('left', 'transferredOut')
        union all
        select m.id, m.name, m.department_id, false, true
        from members m
        where m.org_id = ${orgId} and not ${retired} and m.status not in ('left', 'transferredOut')
          and m.id = any (array (select member_id from hardship_files
                                 where org_id = ${orgId} and status = 'active'))
      )
      select due.id as member_id, due.name, d.name as department_name, due.retiree, due.hardship
      from due
      left join departments d on d.id = due.department_id
      where not exists (select 1 from visits v
                        where v.org_id = ${orgId} and v.member_id = due.id and v.festival = ${festival}
                          and v.status = 'done')`;
}

export const worklistsRepository = {
  /**
   * Members (status member) born in `month` (1–12), with their birthday visit of `year` if any, in
   * birthday order; `onlyIds` keeps the listed members.
   */
  async birthdays(exec: Executor, orgId: string, month: number, year: number, onlyIds?: readonly string[]) {
    const only = onlyIds?.length ? sql`and m.id = any(${sql.param([...onlyIds])}::uuid[])` : sql``;
    const r = await exec.execute<BirthdayDbRow>(sql`
      ${birthdaysOf(orgId, month, year, only)}
      order by day, department_name, name, member_id`);
    return r.rows;
  },

  /**
   * A page of the month's birthdays, those with (`visited` true) or without (false) the visit or
   * all, and the month's counts in the same pass; a page past the end asks for the counts alone.
   */
  async birthdayPage(
    exec: Executor,
    orgId: string,
    month: number,
    year: number,
    visited: boolean | undefined,
    page: { limit: number; offset: number },
  ) {
    const which =
      visited === undefined
        ? sql``
        : sql`where ${visited ? sql`visit_id is not null` : sql`visit_id is null`}`;
    const r = await exec.execute<BirthdayDbRow & { total_n: number; visited_n: number }>(sql`
      with b as (${birthdaysOf(orgId, month, year)}),
      counted as (select b.*, count(*) over ()::int as total_n, count(visit_id) over ()::int as visited_n from b)
      select * from counted ${which}
      order by day, department_name, name, member_id
      limit ${page.limit} offset ${page.offset}`);
    const [first] = r.rows;
    const counts = first
      ? { total: first.total_n, visited: first.visited_n }
      : await this.birthdayCounts(exec, orgId, month, year);
    return { rows: r.rows, counts };
  },

  /** How many members are born in `month`, and how many of them had this year's birthday visit. */
  async birthdayCounts(exec: Executor, orgId: string, month: number, year: number) {
    const r = await exec.execute<{ total: number; visited: number }>(sql`
      with b as (${birthdaysOf(orgId, month, year)})
      select count(*)::int as total, count(visit_id)::int as visited from b`);
    return r.rows[0];
  },

  /** Who is due a visit for `festival`, by department and name. */
  async festival(exec: Executor, orgId: string, festival: string) {
    const r = await exec.execute<FestivalDbRow>(sql`
      ${festivalDue(orgId, festival)}
      order by department_name, name`);
    return r.rows;
  },

  /** How many are due a visit for `festival` (the home screen's reminder). */
  async festivalCount(exec: Executor, orgId: string, festival: string): Promise<number> {
    const r = await exec.execute<{ n: number }>(sql`
      with f as (${festivalDue(orgId, festival)}) select count(*)::int as n from f`);
    return r.rows[0].n;
  },
};
