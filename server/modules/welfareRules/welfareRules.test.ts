import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WelfareRuleView } from '../../../common/schemas/care.js';
import { auditLog } from '../../db/schema/index.js';
import { anonymous, createOrg, loginAs, setupTestApp, type TestContext } from '../../test/helpers.js';
import { approverFor, assertWithinCap, welfareRulesService } from './welfareRules.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await setupTestApp();
});

const base = {
  subject: 'visit',
  code: 'hospitalised',
  standardFen: 80_000,
  yearlyCapFen: 160_000,
  yearlyTimes: null,
  approver: 'officer',
  committeeAboveFen: null,
  categoryCode: '50203',
  effectiveFrom: '2026-07-01',
};

async function careOrg() {
  const org = await createOrg(ctx.deps);
  return {
    org,
    officer: await loginAs(ctx, org.id, ['officer']),
    chair: await loginAs(ctx, org.id, ['chair']),
    groupLeader: await loginAs(ctx, org.id, ['groupLeader']),
  };
}

describe('welfare rules (福利标准)', () => {
  it('starts every union with the default rules as data', async () => {
    const { chair } = await careOrg();
    const res = await chair.get('/api/care/rules?on=2026-01-01');
    expect(res.statusCode).toBe(200);
    const rules: WelfareRuleView[] = res.json().data;
    const codes = rules.map((r) => `${r.subject}:${r.code}`);
    expect(codes).toContain('visit:birthday');
    expect(codes).toContain('aid:education');
    expect(new Set(codes).size).toBe(codes.length);
    const hospital = rules.find((r) => r.code === 'hospitalised')!;
    expect(hospital).toMatchObject({ label: '住院', categoryName: '送温暖', effectiveTo: null });
  });

  it('401, 403, 400 naming the field, 409 for a duplicate date; a new version leaves the old one in force before it', async () => {
    const { org, officer, groupLeader } = await careOrg();
    expect((await anonymous(ctx.app).get('/api/care/rules')).statusCode).toBe(401);
    expect((await groupLeader.get('/api/care/rules')).statusCode).toBe(403);
    expect((await groupLeader.post('/api/care/rules', base)).statusCode).toBe(403);

    const bad = await officer.post('/api/care/rules', { ...base, code: 'party', standardFen: -1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['code', 'standardFen']);
    const parent = await officer.post('/api/care/rules', { ...base, categoryCode: '502' });
    expect(parent.statusCode).toBe(400);
    expect(parent.json().error.details[0].message).toContain('末级科目');
    const income = await officer.post('/api/care/rules', { ...base, categoryCode: '401' });
    expect(income.json().error.details[0].path).toBe('categoryCode');

    const created = await officer.post('/api/care/rules', base);
    expect(created.statusCode).toBe(201);
    expect((await officer.post('/api/care/rules', base)).statusCode).toBe(409);

    const june = await welfareRulesService.inForce(
      ctx.deps.db,
      org.id,
      'visit',
      'hospitalised',
      '2026-06-30',
    );
    const july = await welfareRulesService.inForce(
      ctx.deps.db,
      org.id,
      'visit',
      'hospitalised',
      '2026-07-01',
    );
    expect(june.standardFen).toBe(50_000);
    expect(july.standardFen).toBe(80_000);
    const all: WelfareRuleView[] = (await officer.get('/api/care/rules?subject=visit')).json().data;
    const versions = all.filter((r) => r.code === 'hospitalised');
    expect(versions.map((v) => v.effectiveTo)).toEqual(['2026-06-30', null]);

    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, created.json().data.id));
    expect(audit.map((a) => a.action)).toEqual(['care.rule.create']);
  });

  it('withdraws only a version not yet in force; another union’s is a 404', async () => {
    const { officer } = await careOrg();
    const past = (await officer.post('/api/care/rules', { ...base, effectiveFrom: '2020-01-01' })).json()
      .data;
    const future = (await officer.post('/api/care/rules', { ...base, effectiveFrom: '2099-01-01' })).json()
      .data;
    expect((await officer.delete(`/api/care/rules/${past.id}`)).statusCode).toBe(409);
    const other = await careOrg();
    expect((await other.officer.delete(`/api/care/rules/${future.id}`)).statusCode).toBe(404);
    expect((await officer.delete(`/api/care/rules/${future.id}`)).statusCode).toBe(204);
  });

  it('refuses a date no version covers with 409', async () => {
    const { org, officer } = await careOrg();
    await officer.get('/api/care/rules');
    await expect(
      welfareRulesService.inForce(ctx.deps.db, org.id, 'visit', 'birthday', '1999-12-31'),
    ).rejects.toMatchObject({ status: 409, code: 'WELFARE_RULE_MISSING' });
  });
});

describe('caps and approvers', () => {
  const rule = { subject: 'aid', code: 'illness', yearlyCapFen: 2_000_000, yearlyTimes: null } as const;
  it.each([
    [{ fen: 0, times: 0 }, 2_000_000, true],
    [{ fen: 1_500_000, times: 1 }, 500_000, true],
    [{ fen: 1_500_000, times: 1 }, 500_001, false],
  ])('used %o + %i within the 20,000元 cap: %s', (used, amount, ok) => {
    const call = () => assertWithinCap(rule, used, amount);
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(/最多还可发放5,000\.00元/);
  });

  it('counts times when the rule limits them', () => {
    const once = { subject: 'visit', code: 'birthday', yearlyCapFen: null, yearlyTimes: 1 } as const;
    expect(() => assertWithinCap(once, { fen: 0, times: 0 }, 0)).not.toThrow();
    expect(() => assertWithinCap(once, { fen: 0, times: 1 }, 0)).toThrow(/每人每年最多1次/);
  });

  it('sends amounts above the threshold to the committee', () => {
    expect(approverFor({ approver: 'chair', committeeAboveFen: 1_000_000 }, 1_000_000)).toBe('chair');
    expect(approverFor({ approver: 'chair', committeeAboveFen: 1_000_000 }, 1_000_001)).toBe('committee');
    expect(approverFor({ approver: 'officer', committeeAboveFen: null }, 9_999_999)).toBe('officer');
  });
});
