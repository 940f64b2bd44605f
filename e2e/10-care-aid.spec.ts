import type { Page } from '@playwright/test';
import { adminCli, choose, login, OFFICER } from './accounts.js';
import { api, data } from './api.js';
import { expect, test } from './fixtures.js';
import { idNumber } from './roster.js';

// Aid case (救助): the officer files a 金秋助学 application for a member, uploads the required
// materials, tries to grant more than the rule's yearly cap (refused with the message), grants a
// lower amount, the chair approves, the officer pays, and the payment shows in the ledger.

test.describe.configure({ mode: 'serial' });

const CHAIR = { username: 'chair10', password: 'Aid-Approve-Passw0rd!' };
const DEPT = '救助测试科';
const MEMBER = '郑救助';
const PDF = { name: '材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e\n') };
let caseUrl = '';

async function openCase(page: Page, who: { username: string; password: string }) {
  await login(page, who.username, who.password);
  await page.goto(caseUrl);
}

async function takeStep(
  page: Page,
  step: string,
  fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  await page.getByRole('button', { name: step, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: step, exact: true }).click();
}

test.beforeAll(async () => {
  adminCli(
    'create-user',
    '--username',
    CHAIR.username,
    '--name',
    '冯主席',
    '--password',
    CHAIR.password,
    '--roles',
    'chair',
    '--keep-password',
  );
  const officer = await api(OFFICER.username, OFFICER.password);
  const dept = await data(officer.post('/api/departments', { data: { name: DEPT } }));
  await data(
    officer.post('/api/members', {
      data: {
        name: MEMBER,
        idNumber: idNumber('19880310', 210),
        departmentId: dept.id,
        employmentType: 'permanent',
        joinedAt: '2012-01-01',
      },
    }),
  );
});

test('the officer files a 金秋助学 application and uploads the required materials', async ({ page }) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/care/aid');
  await page.getByRole('button', { name: '申请救助' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('申请人（职工）').fill(MEMBER);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: MEMBER })
    .click();
  await choose(page, '救助类型', '金秋助学');
  await dialog.getByLabel('申请金额').fill('4000');
  await dialog.getByLabel('申请理由').fill('女儿考入大学，家中仅一人工作，学费困难');
  await dialog.getByRole('button', { name: '提交申请' }).click();
  await expect(page).toHaveURL(/\/care\/aid\/[0-9a-f-]{36}$/);
  caseUrl = new URL(page.url()).pathname;
  await expect(page.getByText('待审核').first()).toBeVisible();
  for (const item of ['录取通知书', '学费凭证']) {
    const upload = page.locator('.ant-upload').filter({ has: page.getByLabel(`上传${item}`) });
    await upload.locator('input[type=file]').setInputFiles(PDF);
    await expect(page.getByText(`${item}已上传`)).toBeVisible();
  }
  await expect(page.getByRole('link', { name: '材料.pdf' })).toHaveCount(2);
});

test('granting above the yearly cap is refused with the rule’s message; a lower amount passes', async ({
  page,
}) => {
  await openCase(page, OFFICER);
  await page.getByRole('button', { name: '审核', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const submit = dialog.locator('button[type=submit]');
  // Each submission is awaited to its answer, so the next one starts from a settled form.
  const review = (yuan: string) =>
    Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/review') && r.request().method() === 'POST'),
      dialog
        .getByLabel('核定金额')
        .fill(yuan)
        .then(() => submit.click()),
    ]).then(([res]) => res.status());
  expect(await review('4000')).toBe(409);
  await expect(
    page.getByText('「金秋助学」每人年度上限3,000.00元，本年已发放0.00元，最多还可发放3,000.00元'),
  ).toBeVisible();
  await expect(submit).not.toHaveClass(/ant-btn-loading/);
  expect(await review('2500')).toBe(200);
  await expect(page.getByText('待审批').first()).toBeVisible();
  await expect(page.getByText('2,500.00元')).toBeVisible();
});

test('the chair approves and the officer pays', async ({ page }) => {
  await openCase(page, CHAIR);
  await takeStep(page, '审批');
  await expect(page.getByText('待发放').first()).toBeVisible();
  await openCase(page, OFFICER);
  await takeStep(page, '发放');
  await expect(page.getByText('已发放').first()).toBeVisible();
});

test('the payment is one entry in the ledger', async ({ page }) => {
  await login(page, CHAIR.username, CHAIR.password);
  await page.goto('/funds/ledger');
  const rows = page.getByRole('row').filter({ hasText: `金秋助学 ${MEMBER}` });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2,500.00');
});
