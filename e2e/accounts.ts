import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { readState } from './state.js';

export const ORG = '示范市人民医院工会';
export const ADMIN = { username: 'admin', password: 'Setup-Passw0rd!' };
export const OFFICER = { username: 'officer1', first: 'First-Passw0rd!', password: 'Officer-Passw0rd!' };
export const LEADER = { username: 'leader1', password: 'Leader-Passw0rd!' };
export const AUDITOR = { username: 'auditor1', password: 'Auditor-Passw0rd!' };

export async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Accounts made the way a script would: the admin CLI, against the running server's database. */
export function adminCli(...args: string[]) {
  const { env } = readState();
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/** Picks an option in an antd Select/TreeSelect by its visible text. */
export async function choose(page: Page, label: string, option: string) {
  const input = page.getByLabel(label);
  await input.click();
  await page
    .locator('.ant-select-dropdown:visible')
    .locator('.ant-select-item-option, .ant-select-tree-treenode')
    .filter({ hasText: option })
    .first()
    .click();
  // A multiple select stays open after a pick; a single one has closed, and Escape would then close
  // the drawer or dialog around it.
  if ((await page.locator('.ant-select-multiple').filter({ has: input }).count()) > 0) {
    await page.keyboard.press('Escape');
  }
}
