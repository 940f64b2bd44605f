import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidCaseRow, AidCaseView, AidNoticeView } from '../../../common/schemas/aid.js';
import { aidCases, auditLog, ledgerEntries, notifications } from '../../db/schema/index.js';
import { today } from '../../lib/businessDate.js';
import { anonymous, login, setupTestApp, type TestContext } from '../../test/helpers.js';
import { multipart, readXlsx } from '../members/testkit.js';
import { openAidCase } from './aid.service.js';
import {
  act,
  aidOrg,
  apply,
  applyBody,
  authOf,
  expectOk,
  PDF,
  reviewedCase,
  upload,
  uploadRequired,
} from './testkit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

async function ledgerOf(caseId: string) {
  return ctx.deps.db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.sourceModule, 'aid'), eq(ledgerEntries.sourceId, caseId)));
}

async function auditActions(caseId: string) {
  const rows = await ctx.deps.db.select().from(auditLog).where(eq(auditLog.objectId, caseId));
  return rows.map((r) => r.action);
}

async function notified(caseId: string) {
  return ctx.deps.db.select().from(notifications).where(eq(notifications.objectId, caseId));
}

describe('applying for aid', () => {
  it('401, 400 naming the fields, 409 without a member record, 403 for someone else, 404 for another union', async () => {
    const o = await aidOrg(ctx);
    expect((await anonymous(ctx.app).post('/api/care/aid', applyBody(o.zhang.id))).statusCode).toBe(401);
    const bad = await o.zhangUser.post('/api/care/aid', {
      ...applyBody(o.zhang.id),
      kind: 'party',
      amountAskedFen: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['amountAskedFen', 'kind']);
    const noLink = await o.unlinked.post('/api/care/aid', applyBody(o.zhang.id));
    expect(noLink.statusCode).toBe(409);
    expect(noLink.json().error.code).toBe('MEMBER_LINK_REQUIRED');
    expect((await o.wangUser.post('/api/care/aid', applyBody(o.zhang.id))).statusCode).toBe(403);
    const other = await aidOrg(ctx);
    expect((await other.officer.post('/api/care/aid', applyBody(o.zhang.id))).statusCode).toBe(404);
    const dated = await o.zhangUser.post('/api/care/aid', applyBody(o.zhang.id, { appliedOn: '2026-01-05' }));
    expect(dated.statusCode).toBe(400);
    expect(dated.json().error.details[0].path).toBe('appliedOn');
  });

  it('a member applies for themself: the group leader of the department is asked to recommend', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.zhangUser, applyBody(o.zhang.id));
    expect(view).toMatchObject({
      state: 'submitted',
      memberName: '张三',
      departmentName: '内科',
      amountAskedFen: 1_500_000,
    });
    expect(view.checklist?.filter((i) => i.required).map((i) => i.label)).toEqual([
      '诊断证明',
      '医疗费用发票',
      '医保结算单',
    ]);
    const sent = await notified(view.id);
    expect(sent.map((n) => n.userId)).toEqual([o.leader.user.id]);
    expect(sent[0].kind).toBe('aidTodo');
  });

  it('skips the recommendation when the department has no group leader, or a leader or officer applies', async () => {
    const o = await aidOrg(ctx);
    const self = await apply(o.wangUser, applyBody(o.wang.id));
    expect(self.state).toBe('recommended');
    expect(self.events.map((e) => e.note)).toContain('所在科室没有工会小组长，跳过推荐');
    const byLeader = await apply(o.leader, applyBody(o.li.id));
    expect(byLeader.state).toBe('recommended');
    expect((await o.otherLeader.post('/api/care/aid', applyBody(o.li.id))).statusCode).toBe(404);
    const byOfficer = await apply(o.officer, applyBody(o.wang.id, { appliedOn: '2026-01-05' }));
    expect(byOfficer).toMatchObject({ state: 'recommended', appliedOn: '2026-01-05' });
  });

  it('seals the reason at rest and shows it only to care:read and the applicant', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.zhangUser, applyBody(o.zhang.id));
    const [row] = await ctx.deps.db.select().from(aidCases).where(eq(aidCases.id, view.id));
    expect(row.reasonEnc.toString('utf8')).not.toContain('肾移植');
    const raw = await ctx.deps.db.execute<{ t: string }>(
      sql`select reason_enc::text as t from aid_cases where id = ${view.id}`,
    );
    expect(raw.rows[0].t).not.toContain('肾移植');
    expect((await o.officer.get(`/api/care/aid/${view.id}`)).json().data.reason).toContain('肾移植');
    expect((await o.zhangUser.get(`/api/care/aid/${view.id}`)).json().data.reason).toContain('肾移植');
  });

  it('openAidCase opens a case from another module inside its transaction', async () => {
    const o = await aidOrg(ctx);
    const auth = await authOf(ctx, o.org.id, ['officer']);
    const actor = {
      orgId: o.org.id,
      userId: auth.userId,
      name: auth.displayName,
      roles: 'officer',
      ip: null,
    };
    const c = await ctx.deps.db.transaction((tx) =>
      openAidCase(
        tx,
        auth,
        actor,
        {
          memberId: o.li.id,
          kind: 'illness',
          amountAskedFen: 1_000_000,
          reason: '体检复查',
          source: { module: 'checkup', id: 'p-1' },
        },
        ctx.deps,
      ),
    );
    expect(c).toMatchObject({ state: 'recommended', sourceModule: 'checkup', sourceId: 'p-1' });
    const view: AidCaseView = (await o.officer.get(`/api/care/aid/${c.id}`)).json().data;
    expect(view.source).toEqual({ module: 'checkup', id: 'p-1' });
    expect(view.events[0].note).toBe('由健康体检复查转来');
  });
});

describe('who sees a case', () => {
  it('the group leader of the department sees the status only; another department’s leader and another union get 404; every look is audited', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.zhangUser, applyBody(o.zhang.id));
    expect((await anonymous(ctx.app).get(`/api/care/aid/${view.id}`)).statusCode).toBe(401);
    const seen: AidCaseView = (await o.leader.get(`/api/care/aid/${view.id}`)).json().data;
    expect(seen).toMatchObject({ state: 'submitted', amountAskedFen: null, reason: null, checklist: null });
    expect(seen.abilities.recommend).toBe(true);
    expect((await o.otherLeader.get(`/api/care/aid/${view.id}`)).statusCode).toBe(404);
    expect((await o.wangUser.get(`/api/care/aid/${view.id}`)).statusCode).toBe(404);
    const other = await aidOrg(ctx);
    expect((await other.officer.get(`/api/care/aid/${view.id}`)).statusCode).toBe(404);
    const committee: AidCaseView = (await o.committee.get(`/api/care/aid/${view.id}`)).json().data;
    expect(committee).toMatchObject({ amountAskedFen: 1_500_000, reason: null, checklist: null });
    expect((await o.officer.get('/api/care/aid/not-a-uuid')).statusCode).toBe(400);
    expect((await auditActions(view.id)).filter((a) => a === 'care.aid.view')).toHaveLength(2);
  });

  it('lists: a member sees their own, a leader their departments’ without amounts, an officer all with amounts', async () => {
    const o = await aidOrg(ctx);
    const zhangCase = await apply(o.zhangUser, applyBody(o.zhang.id));
    const wangCase = await apply(
      o.wangUser,
      applyBody(o.wang.id, { kind: 'education', amountAskedFen: 200_000 }),
    );
    const ids = (rows: AidCaseRow[]) => rows.map((r) => r.id).sort();
    expect((await anonymous(ctx.app).get('/api/care/aid')).statusCode).toBe(401);
    const mine: AidCaseRow[] = (await o.zhangUser.get('/api/care/aid')).json().data;
    expect(ids(mine)).toEqual([zhangCase.id]);
    expect(mine[0].amountAskedFen).toBe(1_500_000);
    const dept: AidCaseRow[] = (await o.leader.get('/api/care/aid')).json().data;
    expect(ids(dept)).toEqual([zhangCase.id]);
    expect(dept[0].amountAskedFen).toBeNull();
    const all = (await o.officer.get('/api/care/aid')).json();
    expect(ids(all.data)).toEqual([zhangCase.id, wangCase.id].sort());
    expect(all.page.total).toBe(2);
    const masked: AidCaseRow[] = (await o.committee.get('/api/care/aid')).json().data;
    expect(masked.every((r) => r.amountAskedFen === null)).toBe(true);
    const education: AidCaseRow[] = (await o.officer.get('/api/care/aid?kind=education')).json().data;
    expect(ids(education)).toEqual([wangCase.id]);
    const year = new Date().getFullYear();
    expect((await o.officer.get(`/api/care/aid?year=${year - 3}`)).json().data).toEqual([]);
    expect((await o.officer.get('/api/care/aid?state=submitted')).json().data).toHaveLength(1);
    expect((await o.officer.get('/api/care/aid?state=lost')).statusCode).toBe(400);
    expect((await o.unlinked.get('/api/care/aid')).json().data).toEqual([]);
    const ofWang: AidCaseRow[] = (await o.officer.get(`/api/care/aid?memberId=${o.wang.id}`)).json().data;
    expect(ids(ofWang)).toEqual([wangCase.id]);
    expect((await o.officer.get('/api/care/aid?memberId=x')).statusCode).toBe(400);
  });

  it('filters several states at once (approved or later), in the list and the export; 400 naming 状态', async () => {
    const o = await aidOrg(ctx);
    const submitted = await apply(o.zhangUser, applyBody(o.zhang.id));
    const approved = await apply(o.wangUser, applyBody(o.wang.id, { kind: 'education' }));
    const paid = await apply(o.zhangUser, applyBody(o.zhang.id, { kind: 'education' }));
    const setState = (id: string, state: string) =>
      ctx.deps.db.update(aidCases).set({ state }).where(eq(aidCases.id, id));
    await setState(approved.id, 'approved');
    await setState(paid.id, 'paid');
    const ids = (rows: AidCaseRow[]) => rows.map((r) => r.id).sort();
    const later = (await o.officer.get('/api/care/aid?state=approved,noticed,paid')).json();
    expect(ids(later.data)).toEqual([approved.id, paid.id].sort());
    expect(later.page.total).toBe(2);
    const one = (await o.officer.get('/api/care/aid?state=submitted')).json().data;
    expect(ids(one)).toEqual([submitted.id]);
    for (const bad of ['approved,lost', '', 'approved,,paid']) {
      const res = await o.officer.get(`/api/care/aid?state=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details[0].path).toBe('state');
      expect(res.json().error.message).toContain('状态');
    }
    const sheet = await readXlsx((await o.officer.get('/api/care/aid/export?state=paid,noticed')).rawPayload);
    expect(sheet.slice(1).map((r) => r[7])).toEqual(['已发放']);
  });

  it('exports the filtered list for care:read without the reason; audited', async () => {
    const o = await aidOrg(ctx);
    await apply(o.zhangUser, applyBody(o.zhang.id));
    await apply(o.wangUser, applyBody(o.wang.id, { kind: 'education', amountAskedFen: 200_000 }));
    expect((await anonymous(ctx.app).get('/api/care/aid/export')).statusCode).toBe(401);
    expect((await o.committee.get('/api/care/aid/export')).statusCode).toBe(403);
    expect((await o.officer.get('/api/care/aid/export?state=lost')).statusCode).toBe(400);
    const res = await o.officer.get('/api/care/aid/export?kind=education');
    expect(res.statusCode).toBe(200);
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0].slice(0, 5)).toEqual(['申请人', '科室', '救助类型', '申请日期', '申请金额（元）']);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([['王五', '金秋助学', 2000]]);
    expect(JSON.stringify(rows)).not.toContain('肾移植');
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, o.org.id), eq(auditLog.action, 'care.aid.export')));
    expect(audit).toHaveLength(1);
  });
});

describe('steps', () => {
  it('recommend: 403 for a member, 404 for another department, 409 out of order or on a stale version', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.zhangUser, applyBody(o.zhang.id));
    expect(
      (await anonymous(ctx.app).post(`/api/care/aid/${view.id}/recommend`, { version: 1 })).statusCode,
    ).toBe(401);
    expect((await o.zhangUser.post(`/api/care/aid/${view.id}/recommend`, { version: 1 })).statusCode).toBe(
      403,
    );
    expect((await o.otherLeader.post(`/api/care/aid/${view.id}/recommend`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect((await o.leader.post(`/api/care/aid/${view.id}/recommend`, { version: 'x' })).statusCode).toBe(
      400,
    );
    const early = await o.officer.post(`/api/care/aid/${view.id}/review`, {
      version: 1,
      amountGrantedFen: 1,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态为“待小组长推荐”，不能执行“审核”');
    const done = expectOk(
      await o.leader.post(`/api/care/aid/${view.id}/recommend`, { version: 1, note: '情况属实' }),
    );
    expect(done.state).toBe('recommended');
    expect((await o.leader.post(`/api/care/aid/${view.id}/recommend`, { version: 1 })).statusCode).toBe(409);
    expect(
      (await notified(view.id)).some((n) => n.userId === o.officer.user.id && n.title.includes('待审核')),
    ).toBe(true);
  });

  it('review: refuses while a required material is missing, naming it; the granted amount is at most the asked one', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.officer, applyBody(o.li.id));
    expect(
      (await o.leader.post(`/api/care/aid/${view.id}/review`, { version: 1, amountGrantedFen: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await upload(o.officer, view.id, 'diagnosis')).statusCode).toBe(201);
    const missing = await act(o.officer, view.id, 'review', { amountGrantedFen: 1_000_000 });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error).toMatchObject({
      code: 'AID_MATERIALS_MISSING',
      message: '缺少必备材料：医疗费用发票、医保结算单',
    });
    await upload(o.officer, view.id, 'invoice');
    await upload(o.officer, view.id, 'insurance');
    const tooMuch = await act(o.officer, view.id, 'review', { amountGrantedFen: 1_500_001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.details[0].path).toBe('amountGrantedFen');
    const other = await aidOrg(ctx);
    expect(
      (await other.officer.post(`/api/care/aid/${view.id}/review`, { version: 1, amountGrantedFen: 1 }))
        .statusCode,
    ).toBe(404);
    const reviewed = expectOk(await act(o.officer, view.id, 'review', { amountGrantedFen: 800_000 }));
    expect(reviewed).toMatchObject({ state: 'reviewed', amountGrantedFen: 800_000, approvalLevel: 'chair' });
    expect((await notified(view.id)).some((n) => n.userId === o.chair.user.id)).toBe(true);
  });

  it('enforces the yearly cap beside the member’s other cases (409 CAP_EXCEEDED), not counting refused ones', async () => {
    const o = await aidOrg(ctx);
    const first = await reviewedCase(o, o.li.id, 1_500_000);
    expect(first.state).toBe('reviewed');
    const second = await apply(o.officer, applyBody(o.li.id));
    await uploadRequired(o.officer, second);
    const over = await act(o.officer, second.id, 'review', { amountGrantedFen: 600_000 });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'CAP_EXCEEDED' });
    expect(over.json().error.message).toContain('最多还可发放5,000.00元');
    expect(expectOk(await act(o.officer, second.id, 'review', { amountGrantedFen: 500_000 })).state).toBe(
      'reviewed',
    );
    // Refusing the first frees its share of the cap for a third case.
    expectOk(await act(o.officer, first.id, 'refuse', { reason: '材料不实' }));
    const third = await reviewedCase(o, o.li.id, 1_500_000);
    expect(third.state).toBe('reviewed');
  });

  it('two racing reviews of one case: one success and one 409', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.officer, applyBody(o.li.id));
    await uploadRequired(o.officer, view);
    const body = { version: view.version, amountGrantedFen: 500_000 };
    const results = await Promise.all([
      o.officer.post(`/api/care/aid/${view.id}/review`, body),
      o.officer.post(`/api/care/aid/${view.id}/review`, body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('two cases of one member cannot together pass the cap, even reviewed at the same time', async () => {
    const o = await aidOrg(ctx);
    const a = await apply(o.officer, applyBody(o.li.id));
    const b = await apply(o.officer, applyBody(o.li.id));
    await uploadRequired(o.officer, a);
    await uploadRequired(o.officer, b);
    const results = await Promise.all([
      o.officer.post(`/api/care/aid/${a.id}/review`, { version: a.version, amountGrantedFen: 1_200_000 }),
      o.officer.post(`/api/care/aid/${b.id}/review`, { version: b.version, amountGrantedFen: 1_200_000 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('CAP_EXCEEDED');
  });

  it('uses the rule of the application date: a later version does not change an earlier case', async () => {
    const o = await aidOrg(ctx);
    const rule = {
      subject: 'aid',
      code: 'illness',
      standardFen: 50_000,
      yearlyCapFen: 100_000,
      approver: 'chair',
      committeeAboveFen: null,
      categoryCode: '50202',
      effectiveFrom: '2026-03-01',
    };
    expect((await o.officer.post('/api/care/rules', rule)).statusCode).toBe(201);
    const before = await reviewedCase(o, o.li.id, 1_500_000, { appliedOn: '2026-02-28' });
    expect(before).toMatchObject({ state: 'reviewed', approvalLevel: 'committee' });
    expect(before.rule).toMatchObject({ effectiveFrom: '2000-01-01', yearlyCapFen: 2_000_000 });
    const after = await apply(o.officer, applyBody(o.zhang.id, { appliedOn: '2026-03-01' }));
    expect(after.rule).toMatchObject({ effectiveFrom: '2026-03-01', yearlyCapFen: 100_000 });
    await uploadRequired(o.officer, after);
    const over = await act(o.officer, after.id, 'review', { amountGrantedFen: 150_000 });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('年度上限1,000.00元');
    const ok = expectOk(await act(o.officer, after.id, 'review', { amountGrantedFen: 100_000 }));
    // Under the new version there is no committee threshold: the chair approves.
    expect(ok.approvalLevel).toBe('chair');
  });

  it('approve: only the chair at chair level; above the threshold the committee, with its meeting and resolution', async () => {
    const o = await aidOrg(ctx);
    const small = await reviewedCase(o, o.li.id, 800_000);
    expect(
      (await o.leader.post(`/api/care/aid/${small.id}/approve`, { version: small.version })).statusCode,
    ).toBe(403);
    expect((await act(o.committee, small.id, 'approve')).statusCode).toBe(403);
    const approved = expectOk(await act(o.chair, small.id, 'approve', { note: '同意' }));
    expect(approved.state).toBe('approved');
    expect((await act(o.chair, small.id, 'approve')).statusCode).toBe(409);
    const sent = await notified(small.id);
    expect(sent.some((n) => n.userId === o.officer.user.id && n.title.includes('待发放'))).toBe(true);

    const big = await reviewedCase(o, o.wang.id, 1_200_000);
    expect(big.approvalLevel).toBe('committee');
    const noMinutes = await act(o.committee, big.id, 'approve');
    expect(noMinutes.statusCode).toBe(400);
    expect(noMinutes.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'committeeMeetingOn',
      'committeeResolution',
    ]);
    const ok = expectOk(
      await act(o.committee, big.id, 'approve', {
        committeeMeetingOn: '2026-01-10',
        committeeResolution: '同意救助12,000元',
      }),
    );
    expect(ok).toMatchObject({ state: 'approved', committeeMeetingOn: '2026-01-10' });
    const wangSent = await notified(big.id);
    expect(wangSent.some((n) => n.userId === o.wangUser.user.id && n.kind === 'aidResult')).toBe(true);
  });

  it('nobody decides on their own application', async () => {
    const o = await aidOrg(ctx);
    const chairMember = await authOf(ctx, o.org.id, ['chair'], { memberId: o.li.id });
    const c = await ctx.deps.db.transaction((tx) =>
      openAidCase(
        tx,
        chairMember,
        { orgId: o.org.id, userId: chairMember.userId, name: '主席', roles: 'chair', ip: null },
        { memberId: o.li.id, kind: 'disaster', amountAskedFen: 100_000, reason: '家中失火' },
        ctx.deps,
      ),
    );
    expect(c.state).toBe('submitted');
    await upload(o.officer, c.id, 'proof');
    expectOk(await act(o.leader, c.id, 'recommend', {}, o.officer));
    expectOk(await act(o.officer, c.id, 'review', { amountGrantedFen: 100_000 }));
    // The chair applied for themself; signing in as that account, approval is refused.
    const chairClient = await login(ctx.app, chairMember.username);
    const res = await act(chairClient, c.id, 'approve');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('不能办理本人的救助申请');
  });

  it('public notice: minimal fields for every member; payment waits until the notice period is over', async () => {
    const o = await aidOrg(ctx);
    const c = await reviewedCase(o, o.li.id, 800_000);
    expectOk(await act(o.chair, c.id, 'approve'));
    expect((await o.zhangUser.post(`/api/care/aid/${c.id}/notice`, { version: 3, days: 5 })).statusCode).toBe(
      403,
    );
    expect((await act(o.officer, c.id, 'notice', { days: 31 })).statusCode).toBe(400);
    const noticed = expectOk(await act(o.officer, c.id, 'notice', { days: 5 }));
    expect(noticed.state).toBe('noticed');
    expect((await anonymous(ctx.app).get('/api/care/aid/notices')).statusCode).toBe(401);
    const list: AidNoticeView[] = (await o.wangUser.get('/api/care/aid/notices')).json().data;
    expect(list).toEqual([
      {
        id: c.id,
        maskedName: '李**',
        departmentName: '内科',
        kind: 'illness',
        amountFen: 800_000,
        noticeFrom: noticed.noticeFrom,
        noticeUntil: noticed.noticeUntil,
      },
    ]);
    const other = await aidOrg(ctx);
    expect((await other.wangUser.get('/api/care/aid/notices')).json().data).toEqual([]);
    const early = await act(o.officer, c.id, 'pay');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('公示期满后才能发放');
    await ctx.deps.db
      .update(aidCases)
      .set({ noticeFrom: '2026-01-01', noticeUntil: '2026-01-05' })
      .where(eq(aidCases.id, c.id));
    expect(expectOk(await act(o.officer, c.id, 'pay')).state).toBe('paid');
  });

  it('pay posts exactly one ledger entry in the same transaction; a refused case posts none', async () => {
    const o = await aidOrg(ctx);
    const c = await reviewedCase(o, o.li.id, 800_000);
    expect((await act(o.officer, c.id, 'pay')).statusCode).toBe(409);
    expectOk(await act(o.chair, c.id, 'approve'));
    expect((await o.leader.post(`/api/care/aid/${c.id}/pay`, { version: 3 })).statusCode).toBe(403);
    expect((await act(o.officer, c.id, 'pay', { paidOn: '2099-01-01' })).statusCode).toBe(400);
    const paid = expectOk(await act(o.officer, c.id, 'pay', { payMethod: 'transfer', voucherNo: '记-1' }));
    expect(paid.state).toBe('paid');
    const entries = await ledgerOf(c.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      amountFen: 800_000,
      kind: 'expense',
      approvedBy: 'workflow',
      counterparty: '李四',
    });
    expect(paid.ledgerEntryId).toBe(entries[0].id);
    expect((await act(o.officer, c.id, 'pay')).statusCode).toBe(409);
    expect((await act(o.officer, c.id, 'refuse', { reason: '撤销' })).statusCode).toBe(409);
    expect(await ledgerOf(c.id)).toHaveLength(1);

    const refused = await reviewedCase(o, o.wang.id, 300_000);
    expectOk(await act(o.chair, refused.id, 'approve'));
    const r = expectOk(await act(o.officer, refused.id, 'refuse', { reason: '经核实已获其他救助' }));
    expect(r).toMatchObject({ state: 'refused', refusedReason: '经核实已获其他救助' });
    expect(await ledgerOf(refused.id)).toHaveLength(0);
    expect((await act(o.officer, refused.id, 'pay')).statusCode).toBe(409);
    expect(
      (await notified(refused.id)).some(
        (n) => n.userId === o.wangUser.user.id && n.title.includes('未获通过'),
      ),
    ).toBe(true);
  });

  it('a payment that fails in the ledger leaves the case unpaid (same transaction)', async () => {
    const o = await aidOrg(ctx);
    const c = await reviewedCase(o, o.li.id, 800_000);
    expectOk(await act(o.chair, c.id, 'approve'));
    const month = today().slice(0, 7);
    await ctx.deps.db.execute(
      sql`insert into fund_periods (org_id, period, closed_by_name) values (${o.org.id}, ${month}, 'test')`,
    );
    const res = await act(o.officer, c.id, 'pay');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERIOD_CLOSED');
    const view: AidCaseView = (await o.officer.get(`/api/care/aid/${c.id}`)).json().data;
    expect(view.state).toBe('approved');
    expect(await ledgerOf(c.id)).toHaveLength(0);
  });

  it('refuse: 403 for a member, the approver may refuse at the approval step, a reason is required', async () => {
    const o = await aidOrg(ctx);
    const c = await reviewedCase(o, o.li.id, 800_000);
    expect((await act(o.zhangUser, c.id, 'refuse', { reason: 'x' }, o.officer)).statusCode).toBe(404);
    expect((await act(o.leader, c.id, 'refuse', { reason: 'x' }, o.officer)).statusCode).toBe(403);
    expect((await act(o.chair, c.id, 'refuse', { reason: '' })).statusCode).toBe(400);
    expect(expectOk(await act(o.chair, c.id, 'refuse', { reason: '不符合条件' })).state).toBe('refused');
    expect(await auditActions(c.id)).toEqual(
      expect.arrayContaining(['care.aid.create', 'care.aid.review', 'care.aid.refuse']),
    );
  });
});

describe('materials', () => {
  it('upload and download: checklist items only, PDF/JPG/PNG, before the review; files for care:read and the applicant only', async () => {
    const o = await aidOrg(ctx);
    const view = await apply(o.zhangUser, applyBody(o.zhang.id));
    const body = multipart(PDF, '诊断.pdf');
    expect(
      (
        await anonymous(ctx.app).request({
          method: 'POST',
          url: `/api/care/aid/${view.id}/files?item=diagnosis`,
          ...body,
        })
      ).statusCode,
    ).toBe(401);
    expect((await upload(o.zhangUser, view.id, 'passport')).statusCode).toBe(400);
    expect((await upload(o.zhangUser, view.id, 'diagnosis', Buffer.from('hello'))).statusCode).toBe(400);
    expect((await upload(o.wangUser, view.id, 'diagnosis')).statusCode).toBe(404);
    expect((await upload(o.leader, view.id, 'diagnosis')).statusCode).toBe(403);
    const res = await upload(o.zhangUser, view.id, 'diagnosis', PDF, '诊断.pdf');
    expect(res.statusCode).toBe(201);
    const fileId = res.json().data.id;
    const seen: AidCaseView = (await o.officer.get(`/api/care/aid/${view.id}`)).json().data;
    expect(seen.checklist?.find((i) => i.key === 'diagnosis')?.files.map((f) => f.fileName)).toEqual([
      '诊断.pdf',
    ]);
    const file = await o.officer.get(`/api/care/aid/${view.id}/files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await o.leader.get(`/api/care/aid/${view.id}/files/${fileId}`)).statusCode).toBe(404);
    expect((await o.officer.get(`/api/care/aid/${view.id}/files/${view.id}`)).statusCode).toBe(404);
    expect(await auditActions(view.id)).toContain('care.aid.file.view');
    // A wrong file is taken back before the review, by the applicant or an officer only.
    const wrong = (await upload(o.zhangUser, view.id, 'other', PDF, '错传.pdf')).json().data.id;
    expect((await anonymous(ctx.app).delete(`/api/care/aid/${view.id}/files/${wrong}`)).statusCode).toBe(401);
    expect((await o.leader.delete(`/api/care/aid/${view.id}/files/${wrong}`)).statusCode).toBe(403);
    expect((await o.wangUser.delete(`/api/care/aid/${view.id}/files/${wrong}`)).statusCode).toBe(404);
    expect((await o.zhangUser.delete(`/api/care/aid/${view.id}/files/${wrong}`)).statusCode).toBe(204);
    expect((await o.zhangUser.delete(`/api/care/aid/${view.id}/files/${wrong}`)).statusCode).toBe(404);
    expect(await auditActions(view.id)).toContain('care.aid.detach');
    // After the review no more materials.
    await upload(o.officer, view.id, 'invoice');
    await upload(o.officer, view.id, 'insurance');
    expectOk(await act(o.leader, view.id, 'recommend', {}, o.officer));
    expectOk(await act(o.officer, view.id, 'review', { amountGrantedFen: 100_000 }));
    expect((await upload(o.officer, view.id, 'other')).statusCode).toBe(409);
    expect((await o.officer.delete(`/api/care/aid/${view.id}/files/${fileId}`)).statusCode).toBe(409);
  });

  it('lists the checklist of every kind', async () => {
    const o = await aidOrg(ctx);
    const res = await o.zhangUser.get('/api/care/aid/materials');
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .data.education.filter((i: { required: boolean }) => i.required)
        .map((i: { label: string }) => i.label),
    ).toEqual(['录取通知书', '学费凭证']);
    expect((await anonymous(ctx.app).get('/api/care/aid/materials')).statusCode).toBe(401);
  });
});
