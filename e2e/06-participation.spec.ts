import type { APIRequestContext } from '@playwright/test';
import { ADMIN, adminCli, choose, login } from './accounts.js';
import { api, createMember, data } from './api.js';
import { expect, test } from './fixtures.js';

// Participation: the union office publishes a disclosure that a member reads; the member sends a
// suggestion, the office adopts and assigns it, the department answers, the bell tells the member,
// who rates the answer.

test.describe.configure({ mode: 'serial' });

const OFFICER = { username: 'officer6', password: 'Particip-Passw0rd!' };
const MEMBER = { username: 'member6', name: '钱会员', password: 'Qian-Passw0rd!6' };
const HANDLER = { username: 'handler6', name: '孙后勤', password: 'Sun-Passw0rd!6' };
const DEPARTMENT = '后勤保障处';
const DISCLOSURE = '2025年职工健康体检方案';
const SUGGESTION = '门诊楼每层增设自助饮水机';

/** An account made by the admin, which changes its first password once. */
async function account(
  admin: APIRequestContext,
  u: { username: string; name: string; password: string },
  extra: object,
) {
  const first = `${u.password}0`;
  await data(
    admin.post('/api/users', {
      data: { username: u.username, displayName: u.name, password: first, ...extra },
    }),
  );
  const self = await api(u.username, first);
  await data(self.post('/api/auth/password', { data: { currentPassword: first, newPassword: u.password } }));
}

test.beforeAll(async () => {
  adminCli(
    'create-user',
    ...['--username', OFFICER.username, '--name', '李干事', '--password', OFFICER.password],
    ...['--roles', 'officer', '--keep-password'],
  );
  const officer = await api(OFFICER.username, OFFICER.password);
  const admin = await api(ADMIN.username, ADMIN.password);
  const logistics = await data(officer.post('/api/departments', { data: { name: DEPARTMENT } }));
  const departments = await data<{ id: string; name: string }[]>(officer.get('/api/departments'));
  const member = await createMember(officer, {
    name: MEMBER.name,
    birth: '19880612',
    seq: 601,
    departmentId: departments.find((d) => d.name === '内科')!.id,
    joinedAt: '2012-07-01',
  });
  await account(admin, MEMBER, { roles: ['member'], memberId: member.id });
  await account(admin, HANDLER, { roles: ['handler'], departmentIds: [logistics.id] });
});

test('the office publishes a disclosure and a member reads it', async ({ page, browser }) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/disclosures');
  await page.getByRole('button', { name: '登记公开事项' }).click();
  await page.getByLabel('标题').fill(DISCLOSURE);
  await choose(page, '公开类别', '职工切身利益');
  await choose(page, '公开渠道', '公开栏');
  await page.getByLabel('公开内容').fill('全院在职职工每年体检一次，45岁以上增加胃肠镜检查。');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('link', { name: DISCLOSURE }).click();
  await page.getByRole('button', { name: '公开', exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();
  // Published: the only step left is withdrawing it.
  await expect(page.getByRole('button', { name: '撤回' })).toBeVisible();
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);

  const context = await browser.newContext();
  const reader = await context.newPage();
  await login(reader, MEMBER.username, MEMBER.password);
  await reader.getByRole('menuitem', { name: '民主管理' }).click();
  await reader.getByRole('menuitem', { name: '院务公开' }).click();
  // A member has no registering button and sees published items only.
  await expect(reader.getByRole('button', { name: '登记公开事项' })).toHaveCount(0);
  await reader.getByRole('link', { name: DISCLOSURE }).click();
  await expect(reader.getByTestId('disclosure-content')).toContainText('45岁以上增加胃肠镜检查');
  await context.close();
});

test('a member’s suggestion is adopted, assigned, answered and rated; the bell tells the member', async ({
  page,
  browser,
}) => {
  // The member sends a suggestion.
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await login(memberPage, MEMBER.username, MEMBER.password);
  await memberPage.goto('/suggestions');
  await memberPage.getByRole('button', { name: '提交建议' }).click();
  await memberPage.getByLabel('建议标题').fill(SUGGESTION);
  await memberPage.getByLabel('建议内容').fill('夜班职工取水不便，建议每层增设一台自助饮水机。');
  await memberPage.getByRole('button', { name: '提交', exact: true }).click();
  await expect(memberPage).toHaveURL(/\/suggestions\/[0-9a-f-]{36}$/);
  const suggestionUrl = new URL(memberPage.url()).pathname;

  // The office adopts it and assigns it to the logistics department.
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto('/suggestions');
  await page.getByRole('link', { name: SUGGESTION }).click();
  await page.getByRole('button', { name: '采纳', exact: true }).click();
  await page.getByLabel('处理意见（可选）').fill('很有必要');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-tag').getByText('已采纳')).toBeVisible();
  await page.getByRole('button', { name: '交办', exact: true }).click();
  await choose(page, '主办部门', DEPARTMENT);
  await page.getByLabel('办理期限').fill('2099-12-31');
  // Enter confirms the typed date and submits the dialog.
  await page.getByLabel('办理期限').press('Enter');
  await expect(page.getByTestId('handling-panel')).toContainText(DEPARTMENT);

  // The department answers (through the shared handling route).
  const handler = await api(HANDLER.username, HANDLER.password);
  const suggestionId = suggestionUrl.split('/').pop();
  const officer = await api(OFFICER.username, OFFICER.password);
  const s = await data<{ handling: { id: string; version: number } }>(
    officer.get(`/api/suggestions/${suggestionId}`),
  );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await data(
    handler.post(`/api/handling/items/${s.handling.id}/answer`, {
      data: { content: '已在门诊楼每层增设饮水机', doneOn: today, version: s.handling.version },
    }),
  );

  // The member's bell shows the news; opening it leads to the suggestion, where they rate.
  await memberPage.goto('/');
  const bell = memberPage.getByTestId('notification-bell');
  await expect(bell).toContainText(/[1-9]/);
  await bell.click();
  await memberPage
    .getByTestId('notification-item')
    .filter({ hasText: `请评价办理结果：合理化建议：${SUGGESTION}` })
    .click();
  await expect(memberPage).toHaveURL(new RegExp(`${suggestionUrl}$`));
  await expect(memberPage.getByTestId('handling-panel')).toContainText('已在门诊楼每层增设饮水机');
  await memberPage.getByRole('button', { name: '评价' }).click();
  await memberPage.getByLabel('满意', { exact: true }).check();
  await memberPage.getByRole('button', { name: '保存' }).click();
  await expect(memberPage.getByTestId('handling-panel')).toContainText('已评价');
  await context.close();
});
