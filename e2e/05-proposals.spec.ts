import type { APIRequestContext, Page } from '@playwright/test';
import { ADMIN, adminCli, login } from './accounts.js';
import { api, createMember, data } from './api.js';
import { expect, test } from './fixtures.js';

// A proposal handled to the end: co-signed in the app, accepted by the committee, merged with
// another into one topic, assigned, answered, rated 不满意, answered again and rated 满意; a handler
// of another department never sees it.

test.describe.configure({ mode: 'serial' });

const OFFICER = { username: 'officer5', password: 'Proposal-Passw0rd!' };
const PASSWORD = 'Delegate5-Passw0rd!';
const DELEGATES = [
  { username: 'delegate5a', name: '陈提案', seq: 501 },
  { username: 'delegate5b', name: '林附议', seq: 503 },
  { username: 'delegate5c', name: '黄附议', seq: 505 },
];
const HANDLERS = [
  { username: 'handler5a', name: '后勤联系人', department: '后勤保障处（五）' },
  { username: 'handler5b', name: '人事联系人', department: '人事处（五）' },
];
const TITLE = '夜班职工食堂供应热饭';
const OTHER_TITLE = '夜班职工食堂延长供应热饭时间';
type Versioned = { id: string; version: number };
const TOPIC = '改善夜班职工就餐';
let meetingId = '';
let proposalId = '';
let otherId = '';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test.beforeAll(async () => {
  adminCli(
    'create-user',
    '--username',
    OFFICER.username,
    '--name',
    '提案委员',
    '--password',
    OFFICER.password,
    '--roles',
    'officer',
    '--keep-password',
  );
  const officer = await api(OFFICER.username, OFFICER.password);
  const admin = await api(ADMIN.username, ADMIN.password);
  const departments = await data<{ id: string; name: string }[]>(officer.get('/api/departments'));
  const dept = departments.find((d) => d.name === '内科')!;
  const offices = [];
  for (const h of HANDLERS) {
    offices.push(await data(officer.post('/api/departments', { data: { name: h.department } })));
  }

  const members: { id: string }[] = [];
  for (const d of DELEGATES) {
    members.push(
      await createMember(officer, {
        name: d.name,
        birth: '19860401',
        seq: d.seq,
        departmentId: dept.id,
        joinedAt: '2012-01-01',
      }),
    );
  }
  const term = await data(
    officer.post('/api/congress/terms', { data: { number: 5, startDate: '2024-01-01' } }),
  );
  const meeting = await data(
    officer.post('/api/congress/meetings', {
      data: { termId: term.id, number: 1, date: today(), place: '会议室' },
    }),
  );
  meetingId = meeting.id;
  await data(
    officer.post(`/api/congress/terms/${term.id}/delegates`, {
      data: { memberIds: members.map((m) => m.id), kind: 'full', delegation: '内科代表团' },
    }),
  );
  await data(
    officer.put(`/api/proposal-windows/${meetingId}`, {
      data: { opensOn: plusDays(-1), closesOn: plusDays(10), minCosigners: 2 },
    }),
  );

  const accounts: APIRequestContext[] = [];
  for (const [i, d] of DELEGATES.entries()) {
    const first = `${PASSWORD}0`;
    await data(
      admin.post('/api/users', {
        data: {
          username: d.username,
          displayName: d.name,
          password: first,
          roles: ['delegate'],
          memberId: members[i].id,
        },
      }),
    );
    const self = await api(d.username, first);
    // The session that changed the password stays signed in.
    await data(self.post('/api/auth/password', { data: { currentPassword: first, newPassword: PASSWORD } }));
    accounts.push(self);
  }
  // Handlers through the admin CLI: no password change, so the login rate limit is not spent on it.
  for (const h of HANDLERS) {
    adminCli(
      'create-user',
      '--username',
      h.username,
      '--name',
      h.name,
      '--password',
      PASSWORD,
      '--roles',
      'handler',
      '--departments',
      h.department,
      '--keep-password',
    );
  }

  // An earlier proposal by delegate b is accepted already; the proposal of this story waits for its co-signers.
  const [a, b, c] = accounts;
  const body = (title: string, cosigners: number[]) => ({
    meetingId,
    title,
    reasons: '夜班职工反映深夜没有热饭。',
    measures: '建议增设夜班热食窗口。',
    category: '后勤保障',
    cosignerMemberIds: cosigners.map((i) => members[i].id),
  });
  let other = await data<Versioned>(b.post('/api/proposals', { data: body(OTHER_TITLE, [0, 2]) }));
  other = await data<Versioned>(
    b.post(`/api/proposals/${other.id}/submit`, { data: { version: other.version } }),
  );
  await data(a.post(`/api/proposals/${other.id}/cosign`, { data: { confirm: true } }));
  other = await data<Versioned>(c.post(`/api/proposals/${other.id}/cosign`, { data: { confirm: true } }));
  otherId = other.id;
  await data(
    officer.post(`/api/proposals/${other.id}/review`, {
      data: { decision: 'accept', version: other.version },
    }),
  );
  const p = await data<Versioned>(a.post('/api/proposals', { data: body(TITLE, [1, 2]) }));
  proposalId = p.id;
  await data(a.post(`/api/proposals/${p.id}/submit`, { data: { version: p.version } }));
});

async function openProposal(page: Page) {
  await page.goto(`/proposals/${proposalId}`);
  await expect(page.getByRole('heading', { name: new RegExp(TITLE) })).toBeVisible();
}

async function cosign(page: Page, username: string) {
  await login(page, username, PASSWORD);
  await page.goto('/proposals');
  await page.getByRole('tab', { name: /待我附议/ }).click();
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('button', { name: '确认附议' }).click();
  await expect(page.getByText('已答复附议请求')).toBeVisible();
}

test('co-signers confirm in the app and the proposal gets its number', async ({ browser }) => {
  for (const d of DELEGATES.slice(1)) {
    const context = await browser.newContext();
    await cosign(await context.newPage(), d.username);
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, DELEGATES[0].username, PASSWORD);
  await openProposal(page);
  await expect(page.getByText('五届一次-002', { exact: true })).toBeVisible();
  await expect(page.getByTestId('cosigners')).toHaveText(/林附议（已附议）/);
  await context.close();
});

test('the committee accepts it, merges both into a topic and assigns it', async ({ page }) => {
  await login(page, OFFICER.username, OFFICER.password);
  await openProposal(page);
  await page.getByRole('button', { name: '审查' }).click();
  const review = page.getByRole('dialog', { name: '提案审查' });
  await expect(review.getByText(OTHER_TITLE)).toBeVisible(); // the similar earlier proposal
  await review.getByRole('button', { name: '提交审查结论' }).click();
  await expect(page.getByText('已立案', { exact: true })).toBeVisible();

  await page.goto(`/proposals/topics?meetingId=${meetingId}`);
  for (const title of [TITLE, OTHER_TITLE]) {
    await page
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('checkbox')
      .check();
  }
  await page.getByRole('button', { name: '并案（2）' }).click();
  const merge = page.getByRole('dialog', { name: '并案' });
  await merge.getByLabel('并案标题').fill(TOPIC);
  await merge.getByRole('button', { name: '并案' }).click();
  await page.getByRole('link', { name: TOPIC }).click();

  await page.getByRole('button', { name: '交办' }).click();
  const assign = page.getByRole('dialog', { name: '交办' });
  await assign.getByLabel('主办部门').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: HANDLERS[0].department })
    .click();
  await assign.getByLabel('办理期限').fill(plusDays(20));
  // Enter confirms the typed date and submits the dialog.
  await assign.getByLabel('办理期限').press('Enter');
  await expect(page.getByTestId('handling-state')).toHaveText('办理中');
});

async function answer(page: Page, text: string) {
  await page.goto('/handling');
  const row = page.getByRole('row', { name: new RegExp(TOPIC) });
  await row.getByRole('button', { name: '答复' }).click();
  const dialog = page.getByRole('dialog', { name: /答复/ });
  await dialog.getByLabel('办理情况').fill(text);
  await dialog.getByRole('button', { name: '提交答复' }).click();
  await expect(row.getByText('已答复')).toBeVisible();
}

async function rate(page: Page, satisfaction: string, reason?: string) {
  await openProposal(page);
  await page.getByRole('button', { name: '评价' }).click();
  const dialog = page.getByRole('dialog', { name: '评价办理结果' });
  await dialog.getByRole('radio', { name: satisfaction, exact: true }).check();
  if (reason) await dialog.getByLabel(/评价意见/).fill(reason);
  await dialog.getByRole('button', { name: '提交评价' }).click();
  await expect(dialog).toBeHidden();
}

test('answered, rated 不满意, answered again, rated 满意', async ({ browser }) => {
  // One signed-in page per person for the whole loop: logins are rate limited per address.
  const handler = await (await browser.newContext()).newPage();
  await login(handler, HANDLERS[0].username, PASSWORD);
  const proposer = await (await browser.newContext()).newPage();
  await login(proposer, DELEGATES[0].username, PASSWORD);

  await answer(handler, '已开设夜班热食窗口');
  await rate(proposer, '不满意', '凌晨一点后仍无热饭');
  await expect(proposer.getByTestId('handling-state')).toHaveText('办理中');
  await expect(proposer.getByText('凌晨一点后仍无热饭').first()).toBeVisible();
  await answer(handler, '夜班热食供应延长至凌晨三点');
  await rate(proposer, '满意');
  // The merged topic waits for the other proposer's rating too; they rate through the API.
  await expect(proposer.getByTestId('handling-state')).toHaveText('已答复');
  const other = await api(DELEGATES[1].username, PASSWORD);
  const view = await data<{ handling: { version: number } }>(other.get(`/api/proposals/${otherId}`));
  await data(
    other.post(`/api/proposals/${otherId}/rate`, {
      data: { satisfaction: 'satisfied', version: view.handling.version },
    }),
  );
  await proposer.reload();
  await expect(proposer.getByTestId('handling-state')).toHaveText('已评价');
  await expect(proposer.getByTestId('handling-panel')).toContainText('第2轮 满意');
  await expect(proposer.getByTestId('history-item').first()).toContainText('评价');
});

test('a handler of another department sees none of it', async ({ page }) => {
  await login(page, HANDLERS[1].username, PASSWORD);
  await page.goto('/handling');
  await expect(page.getByTestId('inbox-table')).toBeVisible();
  await expect(page.getByText(TOPIC)).toHaveCount(0);
  await page.goto('/proposals');
  await expect(page.getByTestId('proposals-table')).toBeVisible();
  await expect(page.getByText(TITLE)).toHaveCount(0);
  await page.goto(`/proposals/${proposalId}`);
  await expect(page.getByText('记录不存在')).toBeVisible();
});
