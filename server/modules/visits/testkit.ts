import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ledgerEntries } from '../../db/schema/index.js';
import { type Client, createDepartment, createOrg, loginAs, type TestContext } from '../../test/helpers.js';
import { ensureChart } from '../funds/funds.chart.js';
import { createMember, idNumber } from '../members/testkit.js';

// Test helpers of the visits module: a union with two departments, a member in each, and one
// signed-in account per care role (the group leader leads the first department).

let seq = 100;

export async function careOrg(ctx: TestContext) {
  const org = await createOrg(ctx.deps);
  await ensureChart(ctx.deps.db, org.id);
  const [deptA, deptB] = [
    await createDepartment(ctx.deps, org.id, '心内科'),
    await createDepartment(ctx.deps, org.id, '骨科'),
  ];
  const as = (roles: Parameters<typeof loginAs>[2], departmentIds?: string[]) =>
    loginAs(ctx, org.id, roles, { departmentIds });
  const [officer, chair, viceChair, groupLeader, treasurer, member] = await Promise.all([
    as(['officer']),
    as(['chair']),
    as(['viceChair']),
    as(['groupLeader'], [deptA.id]),
    as(['treasurer']),
    as(['member']),
  ]);
  const person = (departmentId: string, extra: Record<string, unknown> = {}) =>
    createMember(officer, departmentId, { joinedAt: '2010-01-01', ...extra });
  const [inA, inB] = [await person(deptA.id, { name: '张三' }), await person(deptB.id, { name: '李四' })];
  return { org, deptA, deptB, officer, chair, viceChair, groupLeader, treasurer, member, inA, inB, person };
}
export type CareOrg = Awaited<ReturnType<typeof careOrg>>;

/** A member born on the given day (YYYY-MM-DD): the ID number carries the birth date. */
export function bornOn(date: string) {
  return { idNumber: idNumber(date.replaceAll('-', ''), String(seq++).padStart(3, '0')) };
}

export function ok(res: LightMyRequestResponse, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json().data;
}

export function visitBody(memberId: string, extra: Record<string, unknown> = {}) {
  return { memberId, reason: 'hospitalised', visitDate: '2026-03-10', visitors: '王主席、赵干事', ...extra };
}

export async function visit(c: Client, memberId: string, extra: Record<string, unknown> = {}) {
  return ok(await c.post('/api/care/visits', visitBody(memberId, extra)), 201);
}

/** The ledger entries a visit posted (its cash and any reversal). */
export function entriesOf(ctx: TestContext, orgId: string, visitId: string) {
  return ctx.deps.db
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, orgId),
        eq(ledgerEntries.sourceModule, 'visit'),
        eq(ledgerEntries.sourceId, visitId),
      ),
    );
}

export const paths = (res: LightMyRequestResponse) =>
  (res.json().error.details ?? []).map((d: { path: string }) => d.path);
