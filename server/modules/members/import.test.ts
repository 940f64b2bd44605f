import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idNumberError } from '../../../common/idNumber.js';
import { auditLog, members, membershipEvents } from '../../db/schema/index.js';
import { anonymous, createUnionGroup, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import {
  bodyBuffer,
  type CellInput,
  createMember,
  idNumber,
  multipart,
  nextIdNumber,
  orgWithOfficer,
  readXlsx,
  rosterXlsx,
  TEMPLATE_HEADERS,
  upload,
} from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp({ IMPORT_MAX_BYTES: String(3 * 1_048_576) });
});

const row = (extra: Record<string, CellInput> = {}): Record<string, CellInput> => ({
  姓名: '测试',
  身份证号: nextIdNumber(),
  科室: '内一科',
  用工形式: '合同制',
  ...extra,
});

async function memberCount(orgId: string) {
  const [{ n }] = await ctx.deps.db.select({ n: count() }).from(members).where(eq(members.orgId, orgId));
  return n;
}

describe('GET /members/import/template', () => {
  it('401, 403 without member:import; gives the header row and a valid example that imports', async () => {
    const { org, officer } = await orgWithOfficer(ctx, '内一科');
    expect((await anonymous(ctx.app).get('/api/members/import/template')).statusCode).toBe(401);
    const vice = await loginAs(ctx, org.id, ['viceChair']);
    expect((await vice.get('/api/members/import/template')).statusCode).toBe(403);

    const res = await officer.get('/api/members/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment;/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('会员导入模板.xlsx');
    const rows = await readXlsx(bodyBuffer(res));
    expect(rows[0]).toEqual(TEMPLATE_HEADERS);
    expect(rows).toHaveLength(2);
    expect(idNumberError(String(rows[1][1]))).toBeNull();

    const preview = await upload(officer, bodyBuffer(res));
    expect(preview.statusCode).toBe(200);
    expect(preview.json().data).toMatchObject({ total: 1, toCreate: 1, problems: [] });
  });
});

describe('POST /members/import', () => {
  it('401 anonymous and 403 without member:import, before reading the file', async () => {
    const { org } = await orgWithOfficer(ctx, '内一科');
    const file = await rosterXlsx([row()]);
    expect((await upload(anonymous(ctx.app), file)).statusCode).toBe(401);
    const vice = await loginAs(ctx, org.id, ['viceChair']);
    expect((await upload(vice, file)).statusCode).toBe(403);
  });

  it('400 for a file that is not xlsx, a missing file, missing columns, an empty sheet, a bad mode; 413 too big', async () => {
    const { officer } = await orgWithOfficer(ctx, '内一科');
    const notXlsx = '文件不是有效的 Excel（.xlsx）文件';
    for (const content of [Buffer.from('name,id\n'), Buffer.from('PK\u0003\u0004 not really a zip')]) {
      const res = await upload(officer, content);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe(notXlsx);
    }
    const { payload, headers } = multipart(await rosterXlsx([row()]), 'a.xlsx', 'other');
    const noFile = await officer.request({ method: 'POST', url: '/api/members/import', payload, headers });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details[0].path).toBe('file');

    const missing = await upload(
      officer,
      await rosterXlsx([row()], { headers: ['姓名', '身份证号', '备注'] }),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('缺少必填列：科室、用工形式');
    const empty = await upload(officer, await rosterXlsx([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('文件中没有数据行');
    const badMode = await upload(officer, await rosterXlsx([row()]), 'merge' as 'create');
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().error.details[0].path).toBe('mode');
    const big = await upload(officer, Buffer.concat([Buffer.from('PK'), Buffer.alloc(3 * 1_048_576 + 10)]));
    expect(big.statusCode).toBe(413);
  });

  it('lists every problem by Excel row and column; the fixed file previews clean and commits', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx, '内一科');
    const group = await createUnionGroup(ctx.deps, org.id, [dept.id]);
    const taken = await createMember(officer, dept.id, {
      name: '已登记',
      joinedAt: '2010-01-01',
      memberNo: 'M-9',
    });
    const takenId = (await officer.post(`/api/members/${taken.id}/reveal-id`)).json().data.idNumber;
    const first = idNumber('19900101', '123');
    const good = idNumber('19920202', '222');
    const badCheck = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
    const rows = [
      // A title row comes first (row 1), then the header (row 2): the data starts at row 3.
      row({ 姓名: '甲', 身份证号: first, 会员证号: 'K-1' }),
      row({ 身份证号: badCheck }),
      row({ 身份证号: first.toLowerCase() }),
      row({ 科室: '不存在的科室' }),
      row({ 入职日期: '2020-13-01' }),
      row({ 姓名: '' }),
      row({ 会员证号: 'K-1' }),
      row({ 身份证号: 110105199001011230 }),
      row({ 身份证号: takenId }),
      row({ 用工形式: '临时工' }),
      row({ 会员证号: 'M-9' }),
      row({ 身份证号: idNumber('19900101', '135'), 性别: '女' }),
    ];
    const file = await rosterXlsx(rows, { titleRow: '2024年职工花名册' });
    const res = await upload(officer, file);
    expect(res.statusCode).toBe(200);
    const preview = res.json().data;
    expect(preview).toMatchObject({ fileName: 'roster.xlsx', mode: 'create', total: 12, problemCount: 11 });
    expect(preview.problems).toEqual([
      { row: 4, column: '身份证号', message: '身份证号校验位错误' },
      { row: 5, column: '身份证号', message: '第3行与第5行的身份证号重复' },
      { row: 6, column: '科室', message: '科室“不存在的科室”不存在，请先在组织机构中添加' },
      { row: 7, column: '入职日期', message: '入职日期“2020-13-01”不是有效日期，应为 YYYY-MM-DD' },
      { row: 8, column: '姓名', message: '请填写姓名' },
      { row: 9, column: '会员证号', message: '第3行与第9行的会员证号重复' },
      {
        row: 10,
        column: '身份证号',
        message: '身份证号被存成了数字，末几位可能已丢失：请把该列设为“文本”格式后重新填写',
      },
      { row: 11, column: '身份证号', message: '该身份证号已登记（姓名：已登记）' },
      {
        row: 12,
        column: '用工形式',
        message: '用工形式“临时工”无效，可选：编制内、合同制、招聘、派遣、退休',
      },
      { row: 13, column: '会员证号', message: '会员证号已被使用（姓名：已登记）' },
      { row: 14, column: '性别', message: '性别与身份证号不一致' },
    ]);
    const commitBad = await officer.post(`/api/members/import/${preview.id}/commit`);
    expect(commitBad.statusCode).toBe(409);
    expect(commitBad.json().error.message).toBe('导入数据仍有11处问题，请修正后重新上传');

    const fixed = await rosterXlsx([
      row({
        姓名: '甲',
        身份证号: first,
        会员证号: 'K-1',
        性别: '男',
        出生日期: new Date(Date.UTC(1990, 0, 1)),
        政治面貌: '中共党员',
        学历: '硕士研究生',
        手机号: 13812345678,
        用工形式: '招聘',
        入职日期: '2019/3/5',
        入会日期: '2019.04.01',
        备注: '护理骨干',
      }),
      row({ 姓名: '乙', 身份证号: good, 入职日期: new Date(Date.UTC(2021, 6, 1)) }),
    ]);
    const ok = (await upload(officer, fixed, 'create', '花名册.xlsx')).json().data;
    expect(ok).toMatchObject({ total: 2, toCreate: 2, toUpdate: 0, problems: [], problemCount: 0 });
    expect(ok.fileName).toBe('花名册.xlsx');
    expect(ok.sample[0]).toMatchObject({ row: 2, name: '甲', departmentName: '内一科', action: 'create' });
    expect(ok.sample[0].idNumberMasked).toBe(`110105********${first.slice(-4)}`);

    const commit = await officer.post(`/api/members/import/${ok.id}/commit`);
    expect(commit.statusCode).toBe(200);
    expect(commit.json().data).toEqual({ created: 2, updated: 0 });
    const list = (await officer.get('/api/members?q=甲')).json().data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      gender: 'male',
      birthDate: '1990-01-01',
      politicalStatus: 'cpc',
      education: 'master',
      phone: '13812345678',
      employmentType: 'recruited',
      hireDate: '2019-03-05',
      joinedAt: '2019-04-01',
      memberNo: 'K-1',
      status: 'member',
      unionGroupId: group.id,
      notes: '护理骨干',
    });
    const yi = (await officer.get('/api/members?q=乙')).json().data[0];
    expect(yi).toMatchObject({ status: 'nonMember', hireDate: '2021-07-01' });
    const events = await ctx.deps.db
      .select()
      .from(membershipEvents)
      .where(eq(membershipEvents.memberId, yi.id));
    expect(events).toMatchObject([
      { action: 'import', toStatus: 'nonMember', reason: '批量导入：花名册.xlsx' },
    ]);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.import'), eq(auditLog.orgId, org.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ mode: 'create', created: 2, updated: 0 });

    const again = await officer.post(`/api/members/import/${ok.id}/commit`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该导入已经提交过了');
  });
});

describe('POST /members/import/:id/commit', () => {
  async function previewed(officer: Awaited<ReturnType<typeof orgWithOfficer>>['officer'], rows = [row()]) {
    const res = await upload(officer, await rosterXlsx(rows));
    expect(res.json().data.problems).toEqual([]);
    return res.json().data as { id: string };
  }

  it('401, 403, 404 for another org or another user, 400 for a malformed id', async () => {
    const { org, officer } = await orgWithOfficer(ctx, '内一科');
    const job = await previewed(officer);
    const url = `/api/members/import/${job.id}/commit`;
    expect((await anonymous(ctx.app).post(url)).statusCode).toBe(401);
    expect((await (await loginAs(ctx, org.id, ['viceChair'])).post(url)).statusCode).toBe(403);
    const other = await orgWithOfficer(ctx, '内一科');
    const foreign = await other.officer.post(url);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('IMPORT_NOT_FOUND');
    const colleague = await loginAs(ctx, org.id, ['officer']);
    expect((await colleague.post(url)).statusCode).toBe(404);
    expect((await officer.post('/api/members/import/abc/commit')).statusCode).toBe(400);
    expect(await memberCount(org.id)).toBe(0);
  });

  it('re-importing in upsert mode updates by ID number and creates no duplicates', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx, '内一科');
    const people = [1, 2, 3].map((i) =>
      row({ 姓名: `人${i}`, 身份证号: nextIdNumber(), 手机号: `1380000000${i}` }),
    );
    await officer.post(`/api/members/import/${(await previewed(officer, people)).id}/commit`);
    expect(await memberCount(org.id)).toBe(3);

    const changed = people.map((p) => ({ ...p, '职务/岗位': '护士', 手机号: null }));
    const newcomer = row({ 姓名: '新人' });
    const file = await rosterXlsx([...changed, newcomer]);
    const asCreate = (await upload(officer, file, 'create')).json().data;
    expect(asCreate.problemCount).toBe(3);
    expect(asCreate.problems[0]).toEqual({
      row: 2,
      column: '身份证号',
      message: '该身份证号已登记（姓名：人1）',
    });

    const res = await upload(officer, file, 'upsert');
    const preview = res.json().data;
    expect(preview).toMatchObject({ mode: 'upsert', toCreate: 1, toUpdate: 3, problems: [] });
    expect(preview.sample.map((s: { action: string }) => s.action)).toEqual([
      'update',
      'update',
      'update',
      'create',
    ]);
    const commit = await officer.post(`/api/members/import/${preview.id}/commit`);
    expect(commit.json().data).toEqual({ created: 1, updated: 3 });
    expect(await memberCount(org.id)).toBe(4);
    const p1 = (await officer.get('/api/members?q=人1')).json().data[0];
    // A blank cell keeps what the roster had; a filled one replaces it.
    expect(p1).toMatchObject({ jobTitle: '护士', phone: '13800000001', version: 2, departmentId: dept.id });
    const history = (await officer.get(`/api/members/${p1.id}/history`)).json().data;
    expect(history).toHaveLength(1);
  });

  it('is all-or-nothing: a card number taken between preview and commit rolls every row back', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx, '内一科');
    const job = await previewed(officer, [row(), row(), row({ 会员证号: 'Z-9' })]);
    await createMember(officer, dept.id, { memberNo: 'Z-9', joinedAt: '2020-01-01' });
    const res = await officer.post(`/api/members/import/${job.id}/commit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DUPLICATE');
    expect(res.json().error.message).toMatch(/本次导入已全部撤销/);
    expect(await memberCount(org.id)).toBe(1);
    const audits = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'member.import'), eq(auditLog.orgId, org.id)));
    expect(audits).toHaveLength(0);
  });

  it('re-checks ID numbers inside the transaction: someone registered after the preview stops the commit', async () => {
    const { org, dept, officer } = await orgWithOfficer(ctx, '内一科');
    const id = nextIdNumber();
    const job = await previewed(officer, [row(), row({ 身份证号: id })]);
    await createMember(officer, dept.id, { name: '抢先登记', idNumber: id });
    const res = await officer.post(`/api/members/import/${job.id}/commit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('1人已在名册中，本次导入已全部撤销，请重新上传预览');
    expect(res.json().error.details).toEqual([
      { path: 'idNumber', message: '该身份证号已登记（姓名：抢先登记）' },
    ]);
    expect(await memberCount(org.id)).toBe(1);
  });
});
