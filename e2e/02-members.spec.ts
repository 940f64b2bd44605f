import ExcelJS from 'exceljs';
import { choose, login, OFFICER } from './accounts.js';
import { expect, test } from './fixtures.js';
import { idNumber, writeRoster } from './roster.js';

test.describe.configure({ mode: 'serial' });

const good = [
  {
    name: '张晓梅',
    id: idNumber('19900101', 122),
    department: '内科',
    employment: '招聘',
    joinedAt: '2021-05-01',
    phone: '13812345678',
  },
  {
    name: '李建国',
    id: idNumber('19850315', 131),
    department: '外科',
    employment: '编制内',
    joinedAt: '2010-09-01',
  },
  { name: '陈静', id: idNumber('19950720', 142), department: '内科', employment: '合同制' },
  {
    name: '刘洋',
    id: idNumber('19920211', 151),
    department: '外科',
    employment: '派遣',
    joinedAt: '2019-01-10',
  },
];

test.beforeEach(async ({ page }) => {
  await login(page, OFFICER.username, OFFICER.password);
});

test('a roster with errors is listed by row and column, then the fixed file imports', async ({ page }) => {
  const broken = [
    good[0],
    { ...good[1], id: `${good[1].id.slice(0, 17)}${good[1].id[17] === '0' ? '1' : '0'}` },
    { ...good[2], department: '不存在的科室' },
    { ...good[3], id: good[0].id },
  ];
  await page.getByRole('menuitem', { name: '导入花名册' }).click();
  await page.locator('input[type=file]').setInputFiles(await writeRoster('roster-broken.xlsx', broken));
  await expect(page.getByText(/处问题，本次不能导入/)).toBeVisible();
  await expect(page.getByText('身份证号校验位错误')).toBeVisible();
  await expect(page.getByText(/科室.*不存在/).first()).toBeVisible();
  await expect(page.getByText(/重复/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await page.getByRole('button', { name: '重新上传' }).click();
  await page.locator('input[type=file]').setInputFiles(await writeRoster('roster-fixed.xlsx', good));
  await expect(page.getByText('检查通过', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
  await expect(page.getByText(/新增\s*4/)).toBeVisible();
});

test('search and filter the list, open a member, change status and see the history', async ({ page }) => {
  await page.getByRole('menuitem', { name: '会员名册' }).click();
  const table = page.getByTestId('members-table');
  await expect(table.getByText('李建国')).toBeVisible();

  await page.getByLabel('搜索').fill('张晓');
  await page.getByLabel('搜索').press('Enter');
  await expect(table.getByText('张晓梅')).toBeVisible();
  await expect(table.getByText('李建国')).toHaveCount(0);
  await expect(page).toHaveURL(/q=/);
  await page.reload();
  await expect(table.getByText('张晓梅')).toBeVisible();
  await expect(table.getByText('李建国')).toHaveCount(0);

  await page.getByRole('button', { name: '重置' }).click();
  await choose(page, '用工形式', '派遣');
  await expect(table.getByText('刘洋')).toBeVisible();
  await expect(table.getByText('张晓梅')).toHaveCount(0);

  await table.getByText('刘洋').click();
  await expect(page.getByText('110105********')).toBeVisible();
  await page.getByRole('button', { name: '退会' }).click();
  await page.getByLabel('原因').fill('调离本院');
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已退会').first()).toBeVisible();
  await expect(page.getByText('原因：调离本院')).toBeVisible();
  await expect(page.getByRole('button', { name: '退会' })).toHaveCount(0);
});

test('export the filtered list as Excel', async ({ page }) => {
  await page.goto('/members?employmentType=recruited');
  await expect(page.getByTestId('members-table').getByText('张晓梅')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出Excel' }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const values = wb.worksheets[0].getSheetValues().flat().map(String);
  expect(values).toContain('张晓梅');
  expect(values).not.toContain('李建国');
  // The officer may see full ID numbers; the export is audited (checked by the auditor's spec).
  expect(values.some((v) => v === good[0].id)).toBe(true);
});
