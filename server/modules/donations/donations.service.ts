import type {
  DonationCreate,
  DonationDriveCreate,
  DonationDriveDetail,
  DonationDriveStatus,
  DonationDriveView,
  DonationTotals,
  DonationView,
  DonorListQuery,
  DonorRow,
} from '../../../common/schemas/donation.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { OrgActor } from '../members/members.service.js';
import { type Donation, type DonationDrive, donationsRepository as repo } from './donations.repository.js';
import { assertOpen, type DriveAction, nextStatus } from './donations.state.js';

// Drives and the donations to them. Every write locks the drive: 'share' to add or remove a
// donation, 'update' to change its status, so a close never races a donation being recorded.

export const OTHER_DEPARTMENT = '其他（未填科室）';

export function totalsOf(count: number, totalFen: number, targetFen: number | null): DonationTotals {
  return { count, totalFen, percent: targetFen ? Math.floor((totalFen * 100) / targetFen) : null };
}

/** The reason is health data: opened only for those with care:read. */
function reasonFor(deps: Deps, auth: AuthContext, d: DonationDrive): string | null {
  return d.reasonEnc && auth.permissions.has('care:read') ? deps.sealer.open(d.reasonEnc) : null;
}

export function presentDrive(
  deps: Deps,
  auth: AuthContext,
  d: DonationDrive,
  t: { count: number; totalFen: number },
): DonationDriveView {
  return {
    id: d.id,
    title: d.title,
    beneficiaryMemberId: d.beneficiaryMemberId,
    beneficiaryName: d.beneficiaryName,
    reason: reasonFor(deps, auth, d),
    targetFen: d.targetFen,
    startDate: d.startDate,
    endDate: d.endDate,
    status: d.status,
    cancelReason: d.cancelReason,
    handoverDate: d.handoverDate,
    handoverFen: d.handoverFen,
    handoverPayee: d.handoverPayee,
    handoverNote: d.handoverNote,
    handedOverByName: d.handedOverByName,
    incomeEntryId: d.incomeEntryId,
    expenseEntryId: d.expenseEntryId,
    createdByName: d.createdByName,
    createdAt: d.createdAt.toISOString(),
    ...totalsOf(t.count, t.totalFen, d.targetFen),
  };
}

/** The drive in the caller's org, else 404. */
export async function driveOr404(exec: Executor, orgId: string, id: string, lock?: 'update' | 'share') {
  const d = lock ? await repo.lockDrive(exec, orgId, id, lock) : await repo.findDrive(exec, orgId, id);
  if (!d) throw notFound();
  return d;
}

/** 400 naming `date` when a donation is dated before the drive or in the future. */
export function donationDateProblem(drive: DonationDrive, date: string): string | null {
  if (date < drive.startDate) return `捐款日期不能早于活动开始日期${drive.startDate}`;
  if (date > today()) return '捐款日期不能晚于今天';
  return null;
}

export const donationsService = {
  async listDrives(deps: Deps, auth: AuthContext, q: { year?: number; status?: DonationDriveStatus[] }) {
    const rows = await repo.listDrives(deps.db, auth.orgId, q);
    return rows.map((r) =>
      presentDrive(deps, auth, r.drive, { count: r.count, totalFen: Number(r.totalFen) }),
    );
  },

  async createDrive(deps: Deps, auth: AuthContext, actor: OrgActor, body: DonationDriveCreate) {
    return deps.db.transaction(async (tx) => {
      let beneficiaryName = body.beneficiaryName ?? '';
      if (body.beneficiaryMemberId) {
        const m = await repo.member(tx, auth.orgId, body.beneficiaryMemberId);
        if (!m) throw invalid([{ path: 'beneficiaryMemberId', message: '受助会员不存在' }]);
        beneficiaryName = m.name;
      }
      const d = await repo.insertDrive(tx, {
        orgId: auth.orgId,
        title: body.title,
        beneficiaryMemberId: body.beneficiaryMemberId ?? null,
        beneficiaryName,
        reasonEnc: body.reason ? deps.sealer.seal(body.reason) : null,
        targetFen: body.targetFen ?? null,
        startDate: body.startDate,
        endDate: body.endDate ?? null,
        createdBy: auth.userId,
        createdByName: auth.displayName,
      });
      // The reason stays out of the audit detail: it may name an illness.
      await writeAudit(tx, actor, {
        action: 'care.donationDrive.create',
        objectType: 'donationDrive',
        objectId: d.id,
        detail: { title: d.title, beneficiaryMemberId: d.beneficiaryMemberId, targetFen: d.targetFen },
      });
      return presentDrive(deps, auth, d, { count: 0, totalFen: 0 });
    });
  },

  /** The drive with its totals by department; showing the sealed reason is audited. */
  async getDrive(deps: Deps, auth: AuthContext, actor: OrgActor, id: string): Promise<DonationDriveDetail> {
    const d = await driveOr404(deps.db, auth.orgId, id);
    const byDept = await repo.byDepartment(deps.db, auth.orgId, id);
    const count = byDept.reduce((s, r) => s + r.count, 0);
    const totalFen = byDept.reduce((s, r) => s + r.totalFen, 0);
    const view = presentDrive(deps, auth, d, { count, totalFen });
    if (view.reason !== null) {
      await writeAudit(deps.db, actor, {
        action: 'care.donationDrive.view',
        objectType: 'donationDrive',
        objectId: id,
      });
    }
    return {
      ...view,
      byDepartment: byDept.map((r) => ({
        departmentId: r.departmentId,
        departmentName: r.departmentName ?? OTHER_DEPARTMENT,
        count: r.count,
        totalFen: r.totalFen,
      })),
    };
  },

  /** close, reopen, cancel (the handover has its own service: it posts to the ledger). */
  async transition(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    action: Exclude<DriveAction, 'handover'>,
    reason?: string,
  ) {
    return deps.db.transaction(async (tx) => {
      const d = await driveOr404(tx, auth.orgId, id, 'update');
      const status = nextStatus(d.status, action);
      const updated = await repo.updateDrive(tx, auth.orgId, id, {
        status,
        closedAt: action === 'close' ? new Date() : action === 'reopen' ? null : d.closedAt,
        cancelReason: action === 'cancel' ? (reason ?? null) : d.cancelReason,
      });
      const t = await repo.totals(tx, auth.orgId, id);
      await writeAudit(tx, actor, {
        action: `care.donationDrive.${action}`,
        objectType: 'donationDrive',
        objectId: id,
        detail: { from: d.status, to: status, count: t.count, totalFen: t.totalFen, reason: reason ?? null },
      });
      return presentDrive(deps, auth, updated, t);
    });
  },

  async listDonors(deps: Deps, auth: AuthContext, q: DonorListQuery): Promise<Paged<DonorRow>> {
    const { rows, total } = await repo.listDonors(
      deps.db,
      auth.orgId,
      { year: q.year, status: q.status },
      { limit: q.pageSize, offset: offsetOf(q) },
    );
    return paged(
      rows.map((r) => ({ ...r, totalFen: Number(r.totalFen) })),
      total,
      q,
    );
  },

  async listDonations(
    deps: Deps,
    auth: AuthContext,
    driveId: string,
    q: { page: number; pageSize: number; departmentId?: string; includeRemoved?: boolean },
  ) {
    await driveOr404(deps.db, auth.orgId, driveId);
    const { rows, total } = await repo.listDonations(deps.db, auth.orgId, driveId, q);
    return paged(
      rows.map((r) => presentDonation(r.donation, r.departmentName)),
      total,
      q,
    );
  },

  async addDonation(deps: Deps, auth: AuthContext, actor: OrgActor, driveId: string, body: DonationCreate) {
    return deps.db.transaction(async (tx) => {
      const drive = await driveOr404(tx, auth.orgId, driveId, 'share');
      assertOpen(drive.status);
      const dateProblem = donationDateProblem(drive, body.date);
      if (dateProblem) throw invalid([{ path: 'date', message: dateProblem }]);
      let donorName = body.donorName ?? '';
      let departmentId = body.departmentId ?? null;
      if (body.memberId) {
        const m = await repo.member(tx, auth.orgId, body.memberId);
        if (!m) throw invalid([{ path: 'memberId', message: '捐款会员不存在' }]);
        donorName = m.name;
        departmentId ??= m.departmentId;
      }
      let departmentName: string | null = null;
      if (departmentId) {
        const dept = await repo.department(tx, auth.orgId, departmentId);
        if (!dept) throw invalid([{ path: 'departmentId', message: '科室不存在' }]);
        departmentName = dept.name;
      }
      const [row] = await repo.insertDonations(tx, [
        {
          orgId: auth.orgId,
          driveId,
          memberId: body.memberId ?? null,
          donorName,
          departmentId,
          amountFen: body.amountFen,
          date: body.date,
          nameConsent: body.nameConsent,
          createdBy: auth.userId,
          createdByName: auth.displayName,
        },
      ]);
      await writeAudit(tx, actor, {
        action: 'care.donation.create',
        objectType: 'donation',
        objectId: row.id,
        detail: { driveId, donorName, amountFen: row.amountFen, nameConsent: row.nameConsent },
      });
      return presentDonation(row, departmentName);
    });
  },

  /** A wrong donation is removed (kept, out of every total) with a reason, only while the drive is open. */
  async removeDonation(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    driveId: string,
    donationId: string,
    reason: string,
  ) {
    return deps.db.transaction(async (tx) => {
      const drive = await driveOr404(tx, auth.orgId, driveId, 'share');
      const donation = await repo.findDonation(tx, auth.orgId, driveId, donationId);
      if (!donation) throw notFound();
      assertOpen(drive.status);
      if (donation.removedAt) throw conflict('CONFLICT', '该笔捐款已删除');
      const row = await repo.markRemoved(tx, auth.orgId, donationId, { reason, byName: auth.displayName });
      await writeAudit(tx, actor, {
        action: 'care.donation.remove',
        objectType: 'donation',
        objectId: donationId,
        detail: { driveId, donorName: row.donorName, amountFen: row.amountFen, reason },
      });
      const dept = row.departmentId ? await repo.department(tx, auth.orgId, row.departmentId) : undefined;
      return presentDonation(row, dept?.name ?? null);
    });
  },
};

function presentDonation(d: Donation, departmentName: string | null): DonationView {
  return {
    id: d.id,
    memberId: d.memberId,
    donorName: d.donorName,
    departmentId: d.departmentId,
    departmentName,
    amountFen: d.amountFen,
    date: d.date,
    nameConsent: d.nameConsent,
    imported: d.importId !== null,
    removedAt: d.removedAt?.toISOString() ?? null,
    removedReason: d.removedReason,
    removedByName: d.removedByName,
    createdByName: d.createdByName,
    createdAt: d.createdAt.toISOString(),
  };
}
