import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkChar } from '../common/idNumber.js';

export const HEADERS = [
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

/** A valid ID number for a birth date (YYYYMMDD) and a 3-digit sequence (odd = male). */
export function idNumber(birth: string, seq: number): string {
  const first17 = `110105${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

export interface RosterRow {
  name: string;
  id: string;
  department: string;
  employment: string;
  joinedAt?: string;
  phone?: string;
}

/** Writes an HR roster in the import template's layout and returns its path. */
export async function writeRoster(fileName: string, rows: RosterRow[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADERS);
  for (const r of rows) {
    ws.addRow([
      r.name,
      r.id,
      '',
      '',
      '汉族',
      '群众',
      '大学本科',
      r.phone ?? '',
      r.department,
      '护士',
      r.employment,
      '2020-03-01',
      r.joinedAt ?? '',
      '',
      '',
    ]);
  }
  const file = path.join(os.tmpdir(), fileName);
  await wb.xlsx.writeFile(file);
  return file;
}
