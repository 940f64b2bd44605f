import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../common/permissions.js';
import { today } from '../../lib/businessDate.js';
import { type Client, createOrg, loginAs, type TestContext } from '../../test/helpers.js';
import { categoriesRepository } from './categories.repository.js';
import { ensureChart } from './funds.chart.js';

// Test helpers of the funds module: an org with one signed-in user per funds role.

export type FundsOrg = Awaited<ReturnType<typeof fundsOrg>>;

export async function fundsOrg(ctx: TestContext) {
  const org = await createOrg(ctx.deps);
  await ensureChart(ctx.deps.db, org.id);
  const as = (roles: Role[]) => loginAs(ctx, org.id, roles);
  const [chair, officer, treasurer, fundAuditor, viceChair, member] = await Promise.all([
    as(['chair']),
    as(['officer']),
    as(['treasurer']),
    as(['fundAuditor']),
    as(['viceChair']),
    as(['member']),
  ]);
  const category = async (code: string) =>
    (await categoriesRepository.findByCode(ctx.deps.db, org.id, code))!;
  return { org, chair, officer, treasurer, fundAuditor, viceChair, member, category };
}

export const thisYear = () => Number(today().slice(0, 4));
export const todayDate = today;

export function ok(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().data;
}

export async function setBudget(c: Client, categoryId: string, amountFen: number, year = thisYear()) {
  return ok(await c.put('/api/funds/budget', { year, categoryId, amountFen }));
}

/** A request raised by `by`, submitted, and taken through every approval step. */
export async function approvedRequest(
  o: FundsOrg,
  categoryId: string,
  amountFen: number,
  by: Client = o.viceChair,
) {
  let r = ok(
    await by.post('/api/funds/requests', {
      purpose: '职工运动会',
      categoryId,
      amountFen,
      payee: '某体育用品公司',
    }),
    201,
  );
  r = ok(await by.post(`/api/funds/requests/${r.id}/submit`, { version: r.version }));
  for (const step of r.steps as string[]) {
    const approver = step === 'officer' ? o.officer : o.chair;
    const extra =
      step === 'committee'
        ? { committeeMeetingDate: '2025-01-10', committeeMinutesRef: '工会〔2025〕1号' }
        : {};
    r = ok(await approver.post(`/api/funds/requests/${r.id}/approve`, { version: r.version, ...extra }));
  }
  expect(r.status).toBe('approved');
  return r;
}
