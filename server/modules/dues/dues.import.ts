import type ExcelJS from 'exceljs';
import { idNumberError, normalizeIdNumber } from '../../../common/idNumber.js';
import { applyRate, type DuesImportProblem, MAX_FEN } from '../../../common/schemas/dues.js';
import { yuan } from '../../../common/schemas/funds.js';
import { invalid } from '../../lib/errors.js';
import { readTable, type Scalar, type SheetRow, scalarText } from '../../lib/excel.js';

// Turning the rows of a payroll deduction sheet into matched, checked deductions: the member (by card
// number, ID number, or name and department), the month, the base salary and the amount in fen.
// Problems name the Excel row and column; a deduction off base × rate by more than 1 fen is a warning.

export interface DuesColumn {
  header: string;
  required?: boolean;
  text?: boolean;
  width?: number;
}

export const DUES_COLUMNS: DuesColumn[] = [
  { header: '会员证号', text: true, width: 14 },
  { header: '身份证号', text: true, width: 22 },
  { header: '姓名', required: true, width: 12 },
  { header: '科室', width: 14 },
  { header: '月份', required: true, text: true, width: 10 },
  { header: '缴费基数', required: true, width: 14 },
  { header: '代扣会费', required: true, width: 12 },
];
export const MAX_DUES_ROWS = 50_000;

/** A member as the matching sees it. */
export interface MemberRef {
  id: string;
  name: string;
  memberNo: string | null;
  idNumberHash: string;
  departmentId: string;
  departmentName: string;
}

export interface MatchIndex {
  byNo: ReadonlyMap<string, MemberRef>;
  byHash: ReadonlyMap<string, MemberRef>;
  /** `name|department` → every member with that name in that department. */
  byNameDept: ReadonlyMap<string, MemberRef[]>;
}

export function matchIndex(refs: MemberRef[]): MatchIndex {
  const byNo = new Map<string, MemberRef>();
  const byHash = new Map<string, MemberRef>();
  const byNameDept = new Map<string, MemberRef[]>();
  for (const m of refs) {
    if (m.memberNo) byNo.set(m.memberNo, m);
    byHash.set(m.idNumberHash, m);
    const key = `${m.name}|${m.departmentName}`;
    byNameDept.set(key, [...(byNameDept.get(key) ?? []), m]);
  }
  return { byNo, byHash, byNameDept };
}

export interface DuesRow {
  row: number;
  member: MemberRef;
  month: string;
  baseSalaryFen: number;
  amountFen: number;
}

/** The header a file may write with its unit: '缴费基数（元）' reads as '缴费基数'. */
function withoutUnit(header: string): string {
  return header.replace(/[（(]元[）)]$/, '');
}

function cell(r: SheetRow, header: string): Scalar {
  for (const [h, v] of r.cells) if (withoutUnit(h) === header) return v;
  return null;
}

/** The first sheet's data rows; 400 when a required column is missing or there is no data. */
export function readDuesSheet(wb: ExcelJS.Workbook): SheetRow[] {
  const ws = wb.worksheets[0];
  const table = readTable(ws, ['姓名', '月份']);
  if (!table) {
    throw invalid([
      { path: 'file', message: '第一个工作表中找不到表头（须含“姓名”“月份”列），请使用会费导入模板' },
    ]);
  }
  const have = new Set(table.headers.map(withoutUnit));
  const missing = DUES_COLUMNS.filter((c) => c.required && !have.has(c.header)).map((c) => c.header);
  if (missing.length) throw invalid([{ path: 'file', message: `缺少必填列：${missing.join('、')}` }]);
  if (table.rows.length === 0) throw invalid([{ path: 'file', message: '文件中没有数据行' }]);
  if (table.rows.length > MAX_DUES_ROWS) {
    throw invalid([{ path: 'file', message: `单次导入不超过${MAX_DUES_ROWS}行，请分批导入` }]);
  }
  return table.rows;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A month from a cell: text '2025-03', '2025/3', '2025.3', '2025年3月', '202503', the number 202503,
 * or an Excel date (Excel turns a typed '2025-03' into 2025-03-01). null when it is none of these.
 */
export function scalarMonth(v: Scalar): string | null {
  if (v instanceof Date) {
    return Number.isNaN(v.getTime()) ? null : `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}`;
  }
  const t = scalarText(v).replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t) ?? /^(\d{4})(\d{2})$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return null;
  return `${y}-${pad2(mo)}`;
}

/**
 * Yuan with at most two decimals (a number, or text with optional thousands separators and ¥) as fen.
 * Returns a Chinese problem instead when the cell is not such an amount.
 */
export function yuanToFen(v: Scalar, label: string): { fen: number } | { problem: string } {
  let text: string;
  if (typeof v === 'number') {
    // Spreadsheets store 40.1 as 40.099999…: a value within a millionth of a fen is that fen.
    const fen = Math.round(v * 100);
    if (!Number.isFinite(v) || Math.abs(v * 100 - fen) > 1e-6) {
      return { problem: `${label}“${v}”最多保留两位小数` };
    }
    text = (fen / 100).toFixed(2);
  } else {
    text = scalarText(v).replace(/[,，\s¥￥]/g, '');
  }
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { problem: `${label}“${scalarText(v)}”不是有效金额（单位：元，最多两位小数）` };
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return { problem: `${label}超出上限（10亿元）` };
  return { fen };
}

export interface ValidateDeps {
  index: MatchIndex;
  keyedHash: (idNumber: string) => string;
}

/** Finds the row's member: card number, else ID number, else a unique name within the department. */
function matchMember(
  r: SheetRow,
  d: ValidateDeps,
  name: string,
  problems: Map<string, string>,
): MemberRef | undefined {
  const no = scalarText(cell(r, '会员证号'));
  const idRaw = cell(r, '身份证号');
  const dept = scalarText(cell(r, '科室'));
  let byId: MemberRef | undefined;
  if (typeof idRaw === 'number' && !Number.isSafeInteger(idRaw)) {
    problems.set('身份证号', '身份证号被存成了数字，末几位可能已丢失：请把该列设为“文本”格式后重新填写');
    return undefined;
  }
  const id = normalizeIdNumber(scalarText(idRaw).replace(/\s+/g, ''));
  if (id) {
    const err = idNumberError(id);
    if (err) {
      problems.set('身份证号', err);
      return undefined;
    }
    byId = d.index.byHash.get(d.keyedHash(id));
    if (!byId) {
      problems.set('身份证号', '名册中没有该身份证号的人员');
      return undefined;
    }
  }
  if (no) {
    const byNo = d.index.byNo.get(no);
    if (!byNo) {
      problems.set('会员证号', `会员证号“${no}”在名册中不存在`);
      return undefined;
    }
    if (byId && byId.id !== byNo.id) {
      problems.set('身份证号', '身份证号与会员证号不是同一人');
      return undefined;
    }
    if (byNo.name !== name) {
      problems.set('姓名', `姓名与会员证号不符（名册中为${byNo.name}）`);
      return undefined;
    }
    return byNo;
  }
  if (byId) {
    if (byId.name !== name) {
      problems.set('姓名', `姓名与身份证号不符（名册中为${byId.name}）`);
      return undefined;
    }
    return byId;
  }
  if (!dept) {
    problems.set('会员证号', '请填写会员证号或身份证号，或同时填写姓名和科室');
    return undefined;
  }
  const found = d.index.byNameDept.get(`${name}|${dept}`) ?? [];
  if (found.length === 0) {
    problems.set('姓名', `科室“${dept}”中没有名为“${name}”的人员`);
    return undefined;
  }
  if (found.length > 1) {
    problems.set('姓名', `科室“${dept}”中有${found.length}人名为“${name}”，请填写会员证号或身份证号`);
    return undefined;
  }
  return found[0];
}

/**
 * Checks every row: member, month, amounts. Every row must be for one month (the file's month:
 * the month of the first row that has a valid one). A member twice in the file is a problem on both.
 */
export function validateDuesRows(
  rows: SheetRow[],
  d: ValidateDeps,
  rateOf: (month: string) => number,
): { valid: DuesRow[]; problems: DuesImportProblem[]; warnings: DuesImportProblem[]; month: string | null } {
  const valid: DuesRow[] = [];
  const problems: DuesImportProblem[] = [];
  const warnings: DuesImportProblem[] = [];
  let fileMonth: string | null = null;
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const rowProblems = new Map<string, string>();
    const name = scalarText(cell(r, '姓名'));
    if (!name) rowProblems.set('姓名', '请填写姓名');
    const member = name ? matchMember(r, d, name, rowProblems) : undefined;

    const monthCell = cell(r, '月份');
    const m = scalarMonth(monthCell);
    if (scalarText(monthCell) === '') rowProblems.set('月份', '请填写月份');
    else if (!m) rowProblems.set('月份', `月份“${scalarText(monthCell)}”无效，应为 YYYY-MM，如 2025-03`);
    else if (fileMonth && m !== fileMonth) {
      rowProblems.set('月份', `同一文件只能是一个月份：本行为${m}，前面的行为${fileMonth}`);
    } else fileMonth ??= m;

    const amounts: Record<string, number> = {};
    for (const header of ['缴费基数', '代扣会费']) {
      const v = cell(r, header);
      if (scalarText(v) === '') {
        rowProblems.set(header, `请填写${header}`);
        continue;
      }
      const parsed = yuanToFen(v, header);
      if ('problem' in parsed) rowProblems.set(header, parsed.problem);
      else amounts[header] = parsed.fen;
    }
    for (const header of ['缴费基数', '代扣会费']) {
      if (amounts[header] === 0) rowProblems.set(header, `${header}须大于0（未代扣的人员不要列入）`);
    }

    if (member) {
      const first = firstRowOf.get(member.id);
      if (first !== undefined) {
        rowProblems.set('姓名', `第${first}行与第${r.rowNumber}行是同一人（${member.name}）`);
      } else firstRowOf.set(member.id, r.rowNumber);
    }
    for (const [column, message] of rowProblems) problems.push({ row: r.rowNumber, column, message });
    if (rowProblems.size === 0 && member && m) {
      const row: DuesRow = {
        row: r.rowNumber,
        member,
        month: m,
        baseSalaryFen: amounts.缴费基数,
        amountFen: amounts.代扣会费,
      };
      const expected = applyRate(row.baseSalaryFen, rateOf(m));
      if (Math.abs(expected - row.amountFen) > 1) {
        warnings.push({
          row: r.rowNumber,
          column: '代扣会费',
          message: `代扣会费${yuan(row.amountFen)}元与缴费基数×费率应为的${yuan(expected)}元不符`,
        });
      }
      valid.push(row);
    }
  }
  const order = new Map(DUES_COLUMNS.map((c, i) => [c.header, i]));
  problems.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
  return { valid, problems, warnings, month: fileMonth };
}
