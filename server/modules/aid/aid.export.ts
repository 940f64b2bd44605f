import {
  AID_APPROVAL_LEVEL_LABELS,
  AID_STATE_LABELS,
  type AidApprovalLevel,
  type AidCaseExportQuery,
  type AidState,
} from '../../../common/schemas/aid.js';
import { AID_KIND_LABELS, type AidKind } from '../../../common/schemas/care.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { type SheetColumn, writeSheet } from '../../lib/excel.js';
import type { OrgActor } from '../members/members.service.js';
import { aidRepository as repo } from './aid.repository.js';

// The aid case list as a workbook for care:read (the year's 救助台账): the list's filters, every page.
// The reason and materials stay out of it: a spreadsheet travels further than the app.

export const AID_EXPORT_FILE_NAME = '救助台账.xlsx';
const MAX_ROWS = 20_000;

const COLUMNS: SheetColumn[] = [
  { header: '申请人', width: 12 },
  { header: '科室', width: 16 },
  { header: '救助类型', width: 12 },
  { header: '申请日期', width: 12 },
  { header: '申请金额（元）', width: 14 },
  { header: '核定金额（元）', width: 14 },
  { header: '审批', width: 18 },
  { header: '状态', width: 12 },
  { header: '公示期', width: 24 },
  { header: '发放日期', width: 12 },
  { header: '不予救助理由', width: 24 },
];

const yuanNumber = (fen: number | null) => (fen === null ? null : fen / 100);

export async function exportAidCases(deps: Deps, auth: AuthContext, actor: OrgActor, q: AidCaseExportQuery) {
  return deps.db.transaction(async (tx) => {
    const { rows } = await repo.list(
      tx,
      auth.orgId,
      { kind: q.kind, state: q.state, year: q.year, q: q.q, memberId: q.memberId },
      { limit: MAX_ROWS, offset: 0 },
    );
    const data = rows.map(({ aid: a, memberName, departmentName }) => [
      memberName,
      departmentName,
      AID_KIND_LABELS[a.kind as AidKind] ?? a.kind,
      a.appliedOn,
      yuanNumber(a.amountAskedFen),
      yuanNumber(a.amountGrantedFen),
      a.approvalLevel ? AID_APPROVAL_LEVEL_LABELS[a.approvalLevel as AidApprovalLevel] : null,
      AID_STATE_LABELS[a.state as AidState] ?? a.state,
      a.noticeFrom ? `${a.noticeFrom} 至 ${a.noticeUntil}` : null,
      a.paidOn,
      a.refusedReason,
    ]);
    await writeAudit(tx, actor, {
      action: 'care.aid.export',
      objectType: 'aidCase',
      detail: { filter: q, rows: rows.length },
    });
    return writeSheet('救助台账', COLUMNS, data);
  });
}
