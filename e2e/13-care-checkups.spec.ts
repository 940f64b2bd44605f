import ExcelJS from 'exceljs';
import { ADMIN, choose, login, OFFICER } from './accounts.js';
import { api, data } from './api.js';
import { expect, test } from './fixtures.js';
import { idNumber } from './roster.js';

// Health checkup (健康体检): the officer creates the year's programme with extra items for women,
// previews and publishes the list, exports it (ID numbers masked), adds a batch, puts a department
// into it, marks attendance in bulk and flags one person for follow-up (no diagnosis).

test.describe.configure({ mode: 'serial' });

const DEPT = '体检测试科';
const WOMAN = '钱体检';
const MAN = '孙体检';
const PROGRAMME = `职工健康体检${Date.now().toString(36)}`;
let womanId = '';
let womanMemberId = '';
/** The woman's own account, made by the admin, to see her checkup as a member (我的体检). */
const WOMAN_ACCOUNT = { username: 'member13', password: 'Qian-Passw0rd!13' };

test.beforeAll(async () => {
  const officer = await api(OFFICER.username, OFFICER.password);
  const dept = await data(officer.post('/api/departments', { data: { name: DEPT } }));
  womanId = idNumber('19800315', 402);
  for (const [name, id] of [
    [WOMAN, womanId],
    [MAN, idNumber('19790920', 401)],
  ]) {
    const m = await data(
      officer.post('/api/members', {
        data: {
          name,
          idNumber: id,
          departmentId: dept.id,
          employmentType: 'permanent',
          joinedAt: '2010-01-01',
        },
      }),
    );
    if (name === WOMAN) womanMemberId = m.id;
  }
});

test('the officer publishes a programme, exports the list, assigns a batch and marks attendance', async ({
  page,
}) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/checkups');
  await page.getByRole('button', { name: '新建体检项目' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('体检项目名称').fill(PROGRAMME);
  await drawer.getByLabel('年龄下限（周岁）').fill('40');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/care\/checkups\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/按当前条件共有 \d+ 人符合体检条件/)).toBeVisible();

  await page.getByRole('button', { name: '发布名单' }).click();
  await page.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(page.getByText('已发布', { exact: true })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /导出名单$/ }).click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1));
  });
  const woman = rows.find((r) => r[1] === WOMAN);
  expect(woman?.[2]).toBe('女');
  expect(String(woman?.[5])).toContain('*');
  expect(String(woman?.[5])).not.toBe(womanId);
  expect(String(woman?.[7])).toContain('乳腺彩超');

  await page.getByRole('tab', { name: '体检批次' }).click();
  await page.getByRole('button', { name: '新增批次' }).click();
  const batch = page.getByRole('dialog');
  await batch.getByLabel('体检日期').fill('2026-04-10');
  await batch.getByLabel('体检日期').press('Enter');
  await batch.getByLabel('地点').fill('门诊楼三楼体检中心');
  await batch.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '门诊楼三楼体检中心' })).toBeVisible();

  await page.getByRole('button', { name: '安排人员' }).click();
  await choose(page, '科室', DEPT);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已安排 2 人')).toBeVisible();

  await page.getByRole('tab', { name: '体检名单' }).click();
  await page.getByPlaceholder('姓名').fill('体检');
  await page.getByPlaceholder('姓名').press('Enter');
  const table = page.getByRole('tabpanel', { name: '体检名单' });
  await expect(table.getByRole('row', { name: new RegExp(WOMAN) })).toBeVisible();
  await table.locator('thead .ant-checkbox-input').check();
  await page.getByRole('button', { name: '标记已体检' }).click();
  await expect(page.getByText('已标记为已体检')).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(MAN) }).getByText('已体检')).toBeVisible();

  await table
    .getByRole('row', { name: new RegExp(WOMAN) })
    .getByRole('button', { name: '标记需复查' })
    .click();
  const follow = page.getByRole('dialog');
  await expect(follow.getByText('本系统不记录诊断结果')).toBeVisible();
  await follow.getByLabel('说明（非诊断）').fill('建议三个月内复查');
  await follow.getByRole('button', { name: '保存' }).click();
  await expect(
    table.getByRole('row', { name: new RegExp(WOMAN) }).getByText('需复查', { exact: true }),
  ).toBeVisible();
  await expect(
    table.getByRole('row', { name: new RegExp(WOMAN) }).getByRole('button', { name: '转救助申请' }),
  ).toBeVisible();
});

test('the woman sees her own batch, extra items and attendance in 我的体检, not the follow-up flag', async ({
  page,
}) => {
  const admin = await api(ADMIN.username, ADMIN.password);
  const first = `${WOMAN_ACCOUNT.password}0`;
  await data(
    admin.post('/api/users', {
      data: {
        username: WOMAN_ACCOUNT.username,
        displayName: WOMAN,
        password: first,
        roles: ['member'],
        memberId: womanMemberId,
      },
    }),
  );
  const self = await api(WOMAN_ACCOUNT.username, first);
  await data(
    self.post('/api/auth/password', {
      data: { currentPassword: first, newPassword: WOMAN_ACCOUNT.password },
    }),
  );

  await login(page, WOMAN_ACCOUNT.username, WOMAN_ACCOUNT.password);
  await page.getByRole('menuitem', { name: '关爱帮扶' }).click();
  await page.getByRole('menuitem', { name: '我的体检' }).click();
  await expect(page).toHaveURL(/\/care\/checkups\/mine$/);
  await expect(page.getByText('本年度暂无您的体检安排')).toHaveCount(0);
  const card = page.locator('.ant-card-type-inner').filter({ hasText: PROGRAMME });
  await expect(card).toContainText('门诊楼三楼体检中心');
  await expect(card).toContainText('乳腺彩超');
  await expect(card.getByText('已体检', { exact: true })).toBeVisible();
  await expect(page.getByText('需复查')).toHaveCount(0);
  await expect(page.getByText('建议三个月内复查')).toHaveCount(0);
});
