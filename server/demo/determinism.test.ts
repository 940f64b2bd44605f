import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../common/permissions.js';
import { departments, members, orgs } from '../db/schema/index.js';
import { setupTestApp, type TestContext } from '../test/helpers.js';
import { DEFAULT_STAFF, MIN_STAFF, runDemo } from './run.js';
import { demoOnStart } from './startup.js';
import { DEMO_ORG_NAME } from './types.js';

// Same seed, same union (names, ID numbers, departments, statuses); another seed, another union.
// Each run needs its own database: the demo union and its usernames exist once per database.

let a: TestContext;
let b: TestContext;
let c: TestContext;

beforeAll(async () => {
  [a, b, c] = await Promise.all([setupTestApp(), setupTestApp(), setupTestApp()]);
});

/** One line per person, sorted: everything the seed decides, nothing the database assigns (ids). */
async function fingerprint(t: TestContext, orgId: string) {
  const rows = await t.deps.db
    .select({ m: members, department: departments.name })
    .from(members)
    .innerJoin(departments, eq(departments.id, members.departmentId))
    .where(eq(members.orgId, orgId));
  return rows
    .map(({ m, department }) =>
      [
        m.name,
        m.idNumberHash,
        m.birthDate,
        m.gender,
        department,
        m.employmentType,
        m.status,
        m.memberNo,
        m.phone,
      ].join('|'),
    )
    .sort();
}

describe('demo determinism', () => {
  it('gives the same people for the same seed and different people for another seed', async () => {
    // The keyed hash depends on the data key: B uses A's key so the hashes can be compared.
    const [ra, rb] = await Promise.all([
      runDemo(a.deps, { seed: 11, staff: 200 }),
      runDemo({ ...b.deps, sealer: a.deps.sealer }, { seed: 11, staff: 200 }),
    ]);
    const fa = await fingerprint(a, ra.orgId);
    // 200 staff and 24 retirees (12 %).
    expect(fa).toHaveLength(224);
    expect(await fingerprint(b, rb.orgId)).toEqual(fa);
    expect(rb.credentials.map((x) => x.username)).toEqual(ra.credentials.map((x) => x.username));
    expect(rb.credentials.map((x) => x.displayName)).toEqual(ra.credentials.map((x) => x.displayName));
    // Passwords are random, not derived from the seed.
    expect(rb.credentials[0].password).not.toBe(ra.credentials[0].password);

    const rc = await runDemo({ ...c.deps, sealer: a.deps.sealer }, { seed: 12, staff: 200 });
    const fc = await fingerprint(c, rc.orgId);
    const names = (f: string[]) => f.map((l) => l.split('|')[0]).join();
    expect(names(fc)).not.toBe(names(fa));
    expect(fc.filter((l) => fa.includes(l)).length).toBeLessThan(5);
  });

  it('builds the default 1,200-person hospital with a join rate near 85 % and its retirees', async () => {
    // Through the `npm start -- --demo` path: an empty database gets the default demo union.
    const d = await setupTestApp();
    const printed = await demoOnStart(d.deps, () => {});
    expect(printed).toContain(`职工 ${DEFAULT_STAFF} 人`);
    expect(printed).toContain('demo-chair');
    const [org] = await d.deps.db.select().from(orgs).where(eq(orgs.name, DEMO_ORG_NAME));
    const roll = await d.deps.db.select().from(members).where(eq(members.orgId, org.id));
    const rows = roll.filter((m) => m.status !== 'retired');
    expect(rows).toHaveLength(DEFAULT_STAFF);
    expect(roll.length - rows.length).toBe(144);
    const joined = rows.filter((m) => m.status === 'member').length / rows.length;
    expect(joined).toBeGreaterThan(0.82);
    expect(joined).toBeLessThan(0.88);
    const rate = (type: string) => {
      const list = rows.filter((m) => m.employmentType === type);
      return list.filter((m) => m.status === 'member').length / list.length;
    };
    expect(rate('contract')).toBeLessThan(rate('permanent') - 0.1);
    const nurses = rows.filter((m) => /护/.test(m.jobTitle ?? ''));
    expect(nurses.length).toBeGreaterThan(DEFAULT_STAFF * 0.35);
    expect(nurses.filter((m) => m.employmentType === 'contract').length / nurses.length).toBeGreaterThan(
      0.45,
    );
  });

  it('works at the smallest size and refuses sizes out of range before touching the database', async () => {
    const e = await setupTestApp();
    await expect(runDemo(e.deps, { staff: 10 })).rejects.toThrow('--staff 应为 50 到 200000 之间的整数');
    expect(await e.deps.db.select().from(orgs)).toHaveLength(0);
    const r = await runDemo(e.deps, { staff: MIN_STAFF, seed: 3 });
    const roll = await e.deps.db.select().from(members).where(eq(members.orgId, r.orgId));
    expect(roll.filter((m) => m.status !== 'retired')).toHaveLength(MIN_STAFF);
    expect(roll.filter((m) => m.status === 'retired')).toHaveLength(6);
    expect(r.credentials).toHaveLength(ROLES.length);
  });
});
