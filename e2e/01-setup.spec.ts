import { ADMIN, AUDITOR, adminCli, choose, LEADER, login, OFFICER, ORG } from './accounts.js';
import { expect, test } from './fixtures.js';
import { readState } from './state.js';

test.describe.configure({ mode: 'serial' });

test('a fresh instance is set up through the one-time link', async ({ page }) => {
  await page.goto(readState().setupUrl);
  await page.getByLabel('工会名称').fill(ORG);
  await page.getByLabel('管理员用户名').fill(ADMIN.username);
  await page.getByLabel('姓名').fill('系统管理员');
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('确认密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '完成初始化' }).click();
  await expect(page.getByText(ORG).first()).toBeVisible();

  // The link is spent: opening it again does not offer a second setup.
  await page.context().clearCookies();
  await page.goto(readState().setupUrl);
  await expect(page.getByText('系统已完成初始化')).toBeVisible();
  await expect(page.getByLabel('工会名称')).toHaveCount(0);
});

test('the admin signs in, adds departments and an officer who must change the first password', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill('Wrong-Passw0rd!');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await login(page, ADMIN.username, ADMIN.password);

  await page.getByRole('menuitem', { name: '科室与小组' }).click();
  for (const name of ['内科', '外科']) {
    await page.getByRole('button', { name: '新增科室' }).click();
    await page.getByLabel('科室名称').fill(name);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('departments-table').getByText(name, { exact: true })).toBeVisible();
  }

  await page.getByRole('menuitem', { name: '用户与角色' }).click();
  await page.getByRole('button', { name: '新增用户' }).click();
  await page.getByLabel('用户名').fill(OFFICER.username);
  await page.getByLabel('姓名').fill('王干事');
  await page.getByLabel('初始密码').fill(OFFICER.first);
  await choose(page, '角色', '专职干部');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('users-table').getByText(OFFICER.username)).toBeVisible();

  // Scripts make the other accounts with the CLI, which shares the running server's database.
  adminCli(
    'create-user',
    '--username',
    LEADER.username,
    '--name',
    '李组长',
    '--password',
    LEADER.password,
    '--roles',
    'groupLeader',
    '--departments',
    '内科',
    '--keep-password',
  );
  adminCli(
    'create-user',
    '--username',
    AUDITOR.username,
    '--name',
    '赵审计',
    '--password',
    AUDITOR.password,
    '--roles',
    'auditor',
    '--keep-password',
  );

  await page.context().clearCookies();
  await login(page, OFFICER.username, OFFICER.first);
  await expect(page).toHaveURL(/\/password/);
  await page.getByLabel('当前密码').fill(OFFICER.first);
  await page.getByLabel('新密码', { exact: true }).fill(OFFICER.password);
  await page.getByLabel('确认密码').fill(OFFICER.password);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByRole('menuitem', { name: '会员名册' })).toBeVisible();
});
