import ExcelJS from 'exceljs';
import { AppError } from './errors.js';

// Generic workbook helpers: reading an uploaded .xlsx without trusting it, and writing one sheet
// with a header row. Module code decides what the columns mean.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件';
// A real roster unpacks to a few times its size; anything this large is a zip bomb, not a roster.
const MAX_UNPACKED_BYTES = 300 * 1_048_576;

/** `attachment` with a UTF-8 file name (RFC 6266/5987) and an ASCII fallback for old clients. */
export function contentDisposition(fileName: string, asciiFallback = 'download.xlsx'): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Text that a spreadsheet would run as a formula (= + - @, or a leading tab/CR that some tools strip)
 * gets a leading single quote, so an exported list cannot carry a formula into someone's Excel.
 */
export function escapeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Sum of the uncompressed sizes in the zip's central directory, or null when it cannot be read. */
export function declaredUnpackedSize(buf: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const start = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= start; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const size = buf.readUInt32LE(p + 24);
    // 0xFFFFFFFF means a ZIP64 size: no spreadsheet we accept needs one.
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

/**
 * Loads an uploaded workbook. Anything that is not a zip (magic "PK"), claims to unpack to an absurd
 * size, or that exceljs cannot parse is a 400 with one Chinese message, never a 500.
 */
export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw badFile();
  const unpacked = declaredUnpackedSize(buf);
  if (unpacked === null) throw badFile();
  if (unpacked > MAX_UNPACKED_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '文件解压后过大');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw badFile();
  }
  if (wb.worksheets.length === 0) throw badFile();
  return wb;
}

function badFile() {
  return new AppError(400, 'BAD_REQUEST', NOT_XLSX, [{ path: 'file', message: NOT_XLSX }]);
}

export type Scalar = string | number | boolean | Date | null;

/** The plain value of a cell: rich text joined, formulas replaced by their cached result, errors null. */
export function cellScalar(value: ExcelJS.CellValue | undefined): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  if ('hyperlink' in value) return cellScalar((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}

/** Trimmed text of a scalar; '' for an empty cell. Numbers keep every digit they still have. */
export function scalarText(v: Scalar): string {
  if (v === null) return '';
  if (v instanceof Date) return isoOfDate(v);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return String(v).trim();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Excel keeps a date as a day count; exceljs hands it back as a Date at UTC midnight. */
function isoOfDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function validIso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A business date from a cell: an Excel date, an Excel day number, or text 'YYYY-MM-DD',
 * 'YYYY/MM/DD', 'YYYY.MM.DD' (month and day may have one digit), or 8 digits 'YYYYMMDD'.
 * Returns '' for an empty cell and null for something that is not a date.
 */
export function scalarDate(v: Scalar): string | '' | null {
  if (v === null || v === '') return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoOfDate(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) {
      return validIso(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
    if (v < 1 || v > 73051) return null; // 1900-01-01 .. 2099-12-31 as Excel day numbers
    return isoOfDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(v) * 86_400_000));
  }
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (t === '') return '';
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? validIso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface SheetRow {
  /** The row number Excel shows, for messages. */
  rowNumber: number;
  /** Header (as written in the file, trimmed) → cell value. */
  cells: Map<string, Scalar>;
}

/**
 * Reads a sheet as a header row and the data rows below it. The header row is the first of the
 * first ten rows that contains every one of `mustHave` (files from HR often start with a title row).
 * Headers are trimmed and lose a trailing '*' (the template marks required columns with it).
 * Completely empty rows are skipped. Returns null when no header row is found.
 */
export function readTable(
  ws: ExcelJS.Worksheet,
  mustHave: string[],
): { headers: string[]; headerRow: number; rows: SheetRow[] } | null {
  let headerRow = 0;
  let headerCols: { col: number; name: string }[] = [];
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const cols: { col: number; name: string }[] = [];
    ws.getRow(r).eachCell((cell, col) => {
      const name = normaliseHeader(scalarText(cellScalar(cell.value)));
      if (name) cols.push({ col, name });
    });
    const names = new Set(cols.map((c) => c.name));
    if (mustHave.every((h) => names.has(h))) {
      headerRow = r;
      headerCols = cols;
      break;
    }
  }
  if (!headerRow) return null;
  const rows: SheetRow[] = [];
  // eachRow visits only rows that exist in the file: a sheet formatted down to row 1,048,576 costs nothing.
  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    const cells = new Map<string, Scalar>();
    let any = false;
    for (const { col, name } of headerCols) {
      const v = cellScalar(row.getCell(col).value);
      if (v !== null && !(typeof v === 'string' && v.trim() === '')) any = true;
      if (!cells.has(name)) cells.set(name, v);
    }
    if (any) rows.push({ rowNumber: r, cells });
  });
  return { headers: headerCols.map((c) => c.name), headerRow, rows };
}

export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/[*＊]+$/, '');
}

export interface SheetColumn {
  header: string;
  width?: number;
  /** Format the whole column as text, so Excel keeps long digit strings (ID numbers) intact. */
  text?: boolean;
}

/**
 * Writes one sheet: a bold, frozen header row and the rows below. Every string is escaped
 * against formula injection; numbers, booleans and null are written as they are.
 */
export async function writeSheet(
  sheetName: string,
  columns: SheetColumn[],
  rows: (string | number | boolean | null)[][],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.text ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    ws.addRow(row.map((v) => (typeof v === 'string' ? escapeCell(v) : v)));
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
