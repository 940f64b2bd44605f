import type { Executor } from '../../db/client.js';
import { today } from '../../lib/businessDate.js';
import type { Actor } from '../../lib/context.js';
import { FUND_CATEGORY_CODES } from '../funds/funds.chart.js';
import { fundsPosting } from '../funds/funds.posting.js';
import type { AllocationRow, DuesImportRow } from './dues.repository.js';

// How dues and allocations reach the ledger: through the funds posting service, in the caller's
// transaction. A month's dues are one income entry (会费收入) dated in that month: its last day, or
// today while the month is still running; replacing a month reverses its entry on the same date.

const PAYER = '会员（工资代扣）';

/** The booking date of a month's dues: the month's last day, or today if the month is not over. */
export function bookingDate(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const now = today();
  return [now, last].sort()[0];
}

export const duesLedger = {
  async postMonth(
    exec: Executor,
    actor: Actor & { orgId: string },
    v: { importId: string; month: string; totalFen: number; rowCount: number },
  ): Promise<string> {
    const entry = await fundsPosting.post(exec, actor, {
      orgId: actor.orgId,
      source: { module: 'dues', id: v.importId },
      categoryCode: FUND_CATEGORY_CODES.dues,
      amountFen: v.totalFen,
      date: bookingDate(v.month),
      kind: 'income',
      payee: PAYER,
      summary: `${v.month}会费收入（工资代扣${v.rowCount}人）`,
    });
    return entry.id;
  },

  async reverseMonth(exec: Executor, actor: Actor & { orgId: string }, old: DuesImportRow): Promise<string> {
    const entry = await fundsPosting.reverse(exec, actor, {
      orgId: actor.orgId,
      entryId: old.ledgerEntryId!,
      date: bookingDate(old.month),
      reason: '重新导入该月会费',
    });
    return entry.id;
  },

  async postAllocation(exec: Executor, actor: Actor & { orgId: string }, a: AllocationRow): Promise<string> {
    const range = a.fromMonth === a.toMonth ? a.fromMonth : `${a.fromMonth}至${a.toMonth}`;
    const entry = await fundsPosting.post(exec, actor, {
      orgId: actor.orgId,
      source: { module: 'allocation', id: a.id },
      categoryCode: FUND_CATEGORY_CODES.allocation,
      amountFen: a.retainedFen,
      date: a.receivedOn,
      kind: 'income',
      payee: '行政拨缴',
      summary: `${range}拨缴经费留成（工资总额${(a.payrollTotalFen / 100).toFixed(2)}元×${a.rateBp / 100}%×${a.retainedBp / 100}%）`,
      voucherNo: a.voucherNo,
    });
    return entry.id;
  },
};
