import type { Browser, Page } from '@playwright/test';
import { ADMIN, adminCli, login } from './accounts.js';
import { api, createMember, data } from './api.js';
import { expect, test } from './fixtures.js';

// A whole congress: an officer opens the meeting, delegates sign in and vote on their phones, the
// officer watches the quorum and the turnout, closes the poll and reads the result.

test.describe.configure({ mode: 'serial' });

const OFFICER = { username: 'officer4', password: 'Congress-Passw0rd!' };
const DELEGATE_PASSWORD = 'Delegate-Passw0rd!';
const DELEGATES = [
  { username: 'delegate4a', name: '周代表', seq: 401 },
  { username: 'delegate4b', name: '吴代表', seq: 403 },
  { username: 'delegate4c', name: '郑代表', seq: 405 },
];
const PHONE = { width: 390, height: 844 };
let meetingId = '';

async function phone(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await login(page, username, DELEGATE_PASSWORD);
  return page;
}

test.beforeAll(async () => {
  adminCli(
    'create-user',
    '--username',
    OFFICER.username,
    '--name',
    '冯干事',
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

  const members = [];
  for (const d of DELEGATES) {
    members.push(
      await createMember(officer, {
        name: d.name,
        birth: '19850301',
        seq: d.seq,
        departmentId: dept.id,
        joinedAt: '2010-01-01',
      }),
    );
  }
  const term = await data(
    officer.post('/api/congress/terms', { data: { number: 4, startDate: '2023-01-01' } }),
  );
  const meeting = await data(
    officer.post('/api/congress/meetings', {
      data: {
        termId: term.id,
        number: 2,
        date: '2025-03-20',
        place: '学术报告厅',
        agenda: '一、审议院长工作报告',
      },
    }),
  );
  meetingId = meeting.id;
  await data(
    officer.post(`/api/congress/terms/${term.id}/delegates`, {
      data: { memberIds: members.map((m) => m.id), kind: 'full', delegation: '内科代表团' },
    }),
  );
  // Delegate accounts linked to their member records; each changes the initial password once.
  for (const [i, d] of DELEGATES.entries()) {
    const first = `${DELEGATE_PASSWORD}0`;
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
    await data(
      self.post('/api/auth/password', { data: { currentPassword: first, newPassword: DELEGATE_PASSWORD } }),
    );
  }
});

test('delegates sign in on their phones and the board reaches the quorum', async ({ page, browser }) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.getByRole('menuitem', { name: '民主管理' }).click();
  await page.getByRole('menuitem', { name: '职代会与表决' }).click();
  await page.getByRole('link', { name: '第四届第二次职工代表大会' }).click();
  await expect(page).toHaveURL(new RegExp(`/congress/meetings/${meetingId}`));

  await page.getByRole('button', { name: '开幕' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('进行中')).toBeVisible();
  await expect(page.getByTestId('quorum')).toHaveText('未达法定人数');

  // The officer signs one delegate in at the desk.
  await page.getByRole('button', { name: `为${DELEGATES[2].name}签到` }).click();
  await expect(
    page.getByRole('row', { name: new RegExp(DELEGATES[2].name) }).getByText('现场'),
  ).toBeVisible();

  // Two delegates sign in through the meeting link on a phone.
  for (const d of DELEGATES.slice(0, 2)) {
    const p = await phone(browser, d.username);
    await p.goto(`/congress/meetings/${meetingId}/checkin`);
    await expect(p.getByText(`${d.name}（正式代表，内科代表团）`)).toBeVisible();
    await p.getByRole('button', { name: '签到' }).click();
    await expect(p.getByText('已签到')).toBeVisible();
    await p.context().close();
  }

  // The board refreshes by itself.
  await expect(page.getByTestId('quorum')).toHaveText('已达法定人数');
  await expect(
    page.getByRole('row', { name: new RegExp(DELEGATES[0].name) }).getByText('手机'),
  ).toBeVisible();
});

test('a poll is opened, voted on phones, closed, and its result shown', async ({ page, browser }) => {
  await login(page, OFFICER.username, OFFICER.password);
  await page.goto(`/congress/meetings/${meetingId}`);
  await page.getByRole('tab', { name: '表决与选举' }).click();
  await page.getByRole('button', { name: '新增表决' }).click();
  await page.getByLabel('表决事项').fill('院长报告');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('poll-院长报告').getByRole('button', { name: '修改' }).click();
  await expect(page.getByLabel('表决事项')).toHaveValue('院长报告');
  await page.getByLabel('表决事项').fill('院长工作报告');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('表决已修改')).toBeVisible();
  const card = page.getByTestId('poll-院长工作报告');
  await expect(card.getByText('未开始')).toBeVisible();
  await card.getByRole('button', { name: '开始投票' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(card.getByTestId('turnout')).toContainText('已投票 0 / 3');

  const choices = ['赞成', '赞成', '反对'];
  for (const [i, d] of DELEGATES.entries()) {
    const p = await phone(browser, d.username);
    await p.goto(`/congress/meetings/${meetingId}/vote`);
    const ballot = p.getByTestId('vote-院长工作报告');
    await ballot.getByRole('button', { name: choices[i] }).click();
    await p.getByRole('button', { name: '确定' }).click();
    await expect(ballot.getByText('您已投票')).toBeVisible();
    await p.context().close();
  }

  // While open, the officer sees the turnout only.
  await expect(card.getByTestId('turnout')).toContainText('已投票 3 / 3');
  await expect(card.getByText('通过')).toHaveCount(0);
  await card.getByRole('button', { name: '结束投票' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(card.getByText('已结束')).toBeVisible();
  const result = card.locator('[data-testid^="result-"]');
  await expect(result.getByText('通过', { exact: true })).toBeVisible();
  await expect(result).toContainText('全体正式代表3人过半数，至少2票');
  await expect(result.getByText('赞成')).toBeVisible();

  const sheet = await page.request.get(
    (await result.getByRole('link', { name: /下载结果单/ }).getAttribute('href')) ?? '',
  );
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()['content-type']).toContain('wordprocessingml');
});
