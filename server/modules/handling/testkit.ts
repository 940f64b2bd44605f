import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import { addDays, today } from '../../lib/businessDate.js';
import { createDepartment, loginAs, type TestContext } from '../../test/helpers.js';
import type { OrgActor } from '../members/members.service.js';
import { createMember, orgWithOfficer } from '../members/testkit.js';
import { type AssignOptions, handling } from './handling.service.js';

// Test helpers of the handling loop: a union with two functional offices, a handler for each,
// two members who raise things and rate them, and a way to assign a made-up subject.

export async function handlingWorld(ctx: TestContext) {
  const { org, dept, officer } = await orgWithOfficer(ctx);
  const logistics = await createDepartment(ctx.deps, org.id, '后勤保障处');
  const hr = await createDepartment(ctx.deps, org.id, '人事处');
  const handlerLogistics = await loginAs(ctx, org.id, ['handler'], { departmentIds: [logistics.id] });
  const handlerHr = await loginAs(ctx, org.id, ['handler'], { departmentIds: [hr.id] });
  const m1 = await createMember(officer, dept.id, { name: '张医生' });
  const m2 = await createMember(officer, dept.id, { name: '王护士' });
  const rater1 = await loginAs(ctx, org.id, ['delegate'], { memberId: m1.id });
  const rater2 = await loginAs(ctx, org.id, ['delegate'], { memberId: m2.id });
  const actor: OrgActor = {
    orgId: org.id,
    userId: officer.user.id,
    name: officer.user.displayName,
    roles: 'officer',
    ip: null,
  };
  return { org, dept, officer, logistics, hr, handlerLogistics, handlerHr, m1, m2, rater1, rater2, actor };
}
export type HandlingWorld = Awaited<ReturnType<typeof handlingWorld>>;

/** Assigns a fresh test subject to logistics (lead) and HR (co) due in 30 days. */
export async function assignSubject(ctx: TestContext, w: HandlingWorld, extra: Partial<AssignOptions> = {}) {
  const subject = { type: 'testSubject', id: randomUUID() };
  const item = await ctx.deps.db.transaction((tx) =>
    handling.assign(tx, w.actor, subject, {
      title: '食堂夜班供餐',
      link: `/test/${subject.id}`,
      leadDepartmentId: w.logistics.id,
      coDepartmentIds: [w.hr.id],
      dueDate: addDays(today(), 30),
      raterMemberIds: [w.m1.id, w.m2.id],
      ...extra,
    }),
  );
  return { subject, item };
}

export async function noticesOf(ctx: TestContext, userId: string, kind: string) {
  return ctx.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
}
