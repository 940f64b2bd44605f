import ExcelJS from 'exceljs';
import type { DuesArrearsExportQuery } from '../../../common/schemas/dues.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { escapeCell, writeSheet } from '../../lib/excel.js';
import type { OrgActor } from '../members/members.service.js';
import { DUES_COLUMNS } from './dues.import.js';
import { duesRepository as repo } from './dues.repository.js';
import { duesService } from './dues.service.js';

export const DUES_TEMPLATE_FILE_NAME = '会费导入模板.xlsx';
export const ARREARS_FILE_NAME = '会费欠缴名单.xlsx';

/**
 * The import template, filled with every paying member (card number, name, department) and the
 * current month, so payroll only adds the base salary and the deduction. No salaries are in it.
 */
export async function duesTemplate(deps: Deps, auth: AuthContext): Promise<Buffer> {
  const month = today().slice(0, 7);
  const people = await repo.payingMembers(deps.db, auth.orgId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会费代扣', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = DUES_COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const p of people) {
    ws.addRow([
      p.memberNo ? escapeCell(p.memberNo) : null,
      null,
      escapeCell(p.name),
      escapeCell(p.departmentName),
      month,
    ]);
  }
  const notes = wb.addWorksheet('填写说明');
  for (const line of [
    '每行一人：会员证号、身份证号任填其一即可识别人员；都不填时按“姓名+科室”识别（同科室同名须填证号）。',
    '月份：YYYY-MM，例如 2025-03；一个文件只能是同一个月份。',
    '缴费基数、代扣会费：单位元，最多两位小数。代扣会费应为缴费基数×会费比例（默认0.5%），相差超过1分的行会被标记。',
    '未代扣的人员请删除该行，系统会把未导入的月份计为欠缴。',
  ]) {
    notes.addRow([line]);
  }
  notes.getColumn(1).width = 110;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The arrears list for follow-up, audited with its filter and row count. */
export async function exportArrears(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  q: DuesArrearsExportQuery,
): Promise<Buffer> {
  const rows = await duesService.arrears(deps, auth, q);
  const body = await writeSheet(
    '欠缴名单',
    [
      { header: '姓名', width: 12 },
      { header: '会员证号', width: 14, text: true },
      { header: '科室', width: 16 },
      { header: '入会日期', width: 12 },
      { header: '应缴月数', width: 10 },
      { header: '欠缴月数', width: 10 },
      { header: '欠缴月份', width: 60 },
      { header: '最近缴费月份', width: 14 },
    ],
    rows.map((r) => [
      r.memberName,
      r.memberNo,
      r.departmentName,
      r.joinedAt,
      r.dueMonths,
      r.arrearsMonths,
      r.missingMonths.join('、'),
      r.lastPaidMonth,
    ]),
  );
  await writeAudit(deps.db, actor, {
    action: 'dues.arrears.export',
    objectType: 'duesArrears',
    detail: { filter: q, rows: rows.length },
  });
  return body;
}
