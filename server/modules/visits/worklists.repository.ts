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

export const worklistsRepository = {
  /** Members (status member) born in `month` (1–12), with their birthday visit of `year` if any. */
  async birthdays(exec: Executor, orgId: string, month: number, year: number, onlyIds?: readonly string[]) {
    const only = onlyIds?.length ? sql`and m.id = any(${sql.param([...onlyIds])}::uuid[])` : sql``;
    const r = await exec.execute<BirthdayDbRow>(sql`
      select m.id as member_id, m.name, m.gender, m.birth_date::text as birth_date,
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
        and extract(month from m.birth_date) = ${month} ${only}
      order by extract(day from m.birth_date), d.name, m.name`);
    return r.rows;
  },

  /**
   * Retirees (retired members, or retired employment of someone still on the roll) and members with
   * an active hardship file, without a visit for the festival yet.
   */
  async festival(exec: Executor, orgId: string, festival: string) {
    const r = await exec.execute<FestivalDbRow>(sql`
      select m.id as member_id, m.name, d.name as department_name,
             (m.status = 'retired' or m.employment_type = 'retired') as retiree,
             exists (select 1 from hardship_files h
                     where h.org_id = m.org_id and h.member_id = m.id and h.status = 'active') as hardship
      from members m
      left join departments d on d.id = m.department_id
      where m.org_id = ${orgId}
        and m.status not in ('left', 'transferredOut')
        and (m.status = 'retired' or m.employment_type = 'retired'
             or exists (select 1 from hardship_files h
                        where h.org_id = m.org_id and h.member_id = m.id and h.status = 'active'))
        and not exists (select 1 from visits v
                        where v.org_id = m.org_id and v.member_id = m.id and v.festival = ${festival}
                          and v.status = 'done')
      order by d.name, m.name`);
    return r.rows;
  },
};
