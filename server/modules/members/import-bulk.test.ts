import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { members, membershipEvents } from '../../db/schema/index.js';
import { createDepartment, createOrg, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { idNumber, rosterXlsx, upload } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const ROWS = 10_000;

describe('bulk import', () => {
  it(`previews and commits ${ROWS} rows in seconds, with batched inserts`, { timeout: 120_000 }, async () => {
    const org = await createOrg(ctx.deps);
    await createDepartment(ctx.deps, org.id, '内一科');
    await createDepartment(ctx.deps, org.id, '外一科');
    const officer = await loginAs(ctx, org.id, ['officer']);
    const rows = Array.from({ length: ROWS }, (_, i) => {
      const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 900) * 86_400_000);
      return {
        姓名: `职工${i}`,
        身份证号: idNumber(birth.toISOString().slice(0, 10).replaceAll('-', ''), String((i % 900) + 100)),
        科室: i % 2 ? '内一科' : '外一科',
        用工形式: '合同制',
        入职日期: '2015-07-01',
        入会日期: i % 3 ? '2016-01-01' : null,
        手机号: `139${String(i).padStart(8, '0')}`,
      };
    });
    const file = await rosterXlsx(rows);

    let t = Date.now();
    const preview = await upload(officer, file);
    const previewMs = Date.now() - t;
    expect(preview.statusCode).toBe(200);
    expect(preview.json().data).toMatchObject({ total: ROWS, toCreate: ROWS, problemCount: 0 });

    t = Date.now();
    const commit = await officer.post(`/api/members/import/${preview.json().data.id}/commit`);
    const commitMs = Date.now() - t;
    expect(commit.json().data).toEqual({ created: ROWS, updated: 0 });
    console.log(`bulk import of ${ROWS} rows: preview ${previewMs} ms, commit ${commitMs} ms`);
    // Generous bounds for a shared CI machine; one query per row would take minutes.
    expect(commitMs).toBeLessThan(30_000);

    const [{ n }] = await ctx.deps.db.select({ n: count() }).from(members).where(eq(members.orgId, org.id));
    expect(n).toBe(ROWS);
    const [{ e }] = await ctx.deps.db
      .select({ e: count() })
      .from(membershipEvents)
      .where(eq(membershipEvents.orgId, org.id));
    expect(e).toBe(ROWS);
  });
});
