import { AUDITOR, LEADER, login } from './accounts.js';
import { expect, test } from './fixtures.js';

test('a group leader sees only their own department', async ({ page }) => {
  await login(page, LEADER.username, LEADER.password);
  await page.getByRole('menuitem', { name: '会员名册' }).click();
  const table = page.getByTestId('members-table');
  await expect(table.getByText('张晓梅')).toBeVisible();
  await expect(table.getByText('陈静')).toBeVisible();
  await expect(table.getByText('李建国')).toHaveCount(0);
  await expect(table.getByText('刘洋')).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '导入花名册' })).toHaveCount(0);
});

test('the auditor reads the audit log and cannot open the members screen', async ({ page }) => {
  await login(page, AUDITOR.username, AUDITOR.password);
  await expect(page.getByRole('menuitem', { name: '会员名册' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  const table = page.getByTestId('audit-table');
  await expect(table.getByText('导入花名册').first()).toBeVisible();
  await expect(table.getByText('导出花名册').first()).toBeVisible();
  await expect(table.getByText('登录').first()).toBeVisible();

  await page.goto('/members');
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByText('张晓梅')).toHaveCount(0);
});
