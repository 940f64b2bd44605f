import type { DonationPublicSummary } from '../../../common/schemas/donation.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { type DonationDrive, donationsRepository as repo } from './donations.repository.js';
import { OTHER_DEPARTMENT, totalsOf } from './donations.service.js';

// 公示: what every member sees of a drive (permission care:apply, which every member role holds).
// Totals by department, and names with amounts only of donors who agreed; the others are counted as
// 爱心人士. The reason (an illness) and cancelled drives are never shown.

type PublicDrive = Omit<DonationPublicSummary, 'byDepartment' | 'named' | 'anonymousCount'>;

function head(d: DonationDrive, count: number, totalFen: number): PublicDrive {
  return {
    id: d.id,
    title: d.title,
    beneficiaryName: d.beneficiaryName,
    targetFen: d.targetFen,
    startDate: d.startDate,
    endDate: d.endDate,
    status: d.status,
    handoverDate: d.handoverDate,
    ...totalsOf(count, totalFen, d.targetFen),
  };
}

export const donationsPublic = {
  async list(deps: Deps, auth: AuthContext, year?: number): Promise<PublicDrive[]> {
    const rows = await repo.listDrives(deps.db, auth.orgId, { year });
    return rows
      .filter((r) => r.drive.status !== 'cancelled')
      .map((r) => head(r.drive, r.count, Number(r.totalFen)));
  },

  async summary(deps: Deps, auth: AuthContext, id: string): Promise<DonationPublicSummary> {
    const d = await repo.findDrive(deps.db, auth.orgId, id);
    if (!d || d.status === 'cancelled') throw notFound();
    const [byDept, named] = await Promise.all([
      repo.byDepartment(deps.db, auth.orgId, id),
      repo.namedDonors(deps.db, auth.orgId, id),
    ]);
    const count = byDept.reduce((s, r) => s + r.count, 0);
    const totalFen = byDept.reduce((s, r) => s + r.totalFen, 0);
    return {
      ...head(d, count, totalFen),
      byDepartment: byDept.map((r) => ({
        departmentId: r.departmentId,
        departmentName: r.departmentName ?? OTHER_DEPARTMENT,
        count: r.count,
        totalFen: r.totalFen,
        anonymousCount: r.anonymousCount,
      })),
      named: named.map((n) => ({
        departmentName: n.departmentName ?? OTHER_DEPARTMENT,
        donorName: n.donorName,
        amountFen: n.amountFen,
      })),
      anonymousCount: byDept.reduce((s, r) => s + r.anonymousCount, 0),
    };
  },
};
