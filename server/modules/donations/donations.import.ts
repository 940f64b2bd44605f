import ExcelJS from 'exceljs';
import type { DonationImportProblem } from '../../../common/schemas/donation.js';
import { MAX_AMOUNT_FEN, yuan } from '../../../common/schemas/funds.js';
import { invalid } from '../../lib/errors.js';
import {
  escapeCell,
  readTable,
  type Scalar,
  type SheetRow,
  scalarDate,
  scalarText,
} from '../../lib/excel.js';
import { yuanToFen } from '../dues/dues.import.js';

// A department's donation list (科室捐款名单) from Excel: who gave, how much, when, and whether their
// name may be published. A row is a member when its card number, or its name within the department,
// finds one; a name not on the department's roster is recorded as a non-member (a warning, not a
// problem). Problems name the Excel row and column.

export const DONATION_COLUMNS = [
  { header: '姓名', required: true, width: 12 },
  { header: '会员证号', text: true, width: 14 },
  { header: '金额', required: true, width: 12 },
  { header: '捐款日期', text: true, width: 14 },
  { header: '同意公示姓名', width: 14 },
] as const;
export const MAX_DONATION_ROWS = 5_000;
export const DONATION_TEMPLATE_FILE_NAME = '科室捐款名单模板.xlsx';

export interface DonorRef {
  id: string;
  name: string;
  memberNo: string | null;
  departmentId: string;
}

export interface DonationRow {
  row: number;
  memberId: string | null;
  memberNo: string | null;
  donorName: string;
  amountFen: number;
  date: string;
  nameConsent: boolean;
}

const YES = new Set(['是', '同意', 'y', 'yes', '1', '√', 'true']);
const NO = new Set(['', '否', '不同意', 'n', 'no', '0', '×', 'false']);

/** '金额（元）' reads as '金额'. */
const withoutUnit = (h: string) => h.replace(/[（(]元[）)]$/, '');

function cell(r: SheetRow, header: string): Scalar {
  for (const [h, v] of r.cells) if (withoutUnit(h) === header) return v;
  return null;
}

/** The first sheet's rows; 400 when the header or the data is missing. */
export function readDonationSheet(wb: ExcelJS.Workbook): SheetRow[] {
  const table = readTable(wb.worksheets[0], ['姓名']);
  if (!table) {
    throw invalid([
      { path: 'file', message: '第一个工作表中找不到表头（须含“姓名”“金额”列），请使用捐款名单模板' },
    ]);
  }
  const have = new Set(table.headers.map(withoutUnit));
  const missing = DONATION_COLUMNS.filter((c) => 'required' in c && !have.has(c.header)).map((c) => c.header);
  if (missing.length) throw invalid([{ path: 'file', message: `缺少必填列：${missing.join('、')}` }]);
  if (table.rows.length === 0) throw invalid([{ path: 'file', message: '文件中没有数据行' }]);
  if (table.rows.length > MAX_DONATION_ROWS) {
    throw invalid([{ path: 'file', message: `单次导入不超过${MAX_DONATION_ROWS}行，请分批导入` }]);
  }
  return table.rows;
}

export interface ValidateInput {
  departmentId: string;
  departmentName: string;
  refs: DonorRef[];
  /** Today, the default date of a row without one. */
  today: string;
  /** A Chinese problem with a row's date (before the drive, in the future), or null. */
  dateProblem: (date: string) => string | null;
}

/** Checks every row; `valid` holds only rows without problems. */
export function validateDonationRows(rows: SheetRow[], input: ValidateInput) {
  const byNo = new Map<string, DonorRef>();
  const inDept = new Map<string, DonorRef[]>();
  for (const m of input.refs) {
    if (m.memberNo) byNo.set(m.memberNo, m);
    if (m.departmentId === input.departmentId) inDept.set(m.name, [...(inDept.get(m.name) ?? []), m]);
  }
  const valid: DonationRow[] = [];
  const problems: DonationImportProblem[] = [];
  const warnings: DonationImportProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const p = new Map<string, string>();
    const name = scalarText(cell(r, '姓名'));
    if (!name) p.set('姓名', '请填写姓名');
    else if (name.length > 50) p.set('姓名', '姓名不超过50个字');

    let member: DonorRef | null = null;
    const no = scalarText(cell(r, '会员证号'));
    if (no) {
      const m = byNo.get(no);
      if (!m) p.set('会员证号', `会员证号“${no}”在名册中不存在`);
      else if (name && m.name !== name) p.set('姓名', `姓名与会员证号不符（名册中为${m.name}）`);
      else if (m.departmentId !== input.departmentId) {
        p.set('会员证号', `${m.name}不在${input.departmentName}，请导入到其所在科室的名单`);
      } else member = m;
    } else if (name) {
      const found = inDept.get(name) ?? [];
      if (found.length > 1) {
        p.set('姓名', `${input.departmentName}有${found.length}人名为“${name}”，请填写会员证号`);
      } else if (found.length === 1) member = found[0];
      else {
        warnings.push({
          row: r.rowNumber,
          column: '姓名',
          message: `${input.departmentName}名册中没有“${name}”，将按非会员（院外人士）记录`,
        });
      }
    }

    let amountFen = 0;
    const amount = cell(r, '金额');
    if (scalarText(amount) === '') p.set('金额', '请填写金额');
    else {
      const parsed = yuanToFen(amount, '金额');
      if ('problem' in parsed) p.set('金额', parsed.problem);
      else if (parsed.fen === 0) p.set('金额', '金额须大于0');
      else if (parsed.fen > MAX_AMOUNT_FEN) p.set('金额', `金额不得超过${yuan(MAX_AMOUNT_FEN)}元`);
      else amountFen = parsed.fen;
    }

    const dateCell = cell(r, '捐款日期');
    const parsedDate = scalarDate(dateCell);
    let date = input.today;
    if (parsedDate === null) p.set('捐款日期', `捐款日期“${scalarText(dateCell)}”无效，应为 YYYY-MM-DD`);
    else if (parsedDate !== '') date = parsedDate;
    const dateProblem = parsedDate === null ? null : input.dateProblem(date);
    if (dateProblem) p.set('捐款日期', dateProblem);

    const consentText = scalarText(cell(r, '同意公示姓名')).toLowerCase();
    const consent = YES.has(consentText) ? true : NO.has(consentText) ? false : null;
    if (consent === null) p.set('同意公示姓名', `“${consentText}”无效，请填写“是”或“否”（空白为否）`);

    if (member) {
      const first = firstRowOf.get(member.id);
      if (first !== undefined) {
        warnings.push({
          row: r.rowNumber,
          column: '姓名',
          message: `与第${first}行是同一人（${member.name}），将记为两笔捐款`,
        });
      } else firstRowOf.set(member.id, r.rowNumber);
    }
    for (const [column, message] of p) problems.push({ row: r.rowNumber, column, message });
    if (p.size === 0) {
      valid.push({
        row: r.rowNumber,
        memberId: member?.id ?? null,
        memberNo: member?.memberNo ?? null,
        donorName: name,
        amountFen,
        date,
        nameConsent: consent === true,
      });
    }
  }
  const order = new Map<string, number>(DONATION_COLUMNS.map((c, i) => [c.header, i]));
  problems.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
  return { valid, problems, warnings };
}

/** The template; with a department's roster, its members' names and card numbers are filled in. */
export async function donationTemplate(people: { name: string; memberNo: string | null }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('捐款名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = DONATION_COLUMNS.map((c) => ({
    header: 'required' in c ? `${c.header}*` : c.header,
    width: c.width,
    style: 'text' in c ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const p of people) ws.addRow([escapeCell(p.name), p.memberNo ? escapeCell(p.memberNo) : null]);
  const notes = wb.addWorksheet('填写说明');
  for (const line of [
    '一个文件是一个科室的捐款名单，上传时选择该科室；未捐款的人员请删除该行。',
    '姓名必填；填写会员证号时按证号识别，否则按本科室同名人员识别（同名须填证号）；本科室名册中没有的姓名按非会员（院外人士）记录。',
    '金额：单位元，最多两位小数，须大于0。',
    '捐款日期：YYYY-MM-DD，不填为导入当天；不能早于捐款活动开始日期，不能晚于今天。',
    '同意公示姓名：填“是”才在公示中显示姓名和金额，空白或“否”只计入“爱心人士”人数。',
    '文件中任一行有问题时整份名单都不会导入，请按提示修改后重新上传。',
  ]) {
    notes.addRow([line]);
  }
  notes.getColumn(1).width = 110;
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
