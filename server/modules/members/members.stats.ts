import { EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES } from '../../../common/enums.js';
import type { MemberStats, MemberStatsRow } from '../../../common/schemas/member.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { totalsCache } from '../../lib/totalsCache.js';
import { membersRepository as repo } from './members.repository.js';
import { accessOf, scopeOf, TOTALS_TTL_MS, totalsScope } from './members.service.js';

/** members / staff, 0..1 with four decimals; 0 when there is no staff to join. */
export function joinRate(members: number, staff: number): number {
  return staff ? Math.round((members / staff) * 10_000) / 10_000 : 0;
}

const row = (key: string, label: string, staff: number, members: number): MemberStatsRow => ({
  key,
  label,
  staff,
  members,
  joinRate: joinRate(members, staff),
});

/**
 * Join rate in total, by department and by employment type. Staff are the people who could be members
 * (not yet, applied, or members); those transferred out, left or retired are not counted.
 * Two GROUP BY queries, scoped like the list, reused until the roster is written (a renamed
 * department shows its new name within TOTALS_TTL_MS).
 */
export async function memberStats(deps: Deps, auth: AuthContext): Promise<MemberStats> {
  const access = await accessOf(deps.db, auth);
  const scope = scopeOf(access, 'member:read');
  const s = await totalsCache.get(
    totalsScope(auth.orgId),
    JSON.stringify(['stats', scope]),
    TOTALS_TTL_MS,
    () => repo.stats(deps.db, auth.orgId, scope),
  );
  const total = s.byDepartment.reduce(
    (t, r) => ({ staff: t.staff + r.staff, members: t.members + r.members, applied: t.applied + r.applied }),
    { staff: 0, members: 0, applied: 0 },
  );
  const byType = new Map(s.byEmploymentType.map((r) => [r.key, r]));
  return {
    total: { ...total, joinRate: joinRate(total.members, total.staff) },
    byDepartment: s.byDepartment.map((r) => row(r.key, r.label, r.staff, r.members)),
    byEmploymentType: EMPLOYMENT_TYPES.map((t) =>
      row(t, EMPLOYMENT_TYPE_LABELS[t], byType.get(t)?.staff ?? 0, byType.get(t)?.members ?? 0),
    ),
  };
}
