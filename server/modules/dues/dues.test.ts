import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, duesPayments, fundPeriods, ledgerEntries } from '../../db/schema/index.js';
import { anonymous, createOrg, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { createMember, idNumber } from '../members/testkit.js';
import { duesOrg, duesXlsx, importDues, readSheetRows, row, uploadDues } from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function ledgerOf(orgId: string) {
  return ctx.deps.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, orgId))
    .orderBy(ledgerEntries.createdAt);
}

describe('dues rates', () => {
  it('401, 403, 400, 409 duplicate month; the rate in force is the latest effective month', async () => {
    const { org, treasurer, fundAuditor } = await duesOrg(ctx);
    expect((await anonymous(ctx.app).get('/api/dues/rates')).statusCode).toBe(401);
    const officer = await loginAs(ctx, org.id, ['officer']);
    expect((await officer.get('/api/dues/rates')).statusCode).toBe(403);
    expect(
      (await fundAuditor.post('/api/dues/rates', { effectiveFrom: '2025-01', rateBp: 60 })).statusCode,
    ).toBe(403);

    const bad = await treasurer.post('/api/dues/rates', { effectiveFrom: '2025-13', rateBp: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['effectiveFrom', 'rateBp']);

    const created = await treasurer.post('/api/dues/rates', { effectiveFrom: '2025-04', rateBp: 100 });
    expect(created.statusCode).toBe(201);
    expect(
      (await treasurer.post('/api/dues/rates', { effectiveFrom: '2025-04', rateBp: 60 })).statusCode,
    ).toBe(409);
    expect((await fundAuditor.get('/api/dues/rates')).json().data).toHaveLength(1);

    // March at the default 0.5 %, May at the new 1 %: a May row of 40.00 on 8,000.00 is flagged.
    const { people } = { people: ['M001', '张一'] };
    const march = await (
      await uploadDues(treasurer, await duesXlsx([row(people[0], people[1], '2025-03')]))
    ).json();
    expect(march.data).toMatchObject({ rateBp: 50, warningCount: 0 });
    const may = await (
      await uploadDues(treasurer, await duesXlsx([row(people[0], people[1], '2025-05')]))
    ).json();
    expect(may.data).toMatchObject({ rateBp: 100, warningCount: 1, expectedFen: 8000 });

    // A rate with a month imported under it cannot be removed; another org's rate is a 404.
    await importDues(treasurer, [row('M001', '张一', '2025-05', { 代扣会费: 80 })]);
    const id = created.json().data.id;
    expect((await treasurer.delete(`/api/dues/rates/${id}`)).statusCode).toBe(409);
    const other = await duesOrg(ctx);
    expect((await other.treasurer.delete(`/api/dues/rates/${id}`)).statusCode).toBe(404);
  });
});

describe('dues import', () => {
  it('401/403 before reading the file; 400 for a non-xlsx or missing columns', async () => {
    const { org, treasurer, fundAuditor } = await duesOrg(ctx);
    const file = await duesXlsx([row('M001', '张一', '2025-03')]);
    expect((await uploadDues(anonymous(ctx.app), file)).statusCode).toBe(401);
    expect((await uploadDues(fundAuditor, file)).statusCode).toBe(403);
    const chair = await loginAs(ctx, org.id, ['chair']);
    expect((await uploadDues(chair, file)).statusCode).toBe(403);
    expect((await uploadDues(treasurer, Buffer.from('a,b'))).statusCode).toBe(400);
    const missing = await uploadDues(
      treasurer,
      await duesXlsx([{ 姓名: '张一', 月份: '2025-03' }], ['姓名', '月份']),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('缴费基数');
  });

  it('lists problems per row and column and commits nothing until the file is clean', async () => {
    const { org, officer, dept, treasurer } = await duesOrg(ctx);
    const withId = await createMember(officer, dept.id, {
      name: '赵四',
      idNumber: idNumber('19850505', '321'),
      joinedAt: '2020-01-01',
    });
    const file = await duesXlsx([
      row('M001', '张一', '2025-03'),
      row('M999', '无名', '2025-03'),
      row('M002', '错名', '2025-03'),
      row('M003', '李三', '2025-04'),
      { 姓名: '王二', 科室: '内一科', 月份: '2025-03', 缴费基数: 'abc', 代扣会费: 40.123 },
      {
        身份证号: idNumber('19850505', '321'),
        姓名: '赵四',
        月份: '2025-03',
        缴费基数: '6,000.00',
        代扣会费: 30,
      },
      row('M001', '张一', '2025-03'),
    ]);
    const res = await uploadDues(treasurer, file);
    expect(res.statusCode).toBe(200);
    const p = res.json().data;
    expect(p.month).toBe('2025-03');
    expect(p.problems).toEqual([
      { row: 3, column: '会员证号', message: '会员证号“M999”在名册中不存在' },
      { row: 4, column: '姓名', message: '姓名与会员证号不符（名册中为王二）' },
      { row: 5, column: '月份', message: '同一文件只能是一个月份：本行为2025-04，前面的行为2025-03' },
      { row: 6, column: '缴费基数', message: '缴费基数“abc”不是有效金额（单位：元，最多两位小数）' },
      { row: 6, column: '代扣会费', message: '代扣会费“40.123”最多保留两位小数' },
      { row: 8, column: '姓名', message: '第2行与第8行是同一人（张一）' },
    ]);
    // Matched by ID number, thousands separator read.
    expect(p.sample.find((s: { memberName: string }) => s.memberName === withId.name)).toMatchObject({
      baseSalaryFen: 600000,
      amountFen: 3000,
    });
    const commit = await treasurer.post(`/api/dues/import/${p.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(await ledgerOf(org.id)).toHaveLength(0);
    const rows = await ctx.deps.db.select().from(duesPayments).where(eq(duesPayments.orgId, org.id));
    expect(rows).toHaveLength(0);
  });

  it('commits a clean month: rows, one 会费收入 entry from source dues, audit; then the month is taken', async () => {
    const { org, treasurer, fundAuditor } = await duesOrg(ctx);
    const result = await importDues(treasurer, [
      row('M001', '张一', '2025-03'),
      row('M002', '王二', '2025-03', { 缴费基数: 10000.5, 代扣会费: 50 }),
      row('M003', '李三', '2025-03', { 代扣会费: 35 }),
    ]);
    expect(result).toMatchObject({ month: '2025-03', rowCount: 3, totalFen: 12500, flagged: 1 });
    const [entry] = await ledgerOf(org.id);
    expect(entry).toMatchObject({
      kind: 'income',
      amountFen: 12500,
      sourceModule: 'dues',
      sourceId: result.importId,
      entryDate: '2025-03-31',
      period: '2025-03',
    });
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'dues.import')));
    expect(audit).toHaveLength(1);

    // The auditor reads the deductions (salaries) of the month; the flagged one is marked.
    const list = await fundAuditor.get('/api/dues/payments?month=2025-03&flagged=true');
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toEqual([
      expect.objectContaining({
        memberName: '李三',
        baseSalaryFen: 800000,
        amountFen: 3500,
        expectedFen: 4000,
      }),
    ]);
    const viceChair = await loginAs(ctx, org.id, ['viceChair']);
    expect((await viceChair.get('/api/dues/payments?month=2025-03')).statusCode).toBe(403);

    const again = await uploadDues(treasurer, await duesXlsx([row('M001', '张一', '2025-03')]));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('替换该月');
    // A committed preview cannot be committed twice; another user's or org's preview is a 404.
    expect((await treasurer.post(`/api/dues/import/${result.importId}/commit`)).statusCode).toBe(409);
    const other = await duesOrg(ctx);
    expect((await other.treasurer.post(`/api/dues/import/${result.importId}/commit`)).statusCode).toBe(404);
  });

  it('replaces a month explicitly: the old entry is reversed, rows swapped; a closed month is refused', async () => {
    const { org, treasurer } = await duesOrg(ctx);
    const first = await importDues(treasurer, [
      row('M001', '张一', '2025-06'),
      row('M002', '王二', '2025-06'),
    ]);
    const second = await importDues(
      treasurer,
      [row('M001', '张一', '2025-06'), row('M002', '王二', '2025-06'), row('M003', '李三', '2025-06')],
      'replace',
    );
    expect(second).toMatchObject({ replacedImportId: first.importId, totalFen: 12000 });
    const entries = await ledgerOf(org.id);
    expect(entries.map((e) => e.amountFen)).toEqual([8000, -8000, 12000]);
    expect(entries[1].reversesEntryId).toBe(entries[0].id);
    const rows = await ctx.deps.db.select().from(duesPayments).where(eq(duesPayments.orgId, org.id));
    expect(rows).toHaveLength(3);
    const imports = (await treasurer.get('/api/dues/imports?year=2025')).json().data;
    expect(imports.map((i: { status: string }) => i.status)).toEqual(['committed', 'replaced']);

    await ctx.deps.db.insert(fundPeriods).values({ orgId: org.id, period: '2025-06' });
    const closed = await uploadDues(treasurer, await duesXlsx([row('M001', '张一', '2025-06')]), 'replace');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('已结账');
    // A first import into a closed month is refused too.
    await ctx.deps.db.insert(fundPeriods).values({ orgId: org.id, period: '2025-07' });
    expect((await uploadDues(treasurer, await duesXlsx([row('M001', '张一', '2025-07')]))).statusCode).toBe(
      409,
    );
  });

  it('two commits of the same month racing: one succeeds, one 409', async () => {
    const { org, treasurer } = await duesOrg(ctx);
    const a = (await uploadDues(treasurer, await duesXlsx([row('M001', '张一', '2025-08')]))).json().data;
    const b = (await uploadDues(treasurer, await duesXlsx([row('M002', '王二', '2025-08')]))).json().data;
    const results = await Promise.all([
      treasurer.post(`/api/dues/import/${a.id}/commit`),
      treasurer.post(`/api/dues/import/${b.id}/commit`),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await ledgerOf(org.id)).toHaveLength(1);
  });

  it('the template lists paying members and no salaries', async () => {
    const { treasurer } = await duesOrg(ctx);
    const res = await treasurer.get('/api/dues/import/template');
    expect(res.statusCode).toBe(200);
    const rows = await readSheetRows(res.rawPayload);
    expect(rows[0]).toEqual(['会员证号', '身份证号', '姓名*', '科室', '月份*', '缴费基数*', '代扣会费*']);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['张一', '李三', '王二']);
    expect(rows.slice(1).every((r) => r[5] === null && r[6] === null)).toBe(true);
  });
});

describe('arrears and exemptions', () => {
  it('counts imported months since joining, leaves out exemptions and retirees; lists and exports', async () => {
    const { org, officer, dept, treasurer, fundAuditor, people } = await duesOrg(ctx);
    await createMember(officer, dept.id, {
      name: '退休甲',
      employmentType: 'retired',
      joinedAt: '2000-01-01',
    });
    const late = await createMember(officer, dept.id, {
      name: '新人',
      joinedAt: '2025-05-10',
      memberNo: 'M009',
    });
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07'];
    for (const m of months) {
      // 张一 pays every month, 王二 only in January, 李三 never; 新人 only in July.
      const rows = [row('M001', '张一', m)];
      if (m === '2025-01') rows.push(row('M002', '王二', m));
      if (m === '2025-07') rows.push(row('M009', '新人', m));
      await importDues(treasurer, rows);
    }
    // 李三 is exempt from March to May (3 months).
    const bad = await treasurer.post('/api/dues/exemptions', {
      memberId: people[2].id,
      reason: '病休',
      fromMonth: '2025-05',
      toMonth: '2025-03',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('toMonth');
    expect(
      (
        await fundAuditor.post('/api/dues/exemptions', {
          memberId: people[2].id,
          reason: '病休',
          fromMonth: '2025-03',
        })
      ).statusCode,
    ).toBe(403);
    const ex = await treasurer.post('/api/dues/exemptions', {
      memberId: people[2].id,
      reason: '病休',
      fromMonth: '2025-03',
      toMonth: '2025-05',
    });
    expect(ex.statusCode).toBe(201);
    const overlap = await treasurer.post('/api/dues/exemptions', {
      memberId: people[2].id,
      reason: '再次',
      fromMonth: '2025-05',
      toMonth: null,
    });
    expect(overlap.statusCode).toBe(409);

    const res = await fundAuditor.get('/api/dues/arrears');
    expect(res.statusCode).toBe(200);
    const byName = new Map(res.json().data.map((r: { memberName: string }) => [r.memberName, r]));
    expect(byName.get('王二')).toMatchObject({ arrearsMonths: 6, lastPaidMonth: '2025-01' });
    expect(byName.get('李三')).toMatchObject({
      arrearsMonths: 4,
      missingMonths: ['2025-01', '2025-02', '2025-06', '2025-07'],
    });
    expect(byName.get('新人')).toMatchObject({ dueMonths: 3, arrearsMonths: 2 });
    expect(byName.has('张一')).toBe(false);
    expect(byName.has('退休甲')).toBe(false);
    expect(late.id).toBeTruthy();

    const followUp = await fundAuditor.get('/api/dues/arrears?minMonths=6');
    expect(followUp.json().data.map((r: { memberName: string }) => r.memberName)).toEqual(['王二']);
    expect((await fundAuditor.get('/api/dues/arrears?minMonths=0')).statusCode).toBe(400);

    const exported = await fundAuditor.get('/api/dues/arrears/export?minMonths=6');
    expect(exported.statusCode).toBe(200);
    const sheet = await readSheetRows(exported.rawPayload);
    expect(sheet[1].slice(0, 1)).toEqual(['王二']);
    expect(sheet[1][5]).toBe(6);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, 'dues.arrears.export')));
    expect(audit).toHaveLength(1);

    // Removing the exemption brings the months back; another org's exemption is a 404.
    const other = await duesOrg(ctx);
    expect((await other.treasurer.delete(`/api/dues/exemptions/${ex.json().data.id}`)).statusCode).toBe(404);
    expect((await treasurer.delete(`/api/dues/exemptions/${ex.json().data.id}`)).statusCode).toBe(204);
    const after = (await fundAuditor.get('/api/dues/arrears')).json().data;
    expect(after.find((r: { memberName: string }) => r.memberName === '李三').arrearsMonths).toBe(7);
  });

  it('the member lookup for exemptions finds by name within the org only', async () => {
    const { treasurer } = await duesOrg(ctx);
    const other = await duesOrg(ctx);
    const res = await treasurer.get(`/api/dues/members?q=${encodeURIComponent('张')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toHaveLength(1);
    expect(Object.keys(res.json().data[0]).sort()).toEqual(['departmentName', 'id', 'memberNo', 'name']);
    expect((await other.fundAuditor.get('/api/dues/members?q=a')).statusCode).toBe(403);
    const unknown = await treasurer.post('/api/dues/exemptions', {
      memberId: other.people[0].id,
      reason: '病休',
      fromMonth: '2025-01',
    });
    expect(unknown.statusCode).toBe(400);
  });
});

describe('allocations', () => {
  it('computes 2 % and the retained share, posts the retained amount as 拨缴经费收入', async () => {
    const { org, treasurer, fundAuditor } = await duesOrg(ctx);
    const body = {
      fromMonth: '2025-01',
      toMonth: '2025-03',
      receivedOn: '2025-04-10',
      payrollTotalFen: 1_234_567_89,
      voucherNo: '记-12',
    };
    expect((await anonymous(ctx.app).post('/api/dues/allocations', body)).statusCode).toBe(401);
    expect((await fundAuditor.post('/api/dues/allocations', body)).statusCode).toBe(403);
    const bad = await treasurer.post('/api/dues/allocations', {
      ...body,
      payrollTotalFen: -1,
      toMonth: '2024-12',
    });
    expect(bad.statusCode).toBe(400);
    const res = await treasurer.post('/api/dues/allocations', body);
    expect(res.statusCode).toBe(201);
    // 123,456,789 × 2 % = 2,469,135.78 → 2,469,136 fen; × 60 % = 1,481,481.6 → 1,481,482 fen.
    expect(res.json().data).toMatchObject({
      rateBp: 200,
      retainedBp: 6000,
      amountFen: 2_469_136,
      retainedFen: 1_481_482,
    });
    const [entry] = await ledgerOf(org.id);
    expect(entry).toMatchObject({
      amountFen: 1_481_482,
      sourceModule: 'allocation',
      entryDate: '2025-04-10',
    });
    expect((await fundAuditor.get('/api/dues/allocations?year=2025')).json().data).toHaveLength(1);

    await ctx.deps.db.insert(fundPeriods).values({ orgId: org.id, period: '2025-05' });
    const closed = await treasurer.post('/api/dues/allocations', { ...body, receivedOn: '2025-05-10' });
    expect(closed.statusCode).toBe(409);
    expect((await ledgerOf(org.id)).length).toBe(1);
    const none = await createOrg(ctx.deps);
    const stranger = await loginAs(ctx, none.id, ['treasurer']);
    expect((await stranger.get('/api/dues/allocations')).json().data).toEqual([]);
  });
});
