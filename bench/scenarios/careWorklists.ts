import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { aidCases, careEvents, hardshipFiles, visits, welfareRules } from '../../server/db/schema/index.js';
import { bulkInsert } from '../../server/demo/bulk.js';
import { addDays, createRng } from '../../server/demo/rng.js';
import { ensureWelfareRules } from '../../server/modules/welfareRules/welfareRules.service.js';
import type { BenchContext, BenchScenario, Result } from '../types.js';
import { failuresNote } from './members.js';

// The care worklists and the year's figures at 10,000 staff (target p95 < 100 ms under 20 clients):
// this month's birthdays, reported events without a visit, the festival list, the numbers for the
// year and the care home that gathers the worklists. Demo-like data, bulk-inserted directly (the
// workflows have their own tests): a birthday visit for everyone whose birthday has passed this
// year, a visit for one member in eight for illness, hospital, a wedding…, the last festival's
// visits to retirees, 400 reported events (60 still open, some overdue), 250 hardship households
// and 150 aid cases.

const pad = (n: number) => String(n).padStart(2, '0');
const REASONS = ['illness', 'hospitalised', 'bereavement', 'wedding', 'childbirth', 'retirement'] as const;
const AID_KINDS = ['illness', 'accident', 'disaster', 'education', 'other'] as const;
const AID_STATES = ['submitted', 'recommended', 'reviewed', 'approved', 'paid', 'paid', 'paid', 'refused'];

async function load(ctx: BenchContext) {
  const started = performance.now();
  const union = await ctx.union(10_000);
  const orgId = union.orgId;
  const now = new Date();
  const year = now.getFullYear();
  const today = `${year}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const rng = createRng('bench-care');
  await ensureWelfareRules(ctx.db, orgId);
  const rules = new Map(
    (
      await ctx.db
        .select({ id: welfareRules.id, subject: welfareRules.subject, code: welfareRules.code })
        .from(welfareRules)
        .where(eq(welfareRules.orgId, orgId))
    ).map((r) => [`${r.subject}:${r.code}`, r.id]),
  );
  const people = (
    await ctx.pool.query<{ id: string; birth: string; retired: boolean; department_id: string }>(
      `select id, birth_date::text as birth, (status = 'retired' or employment_type = 'retired') as retired,
              department_id from members where org_id = $1 and status not in ('left', 'transferredOut')`,
      [orgId],
    )
  ).rows;

  const visit = (
    memberId: string,
    reason: string,
    date: string,
    cashFen: number,
    festival: string | null,
  ) => ({
    id: randomUUID(),
    orgId,
    memberId,
    reason: reason as 'birthday',
    visitDate: date,
    visitors: '工会主席、工会干事',
    gift: null,
    cashFen,
    ruleId: rules.get(`visit:${reason}`) as string,
    standardFen: cashFen,
    notes: null,
    festival,
    status: 'done' as const,
    createdAt: new Date(),
  });
  const rows = [];
  for (const p of people) {
    const birthday = `${year}-${p.birth.slice(5)}`;
    if (birthday < today && !birthday.endsWith('02-29'))
      rows.push(visit(p.id, 'birthday', birthday, 20_000, null));
    if (rng.chance(1 / 8)) {
      rows.push(
        visit(
          p.id,
          rng.pick(REASONS),
          `${year}-${pad(rng.int(1, now.getMonth() + 1))}-1${rng.int(0, 5)}`,
          50_000,
          null,
        ),
      );
    }
    if (p.retired) rows.push(visit(p.id, 'holiday', `${year}-01-20`, 50_000, `${year}春节`));
  }
  // A month's visits could land after today: keep the year's past only.
  const past = rows.filter((r) => r.visitDate <= today);
  await bulkInsert(ctx.db, visits, past);

  await bulkInsert(
    ctx.db,
    careEvents,
    Array.from({ length: 400 }, (_, i) => {
      const open = i < 60;
      return {
        id: randomUUID(),
        orgId,
        memberId: rng.pick(people).id,
        kind: rng.pick(REASONS),
        eventDate: addDays(today, open ? -rng.int(0, 10) : -rng.int(10, 300)),
        note: null,
        status: open ? ('open' as const) : ('dismissed' as const),
        reportedByName: '小组长',
        createdAt: new Date(),
      };
    }),
  );

  // Arrays (reasons) are outside bulkInsert: 250 rows go in one plain insert.
  const households = people.slice(0, 250);
  await ctx.db.insert(hardshipFiles).values(
    households.map((p, i) => ({
      orgId,
      memberId: p.id,
      level: rng.pick(['general', 'general', 'special', 'deep'] as const),
      reasons: [rng.pick(['illness', 'disability', 'childrenInSchool', 'singleParent'])],
      detailsEnc: ctx.sealer.seal('{"household":[],"monthlyIncomePerHeadFen":120000}'),
      registeredOn: addDays(today, -rng.int(30, 900)),
      nextReviewOn: addDays(today, i % 10 === 0 ? -5 : rng.int(1, 360)),
    })),
  );

  await ctx.db.insert(aidCases).values(
    Array.from({ length: 150 }, (_, i) => {
      const p = people[(i * 61) % people.length];
      const kind = AID_KINDS[i % AID_KINDS.length];
      const state = AID_STATES[i % AID_STATES.length];
      const asked = rng.int(10, 300) * 10_000;
      const granted = ['reviewed', 'approved', 'paid'].includes(state) ? asked / 2 : null;
      return {
        orgId,
        memberId: p.id,
        departmentId: p.department_id,
        kind,
        ruleId: rules.get(`aid:${kind}`) as string,
        appliedOn: addDays(today, -rng.int(0, 300)),
        amountAskedFen: asked,
        amountGrantedFen: granted,
        reasonEnc: ctx.sealer.seal('大病'),
        checklist: [],
        state,
        approvalLevel: granted ? 'chair' : null,
      };
    }),
  );
  for (const t of ['visits', 'care_events', 'hardship_files', 'aid_cases'])
    await ctx.pool.query(`vacuum analyze ${t}`);
  const open = await ctx.db
    .select({ id: careEvents.id })
    .from(careEvents)
    .where(and(eq(careEvents.orgId, orgId), eq(careEvents.status, 'open')));
  ctx.log(
    `care: ${past.length} visits, 400 reported events (${open.length} open), 250 hardship files, 150 aid cases in union ${orgId}, loaded in ${Math.round(performance.now() - started)} ms`,
  );
  return { cookie: await ctx.cookie(orgId, ['officer']), year, month: today.slice(0, 7) };
}

export const careWorklistsBench: BenchScenario = {
  name: 'care-worklists',
  quick: true,
  async run(ctx) {
    const { cookie, year, month } = await load(ctx);
    // The festival list asks for the next Spring Festival, as the worklist page does from March on.
    const festival = encodeURIComponent(`${new Date().getMonth() >= 2 ? year + 1 : year}春节`);
    // Short alternations in --quick: five endpoints must fit in about ten seconds.
    const opts = ctx.quick ? { seconds: 0.5 } : {};
    const results: Result[] = [];
    for (const [label, path] of [
      ['care: birthdays this month', `/api/care/worklists/birthdays?month=${month}`],
      ['care: events without a visit', '/api/care/events?status=open&pageSize=20'],
      ['care: festival list', `/api/care/worklists/festival?festival=${festival}`],
      ['care: numbers for the year', `/api/care/stats?year=${year}`],
      ['care: home (all worklists)', '/api/care/home'],
    ] as const) {
      const s = await ctx.compare('select', { path, cookie }, opts);
      results.push({
        scenario: label,
        size: '10k staff',
        conc: 20,
        ...s,
        ceiling: 'select',
        targets: [{ label: 'p95<100ms', ok: s.p95 < 100 }],
        note: failuresNote(s.failures),
      });
    }
    return results;
  },
};
