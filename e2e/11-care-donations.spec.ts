import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { adminCli, choose, login, OFFICER } from './accounts.js';
import { api, data } from './api.js';
import { expect, test } from './fixtures.js';
import { idNumber } from './roster.js';

// Donation drive (爱心捐款): the officer starts a drive for a nurse, a department's list with bad rows
// is refused row by row, the fixed list is imported whole, the drive is closed, the chair hands the
// money over, and the handover shows in the ledger as one income and one expense.

test.describe.configure({ mode: 'serial' });

const CHAIR = { username: 'chair11', password: 'Loving-Heart-Passw0rd!' };
const DEPT = '爱心捐款测试科';
const TITLE = '为周护士爱心捐款';
let driveUrl = '';

async function listFile(name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('捐款名单');
  ws.addRow(['姓名*', '会员证号', '金额*', '捐款日期', '同意公示姓名']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(os.tmpdir(), `${Date.now()}-${name}`);
  await wb.xlsx.writeFile(file);
  return file;
}

test.beforeAll(async () => {
  adminCli(
    'create-user',
    '--username',
    CHAIR.username,
    '--name',
    '吴主席',
    '--password',
    CHAIR.password,
    '--roles',
    'chair',
    '--keep-password',
  );
  const officer = await api(OFFICER.username, OFFICER.password);
  const dept = await data(officer.post('/api/departments', { data: { name: DEPT } }));
  const people = [
    { name: '周护士', memberNo: 'E1100', birth: '19860611', seq: 112 },
    { name: '钱爱心', memberNo: 'E1101', birth: '19790611', seq: 111 },
    { name: '孙爱心', memberNo: 'E1102', birth: '19800712', seq: 113 },
  ];
  for (const p of people) {
    await data(
      officer.post('/api/members', {
        data: {
          name: p.name,
          idNumber: idNumber(p.birth, p.seq),
          departmentId: dept.id,
          employmentType: 'permanent',
          joinedAt: '2015-01-01',
          memberNo: p.memberNo,
        },
      }),
    );
  }
  await officer.dispose();
});

test('the officer starts a drive and imports a department list: a bad file is refused by row, the fixed one whole', async ({
  page,
}) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/donations');
  await page.getByRole('button', { name: '发起捐款' }).click();
  await page.getByLabel('活动名称').fill(TITLE);
  await page.getByLabel('受助会员').fill('周护士');
  // 08-dues has a 周护士 of its own; the option names the department.
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: `周护士（${DEPT}）` })
    .click();
  await page.getByLabel('捐款事由').fill('肾移植手术');
  await page.getByLabel('目标金额').fill('1000');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`爱心捐款 · ${TITLE}`)).toBeVisible();
  driveUrl = new URL(page.url()).pathname;
  await expect(page.getByText('肾移植手术')).toBeVisible();

  await page.getByRole('button', { name: '导入科室名单' }).click();
  await choose(page, '名单所属科室', DEPT);
  const broken = await listFile('donations-broken.xlsx', [
    ['钱爱心', 'E1101', 200, null, '是'],
    ['孙爱心', 'E1102', 'abc', null, null],
    ['李不存在', 'E1199', 100, null, null],
  ]);
  await page.locator('input[type=file]').setInputFiles(broken);
  await expect(page.getByText(/处问题，本次不能导入/)).toBeVisible();
  const problems = page.getByTestId('donation-problems-table');
  await expect(problems.getByRole('row').filter({ hasText: '金额“abc”不是有效金额' })).toContainText('3');
  await expect(problems.getByText('会员证号“E1199”在名册中不存在')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();

  await page.getByRole('button', { name: '重新上传' }).click();
  const fixed = await listFile('donations-fixed.xlsx', [
    ['钱爱心', 'E1101', 200, null, '是'],
    ['孙爱心', 'E1102', 300, null, null],
    ['院外张先生', null, 50, null, '否'],
  ]);
  await page.locator('input[type=file]').setInputFiles(fixed);
  await expect(page.getByText('检查通过', { exact: false })).toBeVisible();
  await expect(page.getByText(/院外张先生.*非会员/).first()).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入3笔捐款，合计 550.00 元')).toBeVisible();
  await page.getByRole('button', { name: '返回捐款活动' }).click();

  const byDept = page.getByTestId('donation-by-department');
  await expect(byDept.getByRole('row').filter({ hasText: DEPT })).toContainText('550.00');
  await expect(page.getByText('目标 1,000.00 元')).toBeVisible();
  await page.getByRole('button', { name: '截止' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已截止', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '登记捐款' })).toHaveCount(0);
});

test('the chair hands the money over; the ledger shows one income and one expense; the public summary names only who agreed', async ({
  page,
}) => {
  await login(page, CHAIR.username, CHAIR.password);
  await page.goto(driveUrl);
  await page.getByRole('button', { name: '交付', exact: true }).click();
  await page.getByLabel('凭证号').fill('记-1101');
  await page.getByRole('button', { name: '确认交付' }).click();
  await expect(page.getByText('已交付并记账')).toBeVisible();
  await expect(page.getByText(/交付 周护士 550\.00 元/)).toBeVisible();

  await page.goto('/funds/ledger');
  const income = page.getByRole('row').filter({ hasText: `爱心捐款收入：${TITLE}` });
  const expense = page.getByRole('row').filter({ hasText: `爱心捐款交付：${TITLE}` });
  await expect(income).toContainText('409 其他收入');
  await expect(income).toContainText('550.00');
  await expect(expense).toContainText('50202 困难职工帮扶');
  await expect(expense).toContainText('周护士');
  await expect(expense).toContainText('记-1101');

  await page.goto(driveUrl.replace('/care/donations/', '/care/donations/public/'));
  const named = page.getByTestId('public-named');
  await expect(named).toContainText('钱爱心');
  await expect(named).not.toContainText('孙爱心');
  await expect(page.getByText('另有爱心人士2人次未具名', { exact: false })).toBeVisible();
  await expect(page.getByText('肾移植')).toHaveCount(0);
});
