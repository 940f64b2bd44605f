import { today } from '../../lib/businessDate.js';
import { createDepartment, createOrg, loginAs, type TestContext } from '../../test/helpers.js';
import { createMember } from '../members/testkit.js';

// Test helpers of the care modules that keep family finances: an org with each care role signed in.

export async function careOrg(ctx: TestContext) {
  const org = await createOrg(ctx.deps);
  const dept = await createDepartment(ctx.deps, org.id);
  const officer = await loginAs(ctx, org.id, ['officer']);
  return {
    org,
    dept,
    officer,
    chair: await loginAs(ctx, org.id, ['chair']),
    committee: await loginAs(ctx, org.id, ['committeeMember']),
    groupLeader: await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [dept.id] }),
    treasurer: await loginAs(ctx, org.id, ['treasurer']),
    /** A new member in the org's department (through the API, as the officer). */
    member: (extra: Record<string, unknown> = {}) => createMember(officer, dept.id, extra),
  };
}
export type CareOrg = Awaited<ReturnType<typeof careOrg>>;

/** `YYYY-MM-DD` shifted by whole days from today (Asia/Shanghai, as the server counts). */
export function daysFromToday(days: number): string {
  const now = today();
  const t = new Date(`${now}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
