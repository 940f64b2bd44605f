import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { donations } from '../../db/schema/index.js';
import { createDepartment, createOrg, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { createMember, readXlsx } from '../members/testkit.js';
import {
  createDrive,
  type DonationOrg,
  donationOrg,
  listXlsx,
  ok,
  thisYear,
  todayDate,
  uploadList,
} from './testkit.js';

let ctx: TestContext;
let o: DonationOrg;
let second: { id: string };
beforeAll(async () => {
  ctx = await setupTestApp();
  o = await donationOrg(ctx);
  second = await createMember(o.officer, o.nursing.id, {
    name: '李医生',
    memberNo: `L${o.org.id.slice(0, 6)}`,
  });
  await createMember(o.officer, o.surgery.id, { name: '赵外科', memberNo: `Z${o.org.id.slice(0, 6)}` });
});

const D = '/api/care/donations/drives';

async function rowsOf(driveId: string) {
  return ctx.deps.db.select().from(donations).where(eq(donations.driveId, driveId));
}

describe('department list import (科室捐款名单)', () => {
  it('the template, filled with the chosen department’s members', async () => {
    const res = await o.officer.get(`/api/care/donations/import/template?departmentId=${o.nursing.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('科室捐款名单模板.xlsx'));
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(['姓名*', '会员证号', '金额*', '捐款日期', '同意公示姓名']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['李医生', '王护士']);
    const other = await createDepartment(ctx.deps, (await createOrg(ctx.deps)).id);
    expect(
      (await o.officer.get(`/api/care/donations/import/template?departmentId=${other.id}`)).statusCode,
    ).toBe(404);
  });

  it('a bad row refuses the whole file (row and column named in Chinese); nothing is written', async () => {
    const drive = await createDrive(o.officer);
    const file = await listXlsx([
      { 姓名: '王护士', '金额（元）': 200, 同意公示姓名: '是' },
      { 姓名: '李医生', '金额（元）': 'abc' },
      { 姓名: '赵外科', 会员证号: `Z${o.org.id.slice(0, 6)}`, '金额（元）': 100 },
      { 姓名: '', '金额（元）': 50, 捐款日期: '2025-13-01', 同意公示姓名: '也许' },
    ]);
    const preview = ok(await uploadList(o.officer, drive.id, o.nursing.id, file));
    expect(preview).toMatchObject({ total: 4, matched: 1, problemCount: 5, departmentName: o.nursing.name });
    expect(preview.problems).toEqual([
      { row: 3, column: '金额', message: expect.stringContaining('不是有效金额') },
      { row: 4, column: '会员证号', message: expect.stringContaining(`不在${o.nursing.name}`) },
      { row: 5, column: '姓名', message: '请填写姓名' },
      { row: 5, column: '捐款日期', message: expect.stringContaining('无效') },
      { row: 5, column: '同意公示姓名', message: expect.stringContaining('“是”或“否”') },
    ]);
    const commit = await o.officer.post(`/api/care/donations/imports/${preview.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.message).toContain('整份名单未导入');
    expect(await rowsOf(drive.id)).toHaveLength(0);
  });

  it('the fixed file is imported whole: members matched, a stranger as a non-member (warning); totals match the rows', async () => {
    const drive = await createDrive(o.officer, { targetFen: 100_000 });
    const file = await listXlsx([
      { 姓名: '王护士', '金额（元）': 200, 同意公示姓名: '是' },
      { 姓名: '李医生', '金额（元）': '1,000.50', 捐款日期: `${thisYear()}-01-05` },
      { 姓名: '规培生小周', '金额（元）': 50 },
    ]);
    const preview = ok(await uploadList(o.officer, drive.id, o.nursing.id, file));
    expect(preview).toMatchObject({ problemCount: 0, matched: 3, totalFen: 125_050, warningCount: 1 });
    expect(preview.warnings[0]).toMatchObject({
      row: 4,
      column: '姓名',
      message: expect.stringContaining('非会员'),
    });
    expect(await rowsOf(drive.id)).toHaveLength(0); // the preview writes nothing
    const result = ok(await o.officer.post(`/api/care/donations/imports/${preview.id}/commit`));
    expect(result).toMatchObject({ rowCount: 3, totalFen: 125_050 });
    const rows = await rowsOf(drive.id);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.departmentId === o.nursing.id && r.importId === preview.id)).toBe(true);
    const byName = Object.fromEntries(rows.map((r) => [r.donorName, r]));
    expect(byName.王护士).toMatchObject({
      memberId: o.nurse.id,
      amountFen: 20_000,
      nameConsent: true,
      date: todayDate(),
    });
    expect(byName.李医生).toMatchObject({ memberId: second.id, amountFen: 100_050, nameConsent: false });
    expect(byName.规培生小周).toMatchObject({ memberId: null, amountFen: 5_000 });
    const detail = ok(await o.officer.get(`${D}/${drive.id}`));
    expect(detail).toMatchObject({
      count: 3,
      totalFen: rows.reduce((s, r) => s + r.amountFen, 0),
      percent: 125,
    });
    expect(detail.byDepartment).toEqual([
      { departmentId: o.nursing.id, departmentName: o.nursing.name, count: 3, totalFen: 125_050 },
    ]);
    // Committed once only.
    expect((await o.officer.post(`/api/care/donations/imports/${preview.id}/commit`)).statusCode).toBe(409);
    expect(await rowsOf(drive.id)).toHaveLength(3);
  });

  it('409 unless the drive is open, at the preview and at the commit (nothing written)', async () => {
    const drive = await createDrive(o.officer);
    const file = await listXlsx([{ 姓名: '王护士', '金额（元）': 200 }]);
    const preview = ok(await uploadList(o.officer, drive.id, o.nursing.id, file));
    ok(await o.officer.post(`${D}/${drive.id}/close`));
    expect((await o.officer.post(`/api/care/donations/imports/${preview.id}/commit`)).statusCode).toBe(409);
    expect((await uploadList(o.officer, drive.id, o.nursing.id, file)).statusCode).toBe(409);
    expect(await rowsOf(drive.id)).toHaveLength(0);
  });

  it('400 for a file that is not a list; 404 for another union’s department, drive or staged list', async () => {
    const drive = await createDrive(o.officer);
    const notXlsx = await uploadList(o.officer, drive.id, o.nursing.id, Buffer.from('not a spreadsheet'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details[0].path).toBe('file');
    const noAmount = await uploadList(
      o.officer,
      drive.id,
      o.nursing.id,
      await listXlsx([{ 姓名: '甲' }], ['姓名']),
    );
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.message).toContain('缺少必填列：金额');
    const empty = await uploadList(o.officer, drive.id, o.nursing.id, await listXlsx([]));
    expect(empty.json().error.message).toBe('文件中没有数据行');

    const other = await createOrg(ctx.deps);
    const otherDept = await createDepartment(ctx.deps, other.id);
    const file = await listXlsx([{ 姓名: '王护士', '金额（元）': 200 }]);
    expect((await uploadList(o.officer, drive.id, otherDept.id, file)).statusCode).toBe(404);
    const otherOfficer = await loginAs(ctx, other.id, ['officer']);
    expect((await uploadList(otherOfficer, drive.id, otherDept.id, file)).statusCode).toBe(404);
    const preview = ok(await uploadList(o.officer, drive.id, o.nursing.id, file));
    // A staged list is its uploader's: another officer, or another union, cannot commit it.
    const colleague = await loginAs(ctx, o.org.id, ['officer']);
    expect((await colleague.post(`/api/care/donations/imports/${preview.id}/commit`)).statusCode).toBe(404);
    expect((await otherOfficer.post(`/api/care/donations/imports/${preview.id}/commit`)).statusCode).toBe(
      404,
    );
    expect(await rowsOf(drive.id)).toHaveLength(0);
  });
});
