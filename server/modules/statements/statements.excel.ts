import ExcelJS from 'exceljs';
import type { ReviewNoteView } from '../../../common/schemas/statements.js';
import { escapeCell } from '../../lib/excel.js';

// The layout accountants expect on a statement: a centred title, then 编制单位 / 期间 / 单位：元,
// a bordered table with amounts in yuan to 2 decimals, total rows in bold, the fund auditors' review
// note when there is one, and a signature row (制表 / 审核 / 负责人).

export interface StatementColumn {
  header: string;
  width: number;
  money?: boolean;
  percent?: boolean;
}

export type StatementCell = string | number | null;

export interface StatementRow {
  cells: StatementCell[];
  /** Total and subtotal rows are bold. */
  bold?: boolean;
  /** Indent of the first cell (category depth). */
  indent?: number;
}

export interface StatementSheet {
  name: string;
  title: string;
  columns: StatementColumn[];
  rows: StatementRow[];
}

export interface StatementDoc {
  orgName: string;
  periodLabel: string;
  sheets: StatementSheet[];
  reviewNotes: ReviewNoteView[];
}

const MONEY_FMT = '#,##0.00;[Red]-#,##0.00';
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Fen as yuan for a money cell: exact to the cent (fen / 100 has no rounding error at 2 decimals). */
export const yuanCell = (fen: number | null): number | null => (fen === null ? null : fen / 100);

function addSheet(wb: ExcelJS.Workbook, doc: StatementDoc, sheet: StatementSheet) {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;

  const info = ws.getRow(2);
  info.getCell(1).value = `编制单位：${escapeCell(doc.orgName)}`;
  const mid = Math.max(2, Math.ceil(n / 2));
  info.getCell(mid).value = `期间：${doc.periodLabel}`;
  info.getCell(n).value = '单位：元';
  info.getCell(n).alignment = { horizontal: 'right' };

  const head = ws.getRow(3);
  sheet.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];

  for (const r of sheet.rows) {
    const row = ws.addRow(r.cells.map((v) => (typeof v === 'string' ? escapeCell(v) : v)));
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (c.money) cell.numFmt = MONEY_FMT;
      if (c.percent) cell.numFmt = '0.00%';
      if (r.bold) cell.font = { bold: true };
    });
    if (r.indent) row.getCell(1).alignment = { indent: r.indent };
  }

  ws.addRow([]);
  for (const note of doc.reviewNotes) {
    const row = ws.addRow([
      escapeCell(
        `经费审查委员会审查意见（${note.period}，${note.reviewedOn}）：${note.opinion}${
          note.findings ? `；发现的问题：${note.findings}` : ''
        }`,
      ),
    ]);
    ws.mergeCells(row.number, 1, row.number, n);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 36;
  }
  const sign = ws.addRow([]);
  const third = Math.max(1, Math.floor(n / 3));
  sign.getCell(1).value = '单位负责人：';
  sign.getCell(Math.min(n, 1 + third)).value = '审核：';
  sign.getCell(Math.min(n, 1 + 2 * third)).value = '制表：';
  sign.getCell(n).value = '日期：';
}

export async function statementWorkbook(doc: StatementDoc): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  for (const s of doc.sheets) addSheet(wb, doc, s);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
