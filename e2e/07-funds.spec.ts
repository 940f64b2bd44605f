import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { adminCli, login } from './accounts.js';
import { expect, test } from './fixtures.js';

// Funds: the treasurer sets a budget, a vice chair raises a request, the officer and then the chair
// approve it, the treasurer pays it; the execution view shows the payment, and a reversal takes it back.

test.describe.configure({ mode: 'serial' });

const PASSWORD = 'Funds-Passw0rd!';
const USERS = {
  treasurer: { username: 'treasurer7', name: '钱会计', roles: 'treasurer' },
  requester: { username: 'vicechair7', name: '赵副主席', roles: 'viceChair' },
  officer: { username: 'officer7', name: '孙干事', roles: 'officer' },
  chair: { username: 'chair7', name: '李主席', roles: 'chair' },
};
const CATEGORY = '50102 文体活动';
const PURPOSE = `职工趣味运动会奖品 ${Date.now().toString(36)}`;
let requestUrl = '';

async function as(page: Page, who: keyof typeof USERS) {
  await login(page, USERS[who].username, PASSWORD);
}

async function executionRow(page: Page) {
  await page.goto('/funds/budget');
  return page.getByRole('row', { name: new RegExp(CATEGORY) });
}

test.beforeAll(() => {
  for (const u of Object.values(USERS)) {
    adminCli(
      'create-user',
      '--username',
      u.username,
      '--name',
      u.name,
      '--password',
      PASSWORD,
      '--roles',
      u.roles,
      '--keep-password',
    );
  }
});

test('the treasurer sets the year’s budget of a category', async ({ page }) => {
  await as(page, 'treasurer');
  const row = await executionRow(page);
  await row.getByRole('button', { name: '编制预算' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('年初预算').fill('10000');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('预算已保存')).toBeVisible();
  await expect(row).toContainText('10,000.00');
});

test('a draft is raised, corrected, submitted: 5,000元 needs the officer and the chair', async ({ page }) => {
  await as(page, 'requester');
  await page.goto('/funds/requests');
  await page.getByRole('button', { name: '新建申请' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用途').fill(PURPOSE);
  // The chart is long and the dropdown virtual: search narrows it to the category.
  await dialog.getByLabel('支出科目').fill('文体');
  await page.getByRole('treeitem', { name: CATEGORY }).locator('.ant-select-tree-title').click();
  await expect(dialog.getByTitle(CATEGORY)).toBeVisible();
  await dialog.getByLabel('申请金额').fill('4000');
  await dialog.getByLabel('收款方').fill('某体育用品公司');
  await dialog.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/funds\/requests\/[0-9a-f-]{36}$/);
  requestUrl = new URL(page.url()).pathname;
  // The draft is still the requester's to correct: the same form opens filled in.
  await page.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: /修改经费申请/ });
  await expect(edit.getByLabel('用途')).toHaveValue(PURPOSE);
  await edit.getByLabel('申请金额').fill('5000');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存修改')).toBeVisible();
  await expect(page.getByText('5,000.00')).toBeVisible();
  await page.getByRole('button', { name: '提交审批' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('审批中')).toBeVisible();
  await expect(page.getByText('专职干部审核').first()).toBeVisible();
  await expect(page.getByText('主席审批').first()).toBeVisible();
});

for (const who of ['officer', 'chair'] as const) {
  test(`the ${who} finds it in the inbox and approves`, async ({ page }) => {
    await as(page, who);
    await page.goto('/funds/requests');
    await expect(page.getByRole('tab', { name: '待我审批' })).toHaveAttribute('aria-selected', 'true');
    await page
      .getByRole('row', { name: new RegExp(PURPOSE) })
      .getByRole('link')
      .click();
    await expect(page).toHaveURL(new RegExp(`${requestUrl}$`));
    await page.getByRole('button', { name: '批准', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('审批意见').fill('同意');
    await dialog.getByRole('button', { name: '批准', exact: true }).click();
    await expect(page.getByText('操作成功')).toBeVisible();
    if (who === 'chair') await expect(page.getByText('已批准')).toBeVisible();
  });
}

test('the treasurer pays it; the execution view counts it; a reversal takes it back', async ({ page }) => {
  await as(page, 'treasurer');
  await page.goto(requestUrl);
  await page.getByRole('button', { name: '支付' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('凭证号').fill('记-0701');
  await dialog.getByRole('button', { name: '确认支付' }).click();
  await expect(page.getByText('已支付').first()).toBeVisible();
  await expect(page.getByText('支付5,000.00元，凭证号 记-0701')).toBeVisible();
  // The invoice goes with the payment.
  const invoice = path.join(os.tmpdir(), `invoice-${Date.now()}.pdf`);
  fs.writeFileSync(invoice, '%PDF-1.4\n% test invoice\n');
  await page.locator('input[type=file]').setInputFiles(invoice);
  await expect(page.getByText('已上传')).toBeVisible();
  await expect(page.getByRole('link', { name: path.basename(invoice) })).toBeVisible();

  let row = await executionRow(page);
  // Budget 10,000.00, committed 0.00, paid 5,000.00, remaining 5,000.00.
  await expect(row).toContainText('5,000.00');
  await expect(row.getByRole('progressbar')).toHaveText('50%');

  await page.goto('/funds/ledger');
  const entry = page.getByRole('row', { name: new RegExp(PURPOSE) }).first();
  await expect(entry).toContainText('5,000.00');
  await entry.getByRole('button', { name: '冲销' }).click();
  const reverse = page.getByRole('dialog');
  await reverse.getByLabel('冲销原因').fill('发票作废，重新报销');
  await reverse.getByRole('button', { name: '冲销' }).click();
  await expect(page.getByText('已冲销').first()).toBeVisible();
  await expect(page.getByRole('row', { name: /冲销：/ }).first()).toContainText('-5,000.00');

  row = await executionRow(page);
  await expect(row.getByRole('progressbar')).toHaveText('0%');
});

test('the treasurer changes an approval limit in 经费设置 and it stays after a reload', async ({ page }) => {
  await as(page, 'treasurer');
  await page.goto('/funds/settings');
  await expect(page.getByRole('menuitem', { name: '经费设置' })).toBeVisible();
  const limit = page.getByLabel('专职干部审批限额');
  await limit.fill('3456.78');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('经费设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('专职干部审批限额')).toHaveValue('3456.78');
  await expect(page.getByText('3,456.78元')).toBeVisible();
});
