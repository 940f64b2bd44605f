import type { DonationDriveView, DonationHandover } from '../../../common/schemas/donation.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid } from '../../lib/errors.js';
import { FUND_CATEGORY_CODES } from '../funds/funds.chart.js';
import { fundsPosting } from '../funds/funds.posting.js';
import type { OrgActor } from '../members/members.service.js';
import { type DonationDrive, donationsRepository as repo } from './donations.repository.js';
import { driveOr404, presentDrive } from './donations.service.js';
import { nextStatus } from './donations.state.js';

// 交付: the donated money passes through the union's books. One transaction books the donations as
// one income entry (409 其他收入) and the payment to the beneficiary as one expense entry (50202
// 困难职工帮扶 for a member, 509 其他支出 for a cause), both dated the handover day, then marks the
// drive handed over. The step belongs to the chair (care:approve): that approval is the workflow
// approval of the expense, so it needs no expense request. Any refusal (closed period, over a
// 'refuse' budget) rolls back both entries and the status.

/**
 * Books the handover of a closed drive's `totals` and marks it handed over (the caller has locked the
 * drive and checked its step). The demo generator calls this too, so its books read like real ones.
 */
export async function postHandover(
  tx: Executor,
  actor: OrgActor,
  drive: DonationDrive,
  totals: { count: number; totalFen: number },
  body: DonationHandover,
  byName: string,
): Promise<DonationDrive> {
  const payee = body.payee ?? drive.beneficiaryName;
  const source = { module: 'donation', id: drive.id };
  const income = await fundsPosting.post(tx, actor, {
    orgId: drive.orgId,
    source,
    categoryCode: FUND_CATEGORY_CODES.otherIncome,
    amountFen: totals.totalFen,
    date: body.date,
    kind: 'income',
    payee: `${drive.title}捐款人`.slice(0, 100),
    summary: `爱心捐款收入：${drive.title}（${totals.count}笔）`.slice(0, 200),
    voucherNo: body.voucherNo,
  });
  const expense = await fundsPosting.post(tx, actor, {
    orgId: drive.orgId,
    source,
    categoryCode: drive.beneficiaryMemberId
      ? FUND_CATEGORY_CODES.hardshipAid
      : FUND_CATEGORY_CODES.otherExpense,
    amountFen: totals.totalFen,
    date: body.date,
    kind: 'expense',
    payee,
    summary: `爱心捐款交付：${drive.title}`.slice(0, 200),
    voucherNo: body.voucherNo,
    approvedInWorkflow: true,
  });
  const updated = await repo.updateDrive(tx, drive.orgId, drive.id, {
    status: 'handedOver',
    handoverDate: body.date,
    handoverFen: totals.totalFen,
    handoverPayee: payee,
    handoverNote: body.note,
    handedOverByName: byName,
    incomeEntryId: income.id,
    expenseEntryId: expense.id,
  });
  await writeAudit(tx, actor, {
    action: 'care.donationDrive.handover',
    objectType: 'donationDrive',
    objectId: drive.id,
    detail: {
      date: body.date,
      count: totals.count,
      totalFen: totals.totalFen,
      payee,
      incomeEntryId: income.id,
      expenseEntryId: expense.id,
    },
  });
  return updated;
}

export async function handOver(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  id: string,
  body: DonationHandover,
): Promise<DonationDriveView> {
  return deps.db.transaction(async (tx) => {
    const drive = await driveOr404(tx, auth.orgId, id, 'update');
    nextStatus(drive.status, 'handover');
    if (body.date < drive.startDate) {
      throw invalid([{ path: 'date', message: `交付日期不能早于活动开始日期${drive.startDate}` }]);
    }
    if (body.date > today()) throw invalid([{ path: 'date', message: '交付日期不能晚于今天' }]);
    const t = await repo.totals(tx, auth.orgId, id);
    if (t.count === 0) {
      throw conflict('CONFLICT', '本次活动没有捐款，无需交付；如不再募捐，请取消活动');
    }
    const updated = await postHandover(tx, actor, drive, t, body, auth.displayName);
    return presentDrive(deps, auth, updated, t);
  });
}
