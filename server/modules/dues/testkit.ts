import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestContext } from '../../test/helpers.js';
import { loginAs } from '../../test/helpers.js';
import { createMember, multipart, orgWithOfficer } from '../members/testkit.js';

// Test helpers of dues and statements: a union with a treasurer, an auditor and members, and
// payroll deduction workbooks.

export const DUES_HEADERS = ['会员证号', '身份证号', '姓名*', '科室', '月份*', '缴费基数*', '代扣会费*'];

export type DuesCell = string | number | null | undefined;

export async function duesXlsx(rows: Record<string, DuesCell>[], headers = DUES_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会费');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h.replace(/\*$/, '')] ?? null));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function uploadDues(
  c: Client,
  content: Buffer,
  mode: 'create' | 'replace' = 'create',
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipart(content, 'dues.xlsx');
  return c.request({ method: 'POST', url: `/api/dues/import?mode=${mode}`, payload, headers });
}

/** Preview then commit; fails the test unless both succeed. */
export async function importDues(
  c: Client,
  rows: Record<string, DuesCell>[],
  mode: 'create' | 'replace' = 'create',
) {
  const preview = await uploadDues(c, await duesXlsx(rows), mode);
  if (preview.statusCode !== 200) throw new Error(`preview failed: ${preview.statusCode} ${preview.body}`);
  const p = preview.json().data;
  if (p.problemCount) throw new Error(`preview problems: ${JSON.stringify(p.problems)}`);
  const res = await c.post(`/api/dues/import/${p.id}/commit`);
  if (res.statusCode !== 200) throw new Error(`commit failed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

/** A union with a department, three members (card numbers M001…), a treasurer and a fund auditor. */
export async function duesOrg(ctx: TestContext, opts: { joinedAt?: string } = {}) {
  const { org, dept, officer } = await orgWithOfficer(ctx, '内一科');
  const joinedAt = opts.joinedAt ?? '2020-01-01';
  const people = [];
  for (const [i, name] of ['张一', '王二', '李三'].entries()) {
    const m = await createMember(officer, dept.id, { name, joinedAt, memberNo: `M00${i + 1}` });
    people.push(m);
  }
  const treasurer = await loginAs(ctx, org.id, ['treasurer']);
  const fundAuditor = await loginAs(ctx, org.id, ['fundAuditor']);
  return { org, dept, officer, treasurer, fundAuditor, people };
}

/** One deduction row at the default rate (0.5 %): base 8,000.00 → 40.00. */
export const row = (memberNo: string, name: string, month: string, extra: Record<string, DuesCell> = {}) => ({
  会员证号: memberNo,
  姓名: name,
  月份: month,
  缴费基数: 8000,
  代扣会费: 40,
  ...extra,
});

export async function readSheetRows(body: Buffer, sheet = 0): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[sheet];
  const out: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = r.getCell(c).value;
      values.push(v === null || v === undefined ? null : (v as string | number));
    }
    out.push(values);
  });
  return out;
}
