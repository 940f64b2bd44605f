import type { BirthdayRow, FestivalRow } from '../../../common/schemas/visit.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { worklistsRepository as repo } from './worklists.repository.js';

// 待慰问 worklists besides reported events: birthdays of a month, and who is due a festival visit.

export const worklistsService = {
  /** `month` is YYYY-MM; a birthday visit counts when made in that year. */
  async birthdays(deps: Deps, auth: AuthContext, month: string, onlyIds?: readonly string[]) {
    const rows = await repo.birthdays(
      deps.db,
      auth.orgId,
      Number(month.slice(5, 7)),
      Number(month.slice(0, 4)),
      onlyIds,
    );
    return rows.map(
      (r): BirthdayRow => ({
        memberId: r.member_id,
        name: r.name,
        gender: r.gender,
        birthDate: r.birth_date,
        departmentName: r.department_name,
        visitId: r.visit_id,
        visitDate: r.visit_date,
      }),
    );
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
