import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckupParticipantView, CheckupProgrammeView } from '../../../common/schemas/checkup.js';
import { auditLog, checkupParticipants } from '../../db/schema/index.js';
import {
  anonymous,
  type Client,
  createDepartment,
  createOrg,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { addMember, programmeBody } from './testkit.js';

// 我的体检: GET /api/care/checkups/mine shows the signed-in member their own rows and nobody else's.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const URL = '/api/care/checkups';
const MINE = `${URL}/mine`;

async function union() {
  const org = await createOrg(ctx.deps);
  const dept = await createDepartment(ctx.deps, org.id, '内一科');
  return { org, dept, officer: await loginAs(ctx, org.id, ['officer']) };
}
type Union = Awaited<ReturnType<typeof union>>;

function ok<T>(res: { statusCode: number; body: string; json(): { data: T } }, status = 200): T {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json().data;
}

async function programme(u: Union, extra: Record<string, unknown>): Promise<CheckupProgrammeView> {
  return ok(await u.officer.post(URL, programmeBody(extra)), 201);
}

async function publish(u: Union, extra: Record<string, unknown>) {
  const p = await programme(u, extra);
  return ok<CheckupProgrammeView>(await u.officer.post(`${URL}/${p.id}/publish`));
}

async function rowOf(u: Union, programmeId: string, memberId: string) {
  const rows = ok<CheckupParticipantView[]>(
    await u.officer.get(`${URL}/${programmeId}/participants?pageSize=200`),
  );
  const row = rows.find((r) => r.memberId === memberId);
  if (!row) throw new Error('participant not found');
  return row;
}

async function mine(client: Client) {
  const res = await client.get(MINE);
  expect(res.statusCode).toBe(200);
  return res.json() as { data: Record<string, unknown>[]; memberLinked: boolean };
}

describe('GET /api/care/checkups/mine', () => {
  it('is 401 anonymous and 403 for the three administrators, who hold no member self-service', async () => {
    const u = await union();
    expect((await anonymous(ctx.app).get(MINE)).statusCode).toBe(401);
    for (const role of ['sysAdmin', 'securityAdmin', 'auditor'] as const) {
      const admin = await loginAs(ctx, u.org.id, [role]);
      expect((await admin.get(MINE)).statusCode).toBe(403);
    }
    // Every member role may look, an officer included (for their own record only).
    const self = await addMember(ctx, u.org.id, u.dept.id, { name: '干部本人' });
    const officer = await loginAs(ctx, u.org.id, ['officer'], { memberId: self.id });
    expect(await mine(officer)).toEqual({ data: [], memberLinked: true });
  });

  it('shows the member their own rows, newest year first, and nobody else’s', async () => {
    const u = await union();
    const me = await addMember(ctx, u.org.id, u.dept.id, { name: '本人', gender: 'female' });
    const colleague = await addMember(ctx, u.org.id, u.dept.id, { name: '同事', gender: 'male' });

    // Last year's programme: attended, then closed.
    const old = await publish(u, {
      name: '2025年职工健康体检',
      year: 2025,
      referenceDate: '2025-01-01',
      provider: '市第一人民医院',
    });
    const oldBatch = ok<{ id: string }>(
      await u.officer.post(`${URL}/${old.id}/batches`, {
        date: '2025-05-06',
        timeSlot: '上午',
        place: '门诊楼三楼',
        capacity: 10,
      }),
      201,
    );
    await u.officer.post(`${URL}/${old.id}/assign`, { batchId: oldBatch.id, departmentIds: [u.dept.id] });
    const mineLastYear = await rowOf(u, old.id, me.id);
    ok(
      await u.officer.post(`${URL}/${old.id}/attendance`, {
        participantIds: [mineLastYear.id],
        attendance: 'attended',
      }),
    );
    ok(await u.officer.post(`${URL}/${old.id}/close`));

    // This year's: women's extra items, the colleague in a batch, the member not yet assigned.
    const now = await publish(u, { womenExtraItems: ['乳腺彩超', '妇科检查'] });
    const batch = ok<{ id: string }>(
      await u.officer.post(`${URL}/${now.id}/batches`, {
        date: '2026-05-06',
        timeSlot: '下午',
        place: '体检中心',
        capacity: 10,
      }),
      201,
    );
    const theirs = await rowOf(u, now.id, colleague.id);
    ok(await u.officer.post(`${URL}/${now.id}/assign`, { batchId: batch.id, participantIds: [theirs.id] }));
    ok(
      await u.officer.post(`${URL}/${now.id}/attendance`, {
        participantIds: [theirs.id],
        attendance: 'absent',
      }),
    );

    // Another union's programme over its own people.
    const other = await union();
    await addMember(ctx, other.org.id, other.dept.id, { name: '外院会员', gender: 'female' });
    await publish(other, { name: '外院体检' });

    const client = await loginAs(ctx, u.org.id, ['member'], { memberId: me.id });
    expect(await mine(client)).toEqual({
      memberLinked: true,
      data: [
        {
          programmeId: now.id,
          programmeName: '2026年职工健康体检',
          year: 2026,
          programmeStatus: 'published',
          provider: '本院体检中心',
          extraItems: ['乳腺彩超', '妇科检查'],
          batch: null,
          attendance: 'pending',
        },
        {
          programmeId: old.id,
          programmeName: '2025年职工健康体检',
          year: 2025,
          programmeStatus: 'closed',
          provider: '市第一人民医院',
          extraItems: [],
          batch: { date: '2025-05-06', timeSlot: '上午', place: '门诊楼三楼' },
          attendance: 'attended',
        },
      ],
    });

    // The colleague, a man, sees their own batch and absence and no women's items.
    const theirClient = await loginAs(ctx, u.org.id, ['member'], { memberId: colleague.id });
    expect((await mine(theirClient)).data[0]).toMatchObject({
      programmeId: now.id,
      extraItems: [],
      batch: { date: '2026-05-06', timeSlot: '下午', place: '体检中心' },
      attendance: 'absent',
    });
  });

  it('never shows a draft programme', async () => {
    const u = await union();
    const me = await addMember(ctx, u.org.id, u.dept.id, { name: '本人' });
    const draft = await programme(u, { name: '尚未发布' });
    // Publishing is what writes rows, so a row on a draft is written directly: the filter must hold
    // even if one ever exists.
    await ctx.deps.db.insert(checkupParticipants).values({
      orgId: u.org.id,
      programmeId: draft.id,
      memberId: me.id,
      name: me.name,
      gender: me.gender,
      age: 45,
      departmentId: u.dept.id,
      departmentName: '内一科',
      employmentType: me.employmentType,
    });
    const client = await loginAs(ctx, u.org.id, ['member'], { memberId: me.id });
    expect((await mine(client)).data).toEqual([]);
  });

  it('does not show the follow-up flag or its note, and writes no audit row', async () => {
    const u = await union();
    const me = await addMember(ctx, u.org.id, u.dept.id, { name: '本人' });
    const p = await publish(u, {});
    const row = await rowOf(u, p.id, me.id);
    ok(
      await u.officer.post(`${URL}/${p.id}/attendance`, { participantIds: [row.id], attendance: 'attended' }),
    );
    ok(
      await u.officer.put(`${URL}/${p.id}/participants/${row.id}/follow-up`, {
        followUp: true,
        note: '请于三个月内复查',
      }),
    );
    const client = await loginAs(ctx, u.org.id, ['member'], { memberId: me.id });
    const auditsOf = () => ctx.deps.db.select().from(auditLog).where(eq(auditLog.actorId, client.user.id));
    const before = await auditsOf(); // the sign-in's own row
    const res = await client.get(MINE);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('followUp');
    expect(res.body).not.toContain('三个月内复查');
    expect(res.json().data[0].attendance).toBe('attended');
    expect(await auditsOf()).toEqual(before);
  });

  it('gives an account without a member record an empty list and says so', async () => {
    const u = await union();
    await addMember(ctx, u.org.id, u.dept.id, { name: '某会员' });
    await publish(u, {});
    const unlinked = await loginAs(ctx, u.org.id, ['member']);
    expect(await mine(unlinked)).toEqual({ data: [], memberLinked: false });
  });

  it('shows nothing from another union even if an account points at its member', async () => {
    const other = await union();
    const stranger = await addMember(ctx, other.org.id, other.dept.id, { name: '外院会员' });
    await publish(other, {});
    const u = await union();
    const client = await loginAs(ctx, u.org.id, ['member'], { memberId: stranger.id });
    expect((await mine(client)).data).toEqual([]);
    // The same member, signed in to their own union, does see the row.
    const own = await loginAs(ctx, other.org.id, ['member'], { memberId: stranger.id });
    expect((await mine(own)).data).toHaveLength(1);
  });
});
