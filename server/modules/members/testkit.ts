import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { checkChar } from '../../../common/idNumber.js';
import { type Client, createDepartment, createOrg, loginAs, type TestContext } from '../../test/helpers.js';

// Test helpers of the member module: valid ID numbers, member bodies, xlsx files and multipart uploads.

/** A valid ID number: region 110105, a birth date and a three-digit sequence (odd = male). */
export function idNumber(birth = '19900101', seq = '123'): string {
  const first17 = `110105${birth}${seq}`;
  return first17 + checkChar(first17);
}

let serial = 0;
/** A different valid ID number on every call (the birth date and sequence walk forward). */
export function nextIdNumber(): string {
  const n = serial++;
  const day = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  return idNumber(birth, String(n % 1000).padStart(3, '0'));
}

export function memberBody(departmentId: string, extra: Record<string, unknown> = {}) {
  return {
    name: '李四',
    idNumber: nextIdNumber(),
    departmentId,
    employmentType: 'contract',
    phone: '13912345678',
    ...extra,
  };
}

/** Creates a member through the API and returns its view; fails the test on anything but 201. */
export async function createMember(c: Client, departmentId: string, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/members', memberBody(departmentId, extra));
  if (res.statusCode !== 201) throw new Error(`create member failed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

export const TEMPLATE_HEADERS = [
  '姓名*',
  '身份证号*',
  '性别',
  '出生日期',
  '民族',
  '政治面貌',
  '学历',
  '手机号',
  '科室*',
  '职务/岗位',
  '用工形式*',
  '入职日期',
  '入会日期',
  '会员证号',
  '备注',
];

export type CellInput = string | number | Date | null | undefined;

/** A workbook whose first sheet has the header row and the given rows (row objects by header, without '*'). */
export async function rosterXlsx(
  rows: Record<string, CellInput>[],
  opts: { headers?: string[]; titleRow?: string } = {},
): Promise<Buffer> {
  const headers = opts.headers ?? TEMPLATE_HEADERS;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  if (opts.titleRow) ws.addRow([opts.titleRow]);
  ws.addRow(headers);
  for (const r of rows) {
    ws.addRow(headers.map((h) => r[h.replace(/\*$/, '')] ?? null));
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function readXlsx(body: Buffer | string): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (typeof body === 'string' ? Buffer.from(body, 'binary') : body) as unknown as ArrayBuffer,
  );
  const ws = wb.worksheets[0];
  const out: (string | number | null)[][] = [];
  ws.eachRow((row) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v === null || v === undefined ? null : (v as string | number));
    }
    out.push(values);
  });
  return out;
}

/** A multipart/form-data body with one file part, built by hand. */
export function multipart(content: Buffer, fileName = 'roster.xlsx', field = 'file') {
  const boundary = `----gonghui${randomBytes(8).toString('hex')}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(
  c: Client,
  content: Buffer,
  mode: 'create' | 'upsert' = 'create',
  fileName = 'roster.xlsx',
): Promise<LightMyRequestResponse> {
  const { payload, headers } = multipart(content, fileName);
  return c.request({ method: 'POST', url: `/api/members/import?mode=${mode}`, payload, headers });
}

/** The binary body of an xlsx response. */
export function bodyBuffer(res: LightMyRequestResponse): Buffer {
  return res.rawPayload;
}

/** A fresh union with one department and a signed-in officer: where most member tests start. */
export async function orgWithOfficer(ctx: TestContext, departmentName?: string) {
  const org = await createOrg(ctx.deps);
  const dept = await createDepartment(ctx.deps, org.id, departmentName);
  const officer = await loginAs(ctx, org.id, ['officer']);
  return { org, dept, officer };
}
