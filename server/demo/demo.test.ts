import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberInfo } from '../../common/idNumber.js';
import { ROLES, type Role, SEPARATED_ROLES } from '../../common/permissions.js';
import { isValidPhone } from '../../common/phone.js';
import {
  auditLog,
  departments,
  members,
  membershipEvents,
  orgs,
  unionGroups,
  users,
} from '../db/schema/index.js';
import { today } from '../lib/businessDate.js';
import { anonymous, login, setupTestApp, type TestContext } from '../test/helpers.js';
import { demoExistsMessage, runDemo } from './run.js';
import { demoOnStart } from './startup.js';
import { DEMO_ORG_NAME } from './types.js';

// The demo union at 300 staff (and their retirees): realistic, valid, deterministic, created at most once.

let ctx: TestContext;
let summary: Awaited<ReturnType<typeof runDemo>>;

beforeAll(async () => {
  ctx = await setupTestApp();
  summary = await runDemo(ctx.deps, { seed: 7, staff: 300 });
});

async function roster(t: TestContext, orgId: string) {
  return t.deps.db
    .select()
    .from(members)
    .where(eq(members.orgId, orgId))
    .orderBy(members.memberNo, members.name);
}

/** The active staff: everyone on the roll but the retirees. */
const active = <T extends { status: string }>(rows: T[]) => rows.filter((m) => m.status !== 'retired');

/** Full years from `birthDate` to `on` (both YYYY-MM-DD). */
const ageOn = (birthDate: string, on: string) =>
  Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);

describe('demo union', () => {
  it('has the requested staff in 30–40 departments with union groups', async () => {
    const rows = active(await roster(ctx, summary.orgId));
    expect(rows).toHaveLength(300);
    const depts = await ctx.deps.db.select().from(departments).where(eq(departments.orgId, summary.orgId));
    expect(depts.length).toBeGreaterThanOrEqual(30);
    expect(depts.length).toBeLessThanOrEqual(40);
    expect(depts.some((d) => d.parentId !== null)).toBe(true);
    const groups = await ctx.deps.db.select().from(unionGroups).where(eq(unionGroups.orgId, summary.orgId));
    expect(groups.length).toBeGreaterThan(20);
    expect(groups.every((g) => g.leaderName)).toBe(true);
    // The leader is a current member of the group.
    for (const g of groups) {
      const led = rows.filter((m) => m.status === 'member' && m.unionGroupId === g.id);
      expect(
        led.map((m) => m.name),
        g.name,
      ).toContain(g.leaderName);
    }
    expect(rows.every((m) => m.unionGroupId)).toBe(true);
  });

  it('stores valid ID numbers that agree with birth date and gender', async () => {
    const rows = await roster(ctx, summary.orgId);
    for (const m of rows) {
      const id = ctx.deps.sealer.open(m.idNumberEnc);
      const info = idNumberInfo(id);
      expect(info, id).not.toBeNull();
      expect(info).toEqual({ birthDate: m.birthDate, gender: m.gender });
      expect(m.idNumberHash).toBe(ctx.deps.sealer.keyedHash(id));
      expect(m.phone === null || isValidPhone(m.phone)).toBe(true);
      if (m.hireDate) expect(m.hireDate > m.birthDate).toBe(true);
      if (m.joinedAt) expect(m.joinedAt >= m.hireDate!).toBe(true);
    }
    expect(new Set(rows.map((m) => m.idNumberHash)).size).toBe(rows.length);
  });

  it('has about 85 % joined, fewer among contract staff, and many contract nurses', async () => {
    const rows = active(await roster(ctx, summary.orgId));
    const rate = (list: typeof rows) => list.filter((m) => m.status === 'member').length / list.length;
    expect(rate(rows)).toBeGreaterThan(0.78);
    expect(rate(rows)).toBeLessThan(0.92);
    const contract = rows.filter((m) => m.employmentType === 'contract');
    const permanent = rows.filter((m) => m.employmentType === 'permanent');
    expect(rate(contract)).toBeLessThan(rate(permanent));
    const nurses = rows.filter((m) => m.jobTitle?.includes('护'));
    expect(nurses.filter((m) => m.employmentType === 'contract').length).toBeGreaterThan(nurses.length / 3);
    // Joined members carry a card number and a join date; the rest are non-members or applicants.
    for (const m of rows) {
      if (m.status === 'member') expect(m.memberNo && m.joinedAt).toBeTruthy();
      else expect(['nonMember', 'applied']).toContain(m.status);
    }
  });

  it('keeps about 12 % as many retirees on the roll, each with a retirement in the history', async () => {
    const rows = await roster(ctx, summary.orgId);
    const retirees = rows.filter((m) => m.status === 'retired');
    expect(retirees.length).toBeGreaterThanOrEqual(30);
    expect(retirees.length).toBeLessThanOrEqual(42);
    expect(summary.steps.find((s) => s.name === 'members')?.counts.retirees).toBe(retirees.length);
    const day = today();
    const history = await ctx.deps.db
      .select()
      .from(membershipEvents)
      .where(eq(membershipEvents.orgId, summary.orgId))
      .orderBy(membershipEvents.createdAt);
    for (const m of retirees) {
      const age = ageOn(m.birthDate, day);
      expect(age, m.name).toBeGreaterThanOrEqual(m.gender === 'male' ? 60 : 55);
      expect(age, m.name).toBeLessThanOrEqual(88);
      expect(m.employmentType).toBe('permanent');
      expect(m.unionGroupId).toBeNull();
      expect(m.jobTitle).toBeTruthy();
      expect(m.memberNo).toMatch(new RegExp(`^GH${m.joinedAt!.slice(0, 4)}\\d{5}$`));
      expect(m.hireDate! > m.birthDate && m.joinedAt! >= m.hireDate!).toBe(true);
      // Registered as a member when they joined, retired at the statutory age or later, in the past.
      const steps = history.filter((e) => e.memberId === m.id);
      expect(steps.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
        ['create', null, 'member'],
        ['retire', 'member', 'retired'],
      ]);
      const [created, retired] = steps;
      expect(created.date).toBe(m.joinedAt);
      expect(retired.date <= day && retired.date > m.joinedAt!).toBe(true);
      const minAge = m.gender === 'male' ? 60 : m.jobTitle === '工勤人员' ? 50 : 55;
      expect(ageOn(m.birthDate, retired.date), m.name).toBeGreaterThanOrEqual(minAge);
    }
    // Card numbers stay unique across staff and retirees.
    const cards = rows.filter((m) => m.memberNo).map((m) => m.memberNo);
    expect(new Set(cards).size).toBe(cards.length);
  });

  it('gives every role an account that signs in with the printed password', async () => {
    expect(summary.credentials.map((c) => c.role)).toEqual([...ROLES]);
    for (const c of summary.credentials) {
      const res = await anonymous(ctx.app).post('/api/auth/login', {
        username: c.username,
        password: c.password,
      });
      expect(res.statusCode, c.username).toBe(200);
      expect(res.json().data.mustChangePassword ?? false).toBe(false);
    }
  });

  it('links union accounts to joined members and scopes the group leader to their group', async () => {
    const accounts = await ctx.deps.db.select().from(users).where(eq(users.orgId, summary.orgId));
    const byId = new Map((await roster(ctx, summary.orgId)).map((m) => [m.id, m]));
    for (const u of accounts) {
      if (SEPARATED_ROLES.includes(u.roles[0] as Role)) {
        expect(u.memberId).toBeNull();
        continue;
      }
      const m = byId.get(u.memberId!);
      expect(m?.name, u.username).toBe(u.displayName);
      // A current member: never an applicant or a retiree.
      expect(m?.status).toBe('member');
    }
    const leader = accounts.find((u) => u.roles.includes('groupLeader'))!;
    const [group] = await ctx.deps.db
      .select()
      .from(unionGroups)
      .where(eq(unionGroups.id, byId.get(leader.memberId!)!.unionGroupId!));
    expect(group.leaderName).toBe(leader.displayName);
    const c = summary.credentials.find((x) => x.role === 'groupLeader')!;
    const res = await (await login(ctx.app, c.username, c.password)).get('/api/members?pageSize=100');
    expect(res.statusCode).toBe(200);
    const seen = res.json().data as { departmentId: string }[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m) => leader.departmentIds.includes(m.departmentId))).toBe(true);
  });

  it('refuses a second run and changes nothing', async () => {
    const count = async () => {
      const [r] = await ctx.deps.db
        .execute<{ orgs: number; members: number; users: number; audit: number }>(sql`
        select (select count(*) from ${orgs})::int as orgs, (select count(*) from ${members})::int as members,
               (select count(*) from ${users})::int as users, (select count(*) from ${auditLog})::int as audit`)
        .then((r) => r.rows);
      return r;
    };
    const before = await count();
    await expect(runDemo(ctx.deps, { seed: 8, staff: 300 })).rejects.toThrow(demoExistsMessage());
    expect(await count()).toEqual(before);
    // `npm start -- --demo` on a database that holds a union leaves it alone.
    expect(await demoOnStart(ctx.deps, () => {})).toContain('跳过生成演示数据');
    expect(await count()).toEqual(before);
    const [org] = await ctx.deps.db
      .select()
      .from(orgs)
      .where(and(eq(orgs.name, DEMO_ORG_NAME)));
    expect(org.id).toBe(summary.orgId);
  });
});
