import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckupParticipantView,
  CheckupPreview,
  CheckupProgrammeView,
} from '../../../common/schemas/checkup.js';
import { aidCases, auditLog, members } from '../../db/schema/index.js';
import {
  anonymous,
  createDepartment,
  createOrg,
  loginAs,
  setupTestApp,
  type TestContext,
} from '../../test/helpers.js';
import { readXlsx } from '../members/testkit.js';
import { addMember, programmeBody, type RosterFacts } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const URL = '/api/care/checkups';

async function careOrg() {
  const org = await createOrg(ctx.deps);
  const dept = await createDepartment(ctx.deps, org.id, '内一科');
  return {
    org,
    dept,
    officer: await loginAs(ctx, org.id, ['officer']),
    viceChair: await loginAs(ctx, org.id, ['viceChair']),
    groupLeader: await loginAs(ctx, org.id, ['groupLeader'], { departmentIds: [dept.id] }),
  };
}

type Org = Awaited<ReturnType<typeof careOrg>>;

async function createProgramme(o: Org, extra: Record<string, unknown> = {}): Promise<CheckupProgrammeView> {
  const res = await o.officer.post(URL, programmeBody(extra));
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json().data;
}

/** A published programme over the given roster (everyone eligible by default). */
async function published(o: Org, roster: RosterFacts[], extra: Record<string, unknown> = {}) {
  for (const r of roster) await addMember(ctx, o.org.id, o.dept.id, r);
  const p = await createProgramme(o, extra);
  const res = await o.officer.post(`${URL}/${p.id}/publish`);
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json().data as CheckupProgrammeView;
}

async function participants(o: Org, id: string, query = ''): Promise<CheckupParticipantView[]> {
  const res = await o.officer.get(`${URL}/${id}/participants?pageSize=200${query}`);
  expect(res.statusCode).toBe(200);
  return res.json().data;
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe('eligibility rules (reference date 2026-01-01)', () => {
  it.each<[string, Record<string, unknown>, RosterFacts[], string[]]>([
    [
      'years of service ≥ 5 from the hire date; no hire date never qualifies',
      { minServiceYears: 5 },
      [
        { name: '满五年', hireDate: '2021-01-01' },
        { name: '差一天', hireDate: '2021-01-02' },
        { name: '无入职日期', hireDate: null },
      ],
      ['满五年'],
    ],
    [
      'age ≥ 40 on the reference date',
      { minAge: 40 },
      [
        { name: '刚满四十', birthDate: '1986-01-01' },
        { name: '三十九岁', birthDate: '1986-01-02' },
      ],
      ['刚满四十'],
    ],
    [
      'age ≤ 50 on the reference date',
      { maxAge: 50 },
      [
        { name: '五十岁', birthDate: '1975-01-02' },
        { name: '刚满五十一', birthDate: '1975-01-01' },
      ],
      ['五十岁'],
    ],
    [
      'employment types',
      { employmentTypes: ['permanent', 'contract'] },
      [
        { name: '编制内', employmentType: 'permanent' },
        { name: '合同制', employmentType: 'contract' },
        { name: '派遣', employmentType: 'agency' },
      ],
      ['合同制', '编制内'],
    ],
    [
      'members only by default',
      {},
      [
        { name: '会员', status: 'member' },
        { name: '非会员', status: 'nonMember' },
        { name: '退休', status: 'retired' },
      ],
      ['会员'],
    ],
    [
      'retired members when chosen',
      { statuses: ['member', 'retired'] },
      [
        { name: '会员', status: 'member' },
        { name: '退休', status: 'retired' },
        { name: '已退会', status: 'left' },
      ],
      ['会员', '退休'],
    ],
  ])('%s', async (_, rules, roster, expected) => {
    const o = await careOrg();
    for (const r of roster) await addMember(ctx, o.org.id, o.dept.id, r);
    const p = await createProgramme(o, rules);
    const preview: CheckupPreview = (await o.officer.get(`${URL}/${p.id}/preview`)).json().data;
    expect(preview.count).toBe(expected.length);
    expect(names(preview.rows)).toEqual(expected);
    // Publishing freezes exactly the previewed people.
    expect((await o.officer.post(`${URL}/${p.id}/publish`)).json().data.counts.eligible).toBe(
      expected.length,
    );
    expect(names(await participants(o, p.id))).toEqual(expected);
  });

  it('gives the women’s extra items to women only, with the age on the reference date', async () => {
    const o = await careOrg();
    const p = await published(
      o,
      [
        { name: '王女士', gender: 'female', birthDate: '1980-01-02' },
        { name: '李先生', gender: 'male', birthDate: '1980-01-01' },
      ],
      { womenExtraItems: ['乳腺彩超', '妇科检查'] },
    );
    const rows = await participants(o, p.id);
    expect(rows.map((r) => [r.name, r.age, r.extraItems])).toEqual([
      ['李先生', 46, []],
      ['王女士', 45, ['乳腺彩超', '妇科检查']],
    ]);
  });
});

describe('programmes', () => {
  it('401, 403, 400 naming the field, 404 for another union; care:summary sees counts only', async () => {
    const o = await careOrg();
    const p = await createProgramme(o);
    expect((await anonymous(ctx.app).get(URL)).statusCode).toBe(401);
    expect((await anonymous(ctx.app).post(URL, programmeBody())).statusCode).toBe(401);
    expect((await o.groupLeader.get(URL)).statusCode).toBe(403);
    expect((await o.viceChair.post(URL, programmeBody({ name: '另一个' }))).statusCode).toBe(403);
    expect((await o.viceChair.get(`${URL}/${p.id}/preview`)).statusCode).toBe(403);
    expect((await o.viceChair.get(`${URL}/${p.id}/participants`)).statusCode).toBe(403);
    expect((await o.viceChair.get(`${URL}/${p.id}/export`)).statusCode).toBe(403);
    expect((await o.viceChair.post(`${URL}/${p.id}/publish`)).statusCode).toBe(403);

    const list = await o.viceChair.get(URL);
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((x: CheckupProgrammeView) => x.id)).toEqual([p.id]);
    expect((await o.viceChair.get(`${URL}/${p.id}`)).json().data.counts).toMatchObject({ eligible: 0 });

    const bad = await o.officer.post(URL, programmeBody({ name: '', minAge: 60, maxAge: 40, statuses: [] }));
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['maxAge', 'name', 'statuses']);
    expect(bad.json().error.details.find((d: { path: string }) => d.path === 'maxAge').message).toBe(
      '年龄上限不能小于年龄下限',
    );
    expect((await o.officer.post(URL, programmeBody())).statusCode).toBe(409);

    const other = await careOrg();
    for (const path of ['', '/preview', '/participants', '/batches', '/export']) {
      expect((await other.officer.get(`${URL}/${p.id}${path}`)).statusCode).toBe(404);
    }
    expect((await other.officer.post(`${URL}/${p.id}/publish`)).statusCode).toBe(404);
    expect((await other.officer.put(`${URL}/${p.id}`, { ...programmeBody(), version: 1 })).statusCode).toBe(
      404,
    );
    expect((await other.officer.delete(`${URL}/${p.id}`)).statusCode).toBe(404);
    expect((await o.officer.get(`${URL}/not-a-uuid`)).statusCode).toBe(400);
  });

  it('lists a year’s programmes in any of several statuses (the figures leave drafts out); 400 naming 状态', async () => {
    const o = await careOrg();
    const open = await published(o, [{ name: '张三' }], { name: '春季体检' });
    const closed = await published(o, [], { name: '秋季体检' });
    expect((await o.officer.post(`${URL}/${closed.id}/close`)).statusCode).toBe(200);
    const draft = await createProgramme(o, { name: '草稿' });
    await createProgramme(o, { name: '上年体检', year: 2025, referenceDate: '2025-01-01' });
    const ids = async (query: string) => {
      const res = (await o.viceChair.get(`${URL}?${query}`)).json();
      expect(res.page.total).toBe(res.data.length);
      return res.data.map((x: CheckupProgrammeView) => x.id).sort();
    };
    expect(await ids('year=2026&status=published,closed')).toEqual([open.id, closed.id].sort());
    expect(await ids('year=2026&status=draft')).toEqual([draft.id]);
    expect(await ids('year=2026')).toHaveLength(3);
    for (const bad of ['published,lost', '', ',closed']) {
      const res = await o.viceChair.get(`${URL}?status=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details[0].path).toBe('status');
      expect(res.json().error.details[0].message).toContain('状态');
    }
  });

  it('edits rules only in a draft, with the version; publish, close and delete follow the steps', async () => {
    const o = await careOrg();
    await addMember(ctx, o.org.id, o.dept.id, { name: '张三' });
    const p = await createProgramme(o);
    expect(p).toMatchObject({
      status: 'draft',
      version: 1,
      referenceDate: '2026-01-01',
      statuses: ['member'],
    });

    const edited = await o.officer.put(`${URL}/${p.id}`, { ...programmeBody({ minAge: 30 }), version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().data).toMatchObject({ minAge: 30, version: 2 });
    const stale = await o.officer.put(`${URL}/${p.id}`, { ...programmeBody({ minAge: 35 }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    expect((await o.officer.get(`${URL}/${p.id}/export`)).statusCode).toBe(409);
    expect((await o.officer.post(`${URL}/${p.id}/close`)).statusCode).toBe(409);
    const pub = await o.officer.post(`${URL}/${p.id}/publish`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().data).toMatchObject({ status: 'published', counts: { eligible: 1, coverage: 0 } });

    const afterPublish = await o.officer.put(`${URL}/${p.id}`, {
      ...programmeBody({ minAge: 20 }),
      version: 3,
    });
    expect(afterPublish.statusCode).toBe(409);
    expect(afterPublish.json().error.message).toContain('不能再修改条件');
    expect((await o.officer.post(`${URL}/${p.id}/publish`)).statusCode).toBe(409);
    expect((await o.officer.get(`${URL}/${p.id}/preview`)).statusCode).toBe(409);
    expect((await o.officer.delete(`${URL}/${p.id}`)).statusCode).toBe(409);

    expect((await o.officer.post(`${URL}/${p.id}/close`)).json().data.status).toBe('closed');
    expect((await o.officer.post(`${URL}/${p.id}/close`)).statusCode).toBe(409);

    const draft = await createProgramme(o, { name: '临时项目' });
    expect((await o.officer.delete(`${URL}/${draft.id}`)).statusCode).toBe(204);
    expect((await o.officer.get(`${URL}/${draft.id}`)).statusCode).toBe(404);

    const actions = await ctx.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.objectId, p.id));
    expect(actions.map((a) => a.action)).toEqual([
      'care.checkup.create',
      'care.checkup.update',
      'care.checkup.publish',
      'care.checkup.close',
    ]);
  });

  it('refuses to publish an empty list, and two racing publishes give one success and one 409', async () => {
    const o = await careOrg();
    const empty = await createProgramme(o, { minAge: 99 });
    expect((await o.officer.post(`${URL}/${empty.id}/publish`)).statusCode).toBe(409);

    await addMember(ctx, o.org.id, o.dept.id, { name: '张三' });
    const p = await createProgramme(o, { name: '并发' });
    const codes = (
      await Promise.all([o.officer.post(`${URL}/${p.id}/publish`), o.officer.post(`${URL}/${p.id}/publish`)])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 409]);
    expect(await participants(o, p.id)).toHaveLength(1);
  });

  it('keeps the published list frozen when the roster changes afterwards', async () => {
    const o = await careOrg();
    const p = await published(o, [{ name: '张三', birthDate: '1980-03-01' }], { minAge: 30 });
    const [before] = await participants(o, p.id);
    const dept2 = await createDepartment(ctx.deps, o.org.id, '外二科');
    await ctx.deps.db
      .update(members)
      .set({ name: '张三丰', departmentId: dept2.id, birthDate: '2000-01-01', status: 'left' })
      .where(and(eq(members.orgId, o.org.id), eq(members.id, before.memberId)));
    await addMember(ctx, o.org.id, o.dept.id, { name: '新同事' });

    const after = await participants(o, p.id);
    expect(after).toEqual([before]);
    expect(after[0]).toMatchObject({ name: '张三', departmentName: '内一科', age: 45 });
    expect((await o.officer.get(`${URL}/${p.id}`)).json().data.counts.eligible).toBe(1);
  });
});

describe('export for the checkup centre', () => {
  it('masks ID numbers unless whole ones are asked for; both are audited', async () => {
    const o = await careOrg();
    const women = { womenExtraItems: ['乳腺彩超', '妇科检查'] };
    await addMember(ctx, o.org.id, o.dept.id, { name: '王女士', gender: 'female', birthDate: '1980-01-02' });
    const man = await addMember(ctx, o.org.id, o.dept.id, { name: '李先生', birthDate: '1980-01-01' });
    const p = await createProgramme(o, women);
    await o.officer.post(`${URL}/${p.id}/publish`);

    const masked = await o.officer.get(`${URL}/${p.id}/export`);
    expect(masked.statusCode).toBe(200);
    expect(masked.headers['content-disposition']).toContain(
      encodeURIComponent('2026年职工健康体检名单.xlsx'),
    );
    const rows = await readXlsx(masked.rawPayload);
    expect(rows[0]).toEqual(['序号', '姓名', '性别', '年龄', '科室', '身份证号', '体检批次', '加项']);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[7]])).toEqual([
      ['李先生', '男', 46, '内一科', null],
      ['王女士', '女', 45, '内一科', '乳腺彩超、妇科检查'],
    ]);
    expect(rows[1][5]).toBe(man.idNumberMasked);
    expect(String(rows[1][5])).toContain('*');

    const full = await readXlsx((await o.officer.get(`${URL}/${p.id}/export?full=true`)).rawPayload);
    expect(full[1][5]).toBe(man.idNumber);
    expect((await o.officer.get(`${URL}/${p.id}/export?full=yes`)).statusCode).toBe(400);

    const audits = await ctx.deps.db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.objectId, p.id), eq(auditLog.action, 'care.checkup.export')));
    expect(audits.map((a) => a.detail)).toEqual([
      { rows: 2, unmasked: false },
      { rows: 2, unmasked: true },
    ]);
  });
});

describe('batches and attendance', () => {
  async function setup() {
    const o = await careOrg();
    const dept2 = await createDepartment(ctx.deps, o.org.id, '外二科');
    for (const name of ['甲', '乙', '丙']) await addMember(ctx, o.org.id, o.dept.id, { name });
    await addMember(ctx, o.org.id, dept2.id, { name: '丁' });
    const p = await createProgramme(o);
    return { o, p, dept2 };
  }
  const batch = { date: '2026-04-10', timeSlot: '上午 7:30-10:00', place: '门诊楼三楼体检中心', capacity: 3 };

  it('401, 403, 400, 404 and the steps for batches', async () => {
    const { o, p } = await setup();
    expect((await anonymous(ctx.app).post(`${URL}/${p.id}/batches`, batch)).statusCode).toBe(401);
    expect((await o.viceChair.post(`${URL}/${p.id}/batches`, batch)).statusCode).toBe(403);
    const bad = await o.officer.post(`${URL}/${p.id}/batches`, { ...batch, date: '2026-13-01', capacity: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['capacity', 'date']);
    const b = await o.officer.post(`${URL}/${p.id}/batches`, batch);
    expect(b.statusCode).toBe(201);
    const batchId = b.json().data.id;
    expect((await o.viceChair.get(`${URL}/${p.id}/batches`)).json().data).toMatchObject([
      { id: batchId, assigned: 0, capacity: 3 },
    ]);
    // Assigning needs the frozen list.
    expect(
      (await o.officer.post(`${URL}/${p.id}/assign`, { batchId, departmentIds: [o.dept.id] })).statusCode,
    ).toBe(409);
    const other = await careOrg();
    expect((await other.officer.put(`${URL}/${p.id}/batches/${batchId}`, batch)).statusCode).toBe(404);
    expect((await other.officer.delete(`${URL}/${p.id}/batches/${batchId}`)).statusCode).toBe(404);
    const moved = await o.officer.put(`${URL}/${p.id}/batches/${batchId}`, { ...batch, place: '二楼' });
    expect(moved.json().data.place).toBe('二楼');
    expect((await o.officer.delete(`${URL}/${p.id}/batches/${batchId}`)).statusCode).toBe(204);
    expect((await o.officer.delete(`${URL}/${p.id}/batches/${batchId}`)).statusCode).toBe(404);
  });

  it('assigns by department within capacity, marks attendance in bulk and counts coverage', async () => {
    const { o, p, dept2 } = await setup();
    await o.officer.post(`${URL}/${p.id}/publish`);
    const small = (await o.officer.post(`${URL}/${p.id}/batches`, { ...batch, capacity: 2 })).json().data;
    const full = await o.officer.post(`${URL}/${p.id}/assign`, {
      batchId: small.id,
      departmentIds: [o.dept.id],
    });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('超出容量');

    const big = (await o.officer.post(`${URL}/${p.id}/batches`, batch)).json().data;
    const ok = await o.officer.post(`${URL}/${p.id}/assign`, { batchId: big.id, departmentIds: [o.dept.id] });
    expect(ok.json().data).toEqual({ assigned: 3, batchTotal: 3 });
    expect(
      (await o.officer.post(`${URL}/${p.id}/assign`, { batchId: big.id, departmentIds: [] })).statusCode,
    ).toBe(400);
    expect(
      (await o.officer.post(`${URL}/${p.id}/assign`, { batchId: p.id, departmentIds: [dept2.id] }))
        .statusCode,
    ).toBe(404);
    // Shrinking below the people in it is refused.
    expect(
      (await o.officer.put(`${URL}/${p.id}/batches/${big.id}`, { ...batch, capacity: 2 })).statusCode,
    ).toBe(409);

    const rows = await participants(o, p.id, `&batchId=${big.id}`);
    expect(names(rows)).toEqual(['丙', '乙', '甲']);
    expect(rows[0].batchLabel).toBe('2026-04-10 上午 7:30-10:00 门诊楼三楼体检中心');
    expect(names(await participants(o, p.id, '&batchId=none'))).toEqual(['丁']);

    const byName = Object.fromEntries(rows.map((r) => [r.name, r.id]));
    const attended = await o.officer.post(`${URL}/${p.id}/attendance`, {
      participantIds: [byName.甲, byName.乙],
      attendance: 'attended',
    });
    expect(attended.json().data).toEqual({ updated: 2 });
    await o.officer.post(`${URL}/${p.id}/attendance`, { participantIds: [byName.丙], attendance: 'absent' });
    expect(
      (await o.officer.post(`${URL}/${p.id}/attendance`, { participantIds: [], attendance: 'attended' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await o.officer.post(`${URL}/${p.id}/attendance`, { participantIds: [byName.甲], attendance: 'late' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await o.officer.post(`${URL}/${p.id}/attendance`, { participantIds: [p.id], attendance: 'attended' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await o.viceChair.post(`${URL}/${p.id}/attendance`, {
          participantIds: [byName.甲],
          attendance: 'attended',
        })
      ).statusCode,
    ).toBe(403);

    const counts = (await o.viceChair.get(`${URL}/${p.id}`)).json().data.counts;
    expect(counts).toEqual({
      eligible: 4,
      assigned: 3,
      attended: 2,
      absent: 1,
      rescheduled: 0,
      pending: 1,
      followUps: 0,
      coverage: 0.5,
    });
    expect(
      (await o.officer.get(`${URL}/${p.id}/batches`))
        .json()
        .data.find((b: { id: string }) => b.id === big.id),
    ).toMatchObject({ assigned: 3, attended: 2 });

    // The absent one moves to another batch and is due again; attended people cannot move.
    const later = (await o.officer.post(`${URL}/${p.id}/batches`, { ...batch, date: '2026-04-20' })).json()
      .data;
    expect(
      (await o.officer.post(`${URL}/${p.id}/assign`, { batchId: later.id, participantIds: [byName.甲] }))
        .statusCode,
    ).toBe(409);
    await o.officer.post(`${URL}/${p.id}/assign`, { batchId: later.id, participantIds: [byName.丙] });
    expect((await participants(o, p.id, `&batchId=${later.id}`))[0]).toMatchObject({
      name: '丙',
      attendance: 'pending',
    });
    expect((await o.officer.delete(`${URL}/${p.id}/batches/${big.id}`)).statusCode).toBe(409);

    await o.officer.post(`${URL}/${p.id}/close`);
    expect(
      (
        await o.officer.post(`${URL}/${p.id}/attendance`, {
          participantIds: [byName.丙],
          attendance: 'attended',
        })
      ).statusCode,
    ).toBe(409);
    expect((await o.officer.post(`${URL}/${p.id}/batches`, batch)).statusCode).toBe(409);
  });

  it('lets only one of two racing assignments take the last place', async () => {
    const { o, p } = await setup();
    await o.officer.post(`${URL}/${p.id}/publish`);
    const b = (await o.officer.post(`${URL}/${p.id}/batches`, { ...batch, capacity: 1 })).json().data;
    const [x, y] = await participants(o, p.id);
    const codes = (
      await Promise.all([
        o.officer.post(`${URL}/${p.id}/assign`, { batchId: b.id, participantIds: [x.id] }),
        o.officer.post(`${URL}/${p.id}/assign`, { batchId: b.id, participantIds: [y.id] }),
      ])
    )
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 409]);
  });
});

describe('follow-up flag', () => {
  it('marks an attended person as needing follow-up with a sealed note; counts show it', async () => {
    const o = await careOrg();
    const p = await published(o, [{ name: '甲' }, { name: '乙' }]);
    const [a, b] = await participants(o, p.id);
    const url = (pid: string) => `${URL}/${p.id}/participants/${pid}/follow-up`;
    const body = { followUp: true, note: '建议三个月内复查' };

    expect((await anonymous(ctx.app).put(url(a.id), body)).statusCode).toBe(401);
    expect((await o.viceChair.put(url(a.id), body)).statusCode).toBe(403);
    expect((await o.officer.put(url(a.id), { followUp: 'yes' })).statusCode).toBe(400);
    expect((await o.officer.put(url(p.id), body)).statusCode).toBe(404);
    expect((await o.officer.put(url(a.id), body)).statusCode).toBe(409);

    await o.officer.post(`${URL}/${p.id}/attendance`, { participantIds: [a.id], attendance: 'attended' });
    const flagged = await o.officer.put(url(a.id), body);
    expect(flagged.statusCode).toBe(200);
    expect(flagged.json().data).toMatchObject({ followUp: true, followUpNote: '建议三个月内复查' });

    const listed = await participants(o, p.id, '&followUp=true');
    expect(listed.map((r) => [r.name, r.followUpNote])).toEqual([[a.name, '建议三个月内复查']]);
    expect((await o.viceChair.get(`${URL}/${p.id}`)).json().data.counts.followUps).toBe(1);

    const other = await careOrg();
    expect((await other.officer.put(url(a.id), body)).statusCode).toBe(404);
    expect((await o.officer.put(url(b.id), { followUp: false, note: '说明' })).statusCode).toBe(400);
    const cleared = await o.officer.put(url(a.id), { followUp: false });
    expect(cleared.json().data).toMatchObject({ followUp: false, followUpNote: null });
    const audit = await ctx.deps.db
      .select({ detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.objectId, a.id), eq(auditLog.action, 'care.checkup.followUp')));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('复查');
  });
});

describe('aid case from a follow-up', () => {
  it('opens one aid case for a flagged row, in the aid workflow, and links it', async () => {
    const o = await careOrg();
    const p = await published(o, [{ name: '甲' }, { name: '乙' }]);
    const [a, b] = await participants(o, p.id);
    await o.officer.post(`${URL}/${p.id}/attendance`, {
      participantIds: [a.id, b.id],
      attendance: 'attended',
    });
    await o.officer.put(`${URL}/${p.id}/participants/${a.id}/follow-up`, {
      followUp: true,
      note: '需专科随访',
    });
    const url = (pid: string) => `${URL}/${p.id}/participants/${pid}/aid-case`;
    const body = { kind: 'illness', amountAskedFen: 1_000_000, reason: '体检发现重大疾病，需住院治疗' };

    expect((await anonymous(ctx.app).post(url(a.id), body)).statusCode).toBe(401);
    expect((await o.viceChair.post(url(a.id), body)).statusCode).toBe(403);
    const bad = await o.officer.post(url(a.id), { ...body, kind: 'lottery', amountAskedFen: -5 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['amountAskedFen', 'kind']);
    expect((await (await careOrg()).officer.post(url(a.id), body)).statusCode).toBe(404);
    expect((await o.officer.post(url(b.id), body)).statusCode).toBe(409);

    const opened = await o.officer.post(url(a.id), body);
    expect(opened.statusCode).toBe(201);
    const caseId = opened.json().data.aidCaseId;
    const [aid] = await ctx.deps.db.select().from(aidCases).where(eq(aidCases.id, caseId));
    expect(aid).toMatchObject({
      orgId: o.org.id,
      memberId: a.memberId,
      kind: 'illness',
      amountAskedFen: 1_000_000,
      sourceModule: 'checkup',
      sourceId: a.id,
    });
    expect((await o.officer.post(url(a.id), body)).statusCode).toBe(409);
    expect((await participants(o, p.id, '&followUp=true'))[0].aidCaseId).toBe(caseId);
  });
});
