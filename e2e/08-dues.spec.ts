import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { adminCli, login, OFFICER } from './accounts.js';
import { expect, test } from './fixtures.js';
import { idNumber } from './roster.js';

// Dues: a payroll deduction file with a bad row is refused row by row, the fixed file is imported
// and booked as 会费收入, and the month's ledger statement is exported with that total.

test.describe.configure({ mode: 'serial' });

const TREASURER = { username: 'treasurer8', password: 'Treasurer-Passw0rd!' };
const MONTH = '2025-03';
const PEOPLE = [
  { name: '孙会计', memberNo: 'E0801', birth: '19880101', seq: 811 },
  { name: '周护士', memberNo: 'E0802', birth: '19900202', seq: 822 },
  { name: '吴医生', memberNo: 'E0803', birth: '19850303', seq: 833 },
];

async function duesFile(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会费');
  ws.addRow(['会员证号', '姓名*', '月份*', '缴费基数*', '代扣会费*']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(os.tmpdir(), `${Date.now()}-${name}`);
  await wb.xlsx.writeFile(file);
  return file;
}

test.beforeAll(async ({ browser, baseURL }) => {
  adminCli(
    'create-user',
    '--username',
    TREASURER.username,
    '--name',
    '孙会计',
    '--password',
    TREASURER.password,
    '--roles',
    'treasurer',
    '--keep-password',
  );
  // The members come from the roster, made by the officer through the API.
  const page = await browser.newPage();
  await login(page, OFFICER.username, OFFICER.password);
  const headers = { origin: baseURL! };
  const departments = (await (await page.request.get('/api/departments')).json()).data;
  const dept = departments.find((d: { name: string }) => d.name === '内科') ?? departments[0];
  for (const p of PEOPLE) {
    const res = await page.request.post('/api/members', {
      headers,
      data: {
        name: p.name,
        idNumber: idNumber(p.birth, p.seq),
        departmentId: dept.id,
        employmentType: 'contract',
        joinedAt: '2020-01-01',
        memberNo: p.memberNo,
      },
    });
    expect(res.status()).toBe(201);
  }
  await page.close();
});

test.beforeEach(async ({ page }) => {
  await login(page, TREASURER.username, TREASURER.password);
});

test('a dues file with a bad row is refused by row, the fixed file imports and is booked', async ({
  page,
}) => {
  await page.getByRole('menuitem', { name: '经费管理' }).click();
  await page.getByRole('menuitem', { name: '会费导入' }).click();
  const broken = await duesFile('dues-broken.xlsx', [
    ['E0801', '孙会计', MONTH, 8000, 40],
    ['E0899', '周护士', MONTH, 6000, 30],
    ['E0803', '吴医生', MONTH, 'abc', 50],
  ]);
  await page.locator('input[type=file]').setInputFiles(broken);
  await expect(page.getByText(/处问题，本次不能导入/)).toBeVisible();
  const problems = page.getByTestId('dues-problems-table');
  await expect(problems.getByText('会员证号“E0899”在名册中不存在')).toBeVisible();
  await expect(problems.getByText(/缴费基数“abc”不是有效金额/)).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await page.getByRole('button', { name: '重新上传' }).click();
  const fixed = await duesFile('dues-fixed.xlsx', [
    ['E0801', '孙会计', MONTH, 8000, 40],
    ['E0802', '周护士', MONTH, 6000, 30],
    ['E0803', '吴医生', MONTH, 10000, 50],
  ]);
  await page.locator('input[type=file]').setInputFiles(fixed);
  await expect(page.getByText('检查通过', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
  await expect(page.getByText(/会费收入 120\.00 元已记账/)).toBeVisible();

  // Importing the same month again without choosing to replace it is refused.
  await page.getByRole('button', { name: '继续导入' }).click();
  await page.locator('input[type=file]').setInputFiles(fixed);
  await expect(page.getByText(/会费已导入.*替换该月/)).toBeVisible();
});

test('the month ledger statement is exported with the dues total', async ({ page }) => {
  await page.goto('/statements?tab=ledger');
  await page.getByLabel('月份').fill(MONTH);
  await expect(page.getByText(/本月收入 120\.00 元/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出Excel' }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  expect(ws.getCell(1, 1).value).toBe('工会经费明细账（2025年3月）');
  let total: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(3).value === '本月合计') total = r;
  });
  expect(total?.getCell(6).value).toBe(120);
});
