import type ExcelJS from 'exceljs';
import {
  EDUCATION_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  GENDER_LABELS,
  POLITICAL_STATUS_LABELS,
  valueOfLabel,
} from '../../../common/enums.js';
import { normalizeIdNumber } from '../../../common/idNumber.js';
import { type ImportProblem, type MemberCreate, memberCreateBody } from '../../../common/schemas/member.js';
import { invalid } from '../../lib/errors.js';
import { readTable, type Scalar, type SheetRow, scalarDate, scalarText } from '../../lib/excel.js';

// Turning the rows of an uploaded roster into validated member input: Chinese headers and labels to
// fields and enum values, departments by name, Excel dates and text dates, problems by row and column.
// The same zod schema as the form validates every row.

type Field = keyof MemberCreate;

export interface ImportColumn {
  header: string;
  field: Field;
  required?: boolean;
  /** Keep the column as text in the template (long digit strings). */
  text?: boolean;
  date?: boolean;
  labels?: Record<string, string>;
  width?: number;
}

export const IMPORT_COLUMNS: ImportColumn[] = [
  { header: '姓名', field: 'name', required: true, width: 12 },
  { header: '身份证号', field: 'idNumber', required: true, text: true, width: 22 },
  { header: '性别', field: 'gender', labels: GENDER_LABELS, width: 8 },
  { header: '出生日期', field: 'birthDate', date: true, text: true, width: 13 },
  { header: '民族', field: 'ethnicity', width: 10 },
  { header: '政治面貌', field: 'politicalStatus', labels: POLITICAL_STATUS_LABELS, width: 14 },
  { header: '学历', field: 'education', labels: EDUCATION_LABELS, width: 12 },
  { header: '手机号', field: 'phone', text: true, width: 15 },
  { header: '科室', field: 'departmentId', required: true, width: 14 },
  { header: '职务/岗位', field: 'jobTitle', width: 14 },
  { header: '用工形式', field: 'employmentType', required: true, labels: EMPLOYMENT_TYPE_LABELS, width: 12 },
  { header: '入职日期', field: 'hireDate', date: true, text: true, width: 13 },
  { header: '入会日期', field: 'joinedAt', date: true, text: true, width: 13 },
  { header: '会员证号', field: 'memberNo', text: true, width: 14 },
  { header: '备注', field: 'notes', width: 24 },
];

const HEADER_OF = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.field, c.header]));
export const MAX_IMPORT_ROWS = 50_000;
// A department placeholder lets the rest of a row be validated when the department is unknown.
const NO_DEPARTMENT = '00000000-0000-4000-8000-000000000000';

export interface DepartmentRef {
  id: string;
  name: string;
  unionGroupId: string | null;
}

export interface ValidRow {
  row: number;
  input: MemberCreate;
  unionGroupId: string | null;
  departmentName: string;
}

/** The first sheet's header row and data rows; 400 when required columns are missing or there is no data. */
export function readRosterSheet(wb: ExcelJS.Workbook): SheetRow[] {
  const table = readTable(wb.worksheets[0], ['姓名', '身份证号']);
  if (!table) {
    throw invalid([
      { path: 'file', message: '第一个工作表中找不到表头（须含“姓名”“身份证号”列），请使用导入模板' },
    ]);
  }
  const have = new Set(table.headers);
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !have.has(c.header)).map((c) => c.header);
  if (missing.length) throw invalid([{ path: 'file', message: `缺少必填列：${missing.join('、')}` }]);
  if (table.rows.length === 0) throw invalid([{ path: 'file', message: '文件中没有数据行' }]);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw invalid([{ path: 'file', message: `单次导入不超过${MAX_IMPORT_ROWS}行，请分批导入` }]);
  }
  return table.rows;
}

/** An ID number cell. Excel keeps only 15 significant digits of a number, so an 18-digit one is already damaged. */
function idNumberText(v: Scalar): { text: string; problem?: string } {
  if (typeof v === 'number' && !Number.isSafeInteger(v)) {
    return {
      text: '',
      problem: '身份证号被存成了数字，末几位可能已丢失：请把该列设为“文本”格式后重新填写',
    };
  }
  return { text: normalizeIdNumber(scalarText(v).replace(/\s+/g, '')) };
}

/**
 * Validates every row on its own (within-file and database duplicates are checked afterwards).
 * Each problem names the Excel row and the column header.
 */
export function validateRows(
  rows: SheetRow[],
  departmentsByName: ReadonlyMap<string, DepartmentRef>,
): { valid: ValidRow[]; problems: ImportProblem[] } {
  const valid: ValidRow[] = [];
  const problems: ImportProblem[] = [];
  for (const r of rows) {
    const rowProblems = new Map<string, string>();
    const raw: Record<string, unknown> = { unionGroupId: null };
    let department: DepartmentRef | undefined;
    for (const c of IMPORT_COLUMNS) {
      const cell = r.cells.get(c.header) ?? null;
      const text = c.field === 'idNumber' ? idNumberText(cell) : { text: scalarText(cell) };
      if (text.problem) {
        rowProblems.set(c.field, text.problem);
        continue;
      }
      if (text.text === '') {
        if (c.required) rowProblems.set(c.field, `请填写${c.header}`);
        raw[c.field] = c.field === 'gender' || c.field === 'birthDate' ? undefined : null;
        continue;
      }
      if (c.date) {
        const iso = scalarDate(cell);
        if (!iso) rowProblems.set(c.field, `${c.header}“${text.text}”不是有效日期，应为 YYYY-MM-DD`);
        else raw[c.field] = iso;
      } else if (c.labels) {
        const value = valueOfLabel(c.labels, text.text);
        if (!value) {
          rowProblems.set(
            c.field,
            `${c.header}“${text.text}”无效，可选：${Object.values(c.labels).join('、')}`,
          );
        } else raw[c.field] = value;
      } else if (c.field === 'departmentId') {
        department = departmentsByName.get(text.text);
        if (!department) rowProblems.set(c.field, `科室“${text.text}”不存在，请先在组织机构中添加`);
      } else {
        raw[c.field] = text.text;
      }
    }
    raw.departmentId = department?.id ?? NO_DEPARTMENT;
    const parsed = memberCreateBody.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        if (!rowProblems.has(field)) rowProblems.set(field, issue.message);
      }
    }
    for (const [field, message] of rowProblems) {
      problems.push({ row: r.rowNumber, column: HEADER_OF.get(field) ?? field, message });
    }
    if (parsed.success && rowProblems.size === 0 && department) {
      valid.push({
        row: r.rowNumber,
        input: parsed.data,
        unionGroupId: department.unionGroupId,
        departmentName: department.name,
      });
    }
  }
  return { valid, problems };
}

/** The same person (by ID number hash) or the same card number twice in one file: both rows are named. */
export function fileDuplicates(rows: (ValidRow & { hash: string })[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const byHash = new Map<string, number>();
  const byNo = new Map<string, number>();
  for (const r of rows) {
    const first = byHash.get(r.hash);
    if (first !== undefined) {
      problems.push({ row: r.row, column: '身份证号', message: `第${first}行与第${r.row}行的身份证号重复` });
    } else byHash.set(r.hash, r.row);
    const no = r.input.memberNo;
    if (!no) continue;
    const firstNo = byNo.get(no);
    if (firstNo !== undefined) {
      problems.push({
        row: r.row,
        column: '会员证号',
        message: `第${firstNo}行与第${r.row}行的会员证号重复`,
      });
    } else byNo.set(no, r.row);
  }
  return problems;
}

/** Problems in Excel order: by row, then by the column order of the template. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const order = new Map(IMPORT_COLUMNS.map((c, i) => [c.header, i]));
  return problems.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 99) - (order.get(b.column) ?? 99));
}
