import type { ApprovalStep, ExpenseRequestStatus } from '../../../common/schemas/funds.js';
import type { Tx } from '../../db/client.js';
import { addDays } from '../../lib/businessDate.js';
import { budgetRepository } from '../../modules/funds/budget.repository.js';
import { categoriesRepository } from '../../modules/funds/categories.repository.js';
import { expenseRequestsRepository } from '../../modules/funds/expenseRequests.repository.js';
import { stepsFor } from '../../modules/funds/expenseRequests.state.js';
import { ensureChart, FUND_CATEGORY_CODES } from '../../modules/funds/funds.chart.js';
import { fundsPosting } from '../../modules/funds/funds.posting.js';
import { DEFAULT_FUND_SETTINGS } from '../../modules/funds/funds.settings.js';
import { ledgerRepository } from '../../modules/funds/ledger.repository.js';
import type { Rng } from '../rng.js';
import type { DemoContext, DemoGenerator } from '../types.js';

// A year of union funds: a budget for every category, expense requests in every state (most paid,
// through the posting service), small payments booked by rule from visits and activities, subsidy
// income, one reversal. Runs before dues; `fundsCloseGenerator` closes the finished months after it.

const C = FUND_CATEGORY_CODES;

/** Yearly budget in yuan per leaf category code (a 2,000-staff hospital union's scale). */
const BUDGET_YUAN: Record<string, number> = {
  '50101': 120_000,
  '50102': 380_000,
  '50103': 60_000,
  '50104': 150_000,
  '50109': 40_000,
  '50201': 260_000,
  '50202': 220_000,
  '50203': 300_000,
  '50204': 180_000,
  '50209': 30_000,
  '50301': 20_000,
  '50302': 30_000,
  '50303': 15_000,
  '50309': 5_000,
  '50401': 80_000,
  '50402': 40_000,
  '50403': 60_000,
  '50409': 10_000,
  '505': 100_000,
  '506': 0,
  '509': 20_000,
  '401': 600_000,
  '402': 1_400_000,
  '403': 100_000,
  '405': 300_000,
};

/** Requests a union raises over a year: purpose, category, amount range in yuan, payee. */
const REQUESTS: [string, string, number, number, string][] = [
  ['职工迎新春趣味运动会奖品', C.recreation, 8_000, 30_000, '市体育用品有限公司'],
  ['“三八”妇女节女职工活动', C.recreation, 10_000, 40_000, '市文化活动中心'],
  ['护士节表彰及文艺汇演', C.recreation, 15_000, 50_000, '市演艺服务有限公司'],
  ['职工篮球赛场地及服装', C.recreation, 5_000, 18_000, '市体育中心'],
  ['职工书屋图书采购', C.staffHome, 3_000, 12_000, '新华书店'],
  ['职工之家健身器材更新', C.staffHome, 20_000, 60_000, '健身器材有限公司'],
  ['新入职护士岗前心理健康讲座', C.education, 1_000, 5_000, '市心理咨询中心'],
  ['劳模及先进工作者疗休养', C.recuperation, 20_000, 60_000, '市职工疗休养院'],
  ['夏季防暑降温慰问品', C.welfare, 30_000, 90_000, '市百货有限公司'],
  ['中秋节职工慰问品', C.welfare, 50_000, 120_000, '市食品有限公司'],
  ['大病职工困难补助', C.hardshipAid, 3_000, 20_000, '困难职工（见名单）'],
  ['工会干部业务培训', C.training, 5_000, 20_000, '市总工会干部学校'],
  ['职工代表大会会务', C.meeting, 3_000, 15_000, '医院会议中心'],
  ['送温暖慰问困难职工', C.festivalCare, 20_000, 80_000, '困难职工（见名单）'],
];

/** Small payments booked by rule (≤ the direct limit) from other modules' records. */
const SMALL: [string, string, string, number, number][] = [
  ['visit', C.festivalCare, '住院职工慰问', 300, 1_000],
  ['visit', C.festivalCare, '职工结婚慰问', 500, 1_000],
  ['visit', C.festivalCare, '职工直系亲属去世慰问', 500, 1_000],
  ['visit', C.welfare, '职工生日蛋糕券', 100, 200],
  ['activity', C.recreation, '工会小组活动经费', 500, 2_000],
  ['activity', C.education, '读书分享会茶歇', 200, 800],
  ['manual', C.meeting, '工会委员会会议资料印制', 100, 600],
  ['manual', C.otherExpense, '银行手续费', 10, 60],
];

const pad = (n: number) => String(n).padStart(2, '0');
const fen = (rng: Rng, lo: number, hi: number) => rng.int(lo, hi) * 100;

export const fundsGenerator: DemoGenerator = {
  name: 'funds',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, actor, year, today } = ctx;
    await ensureChart(tx, orgId);
    const category = async (code: string) => (await categoriesRepository.findByCode(tx, orgId, code))!;

    for (const [code, yuan] of Object.entries(BUDGET_YUAN)) {
      const c = await category(code);
      await budgetRepository.upsertBudget(tx, {
        orgId,
        year,
        categoryId: c.id,
        amountFen: yuan * 100,
        note: '经工会委员会审议通过的年度预算',
        updatedBy: null,
      });
    }
    // One adjustment approved by the chair mid-year, one still waiting.
    const chair = ctx.users.chair?.[0];
    const treasurer = ctx.users.treasurer?.[0];
    const raiser = ctx.users.viceChair?.[0] ?? ctx.users.officer?.[0];
    if (!raiser) throw new Error('funds demo: the users generator made no vice chair or officer');
    await budgetRepository.insertAdjustment(tx, {
      orgId,
      year,
      categoryId: (await category(C.hardshipAid)).id,
      deltaFen: 5_000_000,
      reason: '大病职工增多，追加困难帮扶预算',
      status: 'approved',
      requestedByName: treasurer?.displayName ?? '工会会计',
      decidedByName: chair?.displayName ?? '工会主席',
      decidedAt: new Date(`${year}-06-10T10:00:00+08:00`),
      decisionNote: '同意，经工会委员会研究',
    });
    await budgetRepository.insertAdjustment(tx, {
      orgId,
      year,
      categoryId: (await category(C.training)).id,
      deltaFen: -2_000_000,
      reason: '培训改为线上，调减培训预算',
      requestedByName: treasurer?.displayName ?? '工会会计',
    });

    const start = [`${year}-01-02`, today].sort()[0];
    const dates = (n: number) => Array.from({ length: n }, () => rng.date(start, today)).sort();
    let entries = 0;

    // Requests in every state; most are paid.
    const statuses = rng.shuffle<ExpenseRequestStatus>([
      ...Array<ExpenseRequestStatus>(30).fill('paid'),
      'approved',
      'approved',
      'approved',
      'pending',
      'pending',
      'pending',
      'refused',
      'withdrawn',
      'draft',
    ]);
    const raised = dates(statuses.length);
    for (const [i, status] of statuses.entries()) {
      const [purpose, code, lo, hi, payee] = rng.pick(REQUESTS);
      const c = await category(code);
      const amountFen = fen(rng, lo, hi);
      const steps = stepsFor(amountFen, DEFAULT_FUND_SETTINGS);
      const date = raised[i];
      const done = status === 'paid' || status === 'approved';
      const step = done ? steps.length : status === 'pending' ? rng.int(0, steps.length - 1) : 0;
      const r = await expenseRequestsRepository.insert(tx, {
        orgId,
        no: `SQ${year}-${String(i + 1).padStart(4, '0')}`,
        year,
        purpose,
        categoryId: c.id,
        amountFen,
        payee,
        status: status === 'paid' ? 'approved' : status,
        steps,
        step,
        committeeMeetingDate: done && steps.includes('committee') ? date : null,
        committeeMinutesRef:
          done && steps.includes('committee') ? `工会委员会纪要〔${year}〕${i + 1}号` : null,
        refusalReason: status === 'refused' ? '不在工会经费开支范围内，建议由行政经费列支' : null,
        requestedBy: raiser.id,
        requestedByName: raiser.displayName,
        submittedAt: status === 'draft' ? null : new Date(`${date}T09:00:00+08:00`),
        createdAt: new Date(`${date}T08:30:00+08:00`),
      });
      await timeline(tx, ctx, r.id, status, steps, step, date);
      if (status === 'paid') {
        const paidOn = [addDays(date, rng.int(1, 10)), today].sort()[0];
        await fundsPosting.post(tx, actor, {
          orgId,
          source: { module: 'funds', id: r.id },
          categoryId: c.id,
          amountFen,
          date: paidOn,
          kind: 'expense',
          payee,
          summary: `${r.no} ${purpose}`,
          voucherNo: `记-${paidOn.slice(5, 7)}-${pad(rng.int(1, 60))}`,
          expenseRequestId: r.id,
          payMethod: rng.pick(['transfer', 'transfer', 'officialCard', 'cash'] as const),
        });
        entries++;
      }
    }

    // Small payments by rule: visits, group activities, sundries.
    for (const date of dates(140)) {
      const [module, code, summary, lo, hi] = rng.pick(SMALL);
      const person = rng.pick(ctx.members);
      await fundsPosting.post(tx, actor, {
        orgId,
        source: { module, id: module === 'manual' ? null : person.id },
        categoryCode: code,
        amountFen: fen(rng, lo, hi),
        date,
        kind: 'expense',
        payee: module === 'visit' ? person.name : module === 'manual' ? '医院办公室' : '工会小组',
        summary: module === 'visit' ? `${summary} ${person.name}` : summary,
        voucherNo: `记-${date.slice(5, 7)}-${pad(rng.int(1, 60))}`,
      });
      entries++;
    }

    // 行政补助 twice a year, one 上级补助.
    for (const [code, payer, summary, date, amount] of [
      [C.subsidy, '医院财务处', '医院行政补助（上半年）', `${year}-01-20`, 150_000],
      [C.subsidy, '医院财务处', '医院行政补助（下半年）', `${year}-07-20`, 150_000],
      [C.superiorGrant, '市总工会', '上级工会困难职工帮扶补助', `${year}-04-15`, 50_000],
    ] as const) {
      if (date > today) continue;
      await fundsPosting.post(tx, actor, {
        orgId,
        source: { module: 'manual' },
        categoryCode: code,
        amountFen: amount * 100,
        date,
        kind: 'income',
        payee: payer,
        summary,
      });
      entries++;
    }

    // A duplicated bank fee, reversed the same day.
    const dup = await fundsPosting.post(tx, actor, {
      orgId,
      source: { module: 'manual' },
      categoryCode: C.otherExpense,
      amountFen: 2_000,
      date: today,
      kind: 'expense',
      payee: '开户银行',
      summary: '银行手续费（重复录入）',
    });
    await fundsPosting.reverse(tx, actor, { orgId, entryId: dup.id, date: today, reason: '重复录入' });
    entries += 2;

    return {
      budgets: Object.keys(BUDGET_YUAN).length,
      expenseRequests: statuses.length,
      fundEntries: entries,
    };
  },
};

/** The request's history, dated on the day it was raised. */
async function timeline(
  tx: Tx,
  ctx: DemoContext,
  requestId: string,
  status: ExpenseRequestStatus,
  steps: ApprovalStep[],
  step: number,
  date: string,
) {
  const at = (h: number) => new Date(`${date}T${pad(h)}:00:00+08:00`);
  const by = (role: 'officer' | 'chair') => ctx.users[role]?.[0];
  const events: { action: string; step?: string; from: string | null; to: string; who?: string }[] = [
    { action: 'create', from: null, to: 'draft' },
  ];
  if (status !== 'draft') events.push({ action: 'submit', from: 'draft', to: 'pending' });
  const approvedSteps = status === 'pending' || status === 'refused' ? step : steps.length;
  for (let i = 0; i < approvedSteps; i++) {
    const last = i === steps.length - 1;
    events.push({
      action: 'approve',
      step: steps[i],
      from: 'pending',
      to: last ? 'approved' : 'pending',
      who: by(steps[i] === 'officer' ? 'officer' : 'chair')?.displayName,
    });
  }
  if (status === 'refused') {
    events.push({
      action: 'refuse',
      step: steps[step],
      from: 'pending',
      to: 'refused',
      who: by('officer')?.displayName,
    });
  }
  if (status === 'withdrawn') events.push({ action: 'withdraw', from: 'pending', to: 'withdrawn' });
  for (const [i, e] of events.entries()) {
    await expenseRequestsRepository.insertEvent(tx, {
      orgId: ctx.orgId,
      requestId,
      action: e.action,
      step: e.step ?? null,
      fromStatus: e.from,
      toStatus: e.to,
      comment: e.action === 'refuse' ? '不在工会经费开支范围内，建议由行政经费列支' : null,
      actorName: e.who ?? ctx.users.viceChair?.[0]?.displayName ?? null,
      createdAt: at(9 + i),
    });
  }
}

/** After dues: closes every finished month of the demo year, in order (the dues generator closed January). */
export const fundsCloseGenerator: DemoGenerator = {
  name: 'fundsClose',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    let closed = 0;
    for (let m = 1; m <= 12; m++) {
      const period = `${ctx.year}-${pad(m)}`;
      if (period >= ctx.today.slice(0, 7)) break;
      const row = await ledgerRepository.closePeriod(ctx.tx, {
        orgId: ctx.orgId,
        period,
        closedBy: null,
        closedByName: ctx.users.treasurer?.[0]?.displayName ?? '工会会计',
      });
      if (row) closed++;
    }
    return { closedPeriods: closed };
  },
};
