import {
  type AllocationCreate,
  type AllocationView,
  allocationAmounts,
} from '../../../common/schemas/dues.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import type { OrgActor } from '../members/members.service.js';
import { duesLedger } from './dues.ledger.js';
import { type AllocationRow, duesRepository as repo } from './dues.repository.js';

// 拨缴经费: the hospital pays 2 % of its payroll to the union system; the union keeps a share
// (e.g. 60 %) and books that share as income on the day it arrives.

function present(r: AllocationRow): AllocationView {
  return {
    id: r.id,
    fromMonth: r.fromMonth,
    toMonth: r.toMonth,
    receivedOn: r.receivedOn,
    payrollTotalFen: r.payrollTotalFen,
    rateBp: r.rateBp,
    amountFen: r.amountFen,
    retainedBp: r.retainedBp,
    retainedFen: r.retainedFen,
    voucherNo: r.voucherNo,
    note: r.note,
    ledgerEntryId: r.ledgerEntryId,
    createdAt: r.createdAt.toISOString(),
  };
}

export const allocationService = {
  async list(deps: Deps, auth: AuthContext, year?: number): Promise<AllocationView[]> {
    return (await repo.listAllocations(deps.db, auth.orgId, year)).map(present);
  },

  async create(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    body: AllocationCreate,
  ): Promise<AllocationView> {
    if (body.receivedOn > today()) throw invalid([{ path: 'receivedOn', message: '到账日期不能晚于今天' }]);
    const { amountFen, retainedFen } = allocationAmounts(body.payrollTotalFen, body.rateBp, body.retainedBp);
    if (retainedFen <= 0)
      throw invalid([{ path: 'payrollTotalFen', message: '留成金额须大于0，请检查工资总额' }]);
    return deps.db.transaction(async (tx) => {
      const row = await repo.insertAllocation(tx, {
        orgId: auth.orgId,
        fromMonth: body.fromMonth,
        toMonth: body.toMonth,
        receivedOn: body.receivedOn,
        payrollTotalFen: body.payrollTotalFen,
        rateBp: body.rateBp,
        amountFen,
        retainedBp: body.retainedBp,
        retainedFen,
        voucherNo: body.voucherNo,
        note: body.note,
        createdBy: auth.userId,
      });
      const entryId = await duesLedger.postAllocation(tx, actor, row);
      await repo.setAllocationEntry(tx, row.id, entryId);
      await writeAudit(tx, actor, {
        action: 'dues.allocation.create',
        objectType: 'fundAllocation',
        objectId: row.id,
        detail: {
          fromMonth: row.fromMonth,
          toMonth: row.toMonth,
          payrollTotalFen: row.payrollTotalFen,
          amountFen,
          retainedFen,
          ledgerEntryId: entryId,
        },
      });
      return present({ ...row, ledgerEntryId: entryId });
    });
  },
};
