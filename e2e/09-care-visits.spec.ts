import fs from 'node:fs';
import JSZip from 'jszip';
import { adminCli, login, OFFICER } from './accounts.js';
import { api, data } from './api.js';
import { expect, test } from './fixtures.js';
import { idNumber } from './roster.js';

// Visits (慰问): a group leader reports a hospital admission, the officer sees it on 待慰问 and
// records the visit with its cash (posted to the ledger); this month's birthdays and their cards;
// the festival visits to retirees created as one batch.

test.describe.configure({ mode: 'serial' });

const LEADER09 = { username: 'leader09', password: 'Visit-Leader-Passw0rd!' };
const DEPT = '慰问测试科';
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(5, 7);
const FESTIVAL = `E2E${Date.now().toString(36)}春节`;

test.beforeAll(async () => {
  const officer = await api(OFFICER.username, OFFICER.password);
  const dept = await data(officer.post('/api/departments', { data: { name: DEPT } }));
  const people = [
    { name: '陈住院', birth: '19800105', seq: 901, employmentType: 'permanent' },
    { name: '林寿星', birth: `1975${month}15`, seq: 903, employmentType: 'permanent' },
    { name: '郑退休', birth: '19580308', seq: 905, employmentType: 'retired' },
  ];
  for (const p of people) {
    await data(
      officer.post('/api/members', {
        data: {
          name: p.name,
          idNumber: idNumber(p.birth, p.seq),
          departmentId: dept.id,
          employmentType: p.employmentType,
          joinedAt: '2005-01-01',
        },
      }),
    );
  }
  await officer.dispose();
  adminCli(
    'create-user',
    '--username',
    LEADER09.username,
    '--name',
    '何组长',
    '--password',
    LEADER09.password,
    '--roles',
    'groupLeader',
    '--departments',
    DEPT,
    '--keep-password',
  );
});

test('a group leader reports a hospital admission; the officer visits and the cash is posted', async ({
  page,
}) => {
  await login(page, LEADER09.username, LEADER09.password);
  await page.goto('/care/events');
  await page.getByRole('button', { name: '报告事件' }).click();
  await page.getByLabel('职工').fill('陈住院');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '陈住院' })
    .click();
  // The member's option also says 住院 (陈住院): pick the occasion by its exact text.
  await page.getByLabel('事件类型').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^住院$/ })
    .click();
  await page.getByLabel('情况说明').fill('急性阑尾炎，普外科住院');
  await page.getByRole('button', { name: '报告', exact: true }).click();
  await expect(page.getByText('已报告，工会将安排慰问')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '陈住院' })).toContainText('待慰问');

  await page.context().clearCookies();
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/worklists');
  const row = page.getByRole('row').filter({ hasText: '陈住院' });
  await expect(row).toContainText('急性阑尾炎');
  await row.getByRole('button', { name: '登记慰问' }).click();
  await expect(page.getByText(/福利标准：慰问金500\.00元/)).toBeVisible();
  await page.getByLabel('慰问人').fill('王主席、赵干事');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('慰问已登记，慰问金已入账')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '陈住院' })).toHaveCount(0);

  // The standard it was paid under, on the 福利标准 page.
  await page.goto('/care/rules');
  await expect(page.getByRole('row').filter({ hasText: /^住院/ }).first()).toContainText('500.00元');

  await page.goto('/care/visits');
  const visit = page.getByRole('row').filter({ hasText: '陈住院' });
  await expect(visit).toContainText('住院');
  await expect(visit).toContainText('500.00元');
  await expect(visit).toContainText('已入账');

  // The leader sees the report answered, without the amount.
  await page.context().clearCookies();
  await login(page, LEADER09.username, LEADER09.password);
  await page.goto('/care/events');
  await expect(page.getByRole('row').filter({ hasText: '陈住院' })).toContainText('已慰问');
});

test('the birthday worklist lists this month’s members and prints their cards', async ({ page }) => {
  await login(page, OFFICER.username, OFFICER.password);
  // The care home counts the month's unvisited birthdays; its link opens the worklist on them.
  await page.goto('/care');
  const card = page.locator('.ant-card').filter({ hasText: '本月生日未慰问' });
  await card.getByRole('link', { name: '全部' }).click();
  await expect(page).toHaveURL(/\/care\/worklists\?tab=birthdays&visited=no$/);
  const row = page.getByRole('row').filter({ hasText: '林寿星' });
  await expect(row).toContainText('未慰问');
  await page.getByText('已慰问', { exact: true }).click();
  await expect(row).toHaveCount(0);
  await page.getByText('全部', { exact: true }).click();
  await expect(row).toContainText('未慰问');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载本月生日贺卡' }).click();
  const file = await (await download).path();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('亲爱的林寿星同志');

  await row.getByRole('button', { name: '登记慰问' }).click();
  await page.getByLabel('慰问人').fill('工会');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('慰问已登记')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '林寿星' })).toContainText('已慰问');
});

test('the festival visits to retirees are created as one batch', async ({ page }) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/worklists');
  await page.getByRole('tab', { name: '节日慰问' }).click();
  await page.getByRole('searchbox', { name: '节日' }).fill(FESTIVAL);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('row').filter({ hasText: '郑退休' })).toContainText('退休职工');
  await page.getByRole('button', { name: /批量登记节日慰问/ }).click();
  await page.getByLabel('慰问人').fill('工会领导班子');
  await page.getByRole('button', { name: '全部登记' }).click();
  await expect(page.getByText(/已登记\d+人，慰问金合计/)).toBeVisible();
  await expect(page.getByText('没有待慰问的退休职工和困难职工')).toBeVisible();

  await page.goto(`/care/visits?q=${encodeURIComponent(FESTIVAL)}`);
  const visit = page.getByRole('row').filter({ hasText: '郑退休' });
  await expect(visit).toContainText(FESTIVAL);
  await expect(visit).toContainText('500.00元');
});
