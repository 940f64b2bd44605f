import type { BirthdayPage, BirthdayQuery, BirthdayRow, FestivalRow } from '../../../common/schemas/visit.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { type BirthdayDbRow, worklistsRepository as repo } from './worklists.repository.js';

// 待慰问 worklists besides reported events: birthdays of a month, and who is due a festival visit.

const monthOf = (ym: string) => [Number(ym.slice(5, 7)), Number(ym.slice(0, 4))] as const;

const toBirthdayRow = (r: BirthdayDbRow): BirthdayRow => ({
  memberId: r.member_id,
  name: r.name,
  gender: r.gender,
  birthDate: r.birth_date,
  departmentName: r.department_name,
  visitId: r.visit_id,
  visitDate: r.visit_date,
});

export const worklistsService = {
  /** `month` is YYYY-MM; a birthday visit counts when made in that year. A page, with the month's counts. */
  async birthdayPage(deps: Deps, auth: AuthContext, q: BirthdayQuery): Promise<BirthdayPage> {
    const [month, year] = monthOf(q.month);
    const visited = q.visited === undefined ? undefined : q.visited === 'yes';
    const { rows, counts } = await repo.birthdayPage(deps.db, auth.orgId, month, year, visited, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const total =
      visited === undefined ? counts.total : visited ? counts.visited : counts.total - counts.visited;
    return {
      month: q.month,
      counts,
      data: rows.map(toBirthdayRow),
      page: { page: q.page, pageSize: q.pageSize, total },
    };
  },

  /** The whole month's list (for the cards), or only the listed members. */
  async birthdays(deps: Deps, auth: AuthContext, ym: string, onlyIds?: readonly string[]) {
    const [month, year] = monthOf(ym);
    return (await repo.birthdays(deps.db, auth.orgId, month, year, onlyIds)).map(toBirthdayRow);
  },

  async festivalCount(deps: Deps, auth: AuthContext, festival: string): Promise<number> {
    return repo.festivalCount(deps.db, auth.orgId, festival);
  },

  async festival(deps: Deps, auth: AuthContext, festival: string): Promise<FestivalRow[]> {
    const rows = await repo.festival(deps.db, auth.orgId, festival);
    return rows.map((r) => ({
      memberId: r.member_id,
      name: r.name,
      departmentName: r.department_name,
      retiree: r.retiree,
      hardship: r.hardship,
    }));
  },
};
