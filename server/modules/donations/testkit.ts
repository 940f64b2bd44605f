import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { today } from '../../lib/businessDate.js';
import { type Client, createDepartment, createOrg, loginAs, type TestContext } from '../../test/helpers.js';
import { createMember, multipart } from '../members/testkit.js';

// Test helpers of the donation drives: a union with its care roles, drives, and department lists.

export function ok(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().data;
}

export const todayDate = today;
export const thisYear = () => Number(todayDate().slice(0, 4));

export async function donationOrg(ctx: TestContext) {
  const org = await createOrg(ctx.deps);
  const [nursing, surgery] = await Promise.all([
    createDepartment(ctx.deps, org.id, `护理部${org.id.slice(0, 4)}`),
    createDepartment(ctx.deps, org.id, `外科${org.id.slice(0, 4)}`),
  ]);
  const as = (roles: Parameters<typeof loginAs>[2]) => loginAs(ctx, org.id, roles);
  const [officer, chair, committeeMember, viceChair, groupLeader, member, treasurer] = await Promise.all([
    as(['officer']),
    as(['chair']),
    as(['committeeMember']),
    as(['viceChair']),
    as(['groupLeader']),
    as(['member']),
    as(['treasurer']),
  ]);
  const nurse = await createMember(officer, nursing.id, {
    name: '王护士',
    memberNo: `N${org.id.slice(0, 6)}`,
  });
  return {
    org,
    nursing,
    surgery,
    officer,
    chair,
    committeeMember,
    viceChair,
    groupLeader,
    member,
    treasurer,
    nurse,
  };
}
export type DonationOrg = Awaited<ReturnType<typeof donationOrg>>;

export async function createDrive(c: Client, extra: Record<string, unknown> = {}) {
  return ok(
    await c.post('/api/care/donations/drives', {
      title: '为王护士爱心捐款',
      beneficiaryName: '王护士',
      reason: '肾移植手术',
      targetFen: 2_500_000,
      startDate: `${thisYear()}-01-01`,
      ...extra,
    }),
    201,
  );
}

export async function donate(c: Client, driveId: string, body: Record<string, unknown>) {
  return c.post(`/api/care/donations/drives/${driveId}/donations`, { date: todayDate(), ...body });
}

export type Cell = string | number | Date | null;

/** A department list: header row and rows by header. */
export async function listXlsx(
  rows: Record<string, Cell>[],
  headers = ['姓名', '会员证号', '金额（元）', '捐款日期', '同意公示姓名'],
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('捐款名单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export function uploadList(c: Client, driveId: string, departmentId: string, content: Buffer) {
  const { payload, headers } = multipart(content, '科室捐款名单.xlsx');
  return c.request({
    method: 'POST',
    url: `/api/care/donations/drives/${driveId}/departments/${departmentId}/import?mode=append`,
    payload,
    headers,
  });
}
