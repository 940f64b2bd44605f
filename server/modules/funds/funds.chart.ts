import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { fundCategories } from '../../db/schema/index.js';

// The default chart of income and expense categories, after the income and expense accounts of
// 《工会会计制度》(财会〔2021〕7号). The codes are ours (stable, for other modules to post to);
// the names follow the rules' accounts and the usual detail lines of a grass-roots union.

interface ChartNode {
  code: string;
  name: string;
  children?: { code: string; name: string }[];
}

export const INCOME_CHART: ChartNode[] = [
  { code: '401', name: '会费收入' },
  { code: '402', name: '拨缴经费收入' },
  { code: '403', name: '上级补助收入' },
  { code: '404', name: '政府补助收入' },
  { code: '405', name: '行政补助收入' },
  { code: '406', name: '事业收入' },
  { code: '407', name: '投资收益' },
  { code: '409', name: '其他收入' },
];

export const EXPENSE_CHART: ChartNode[] = [
  {
    code: '501',
    name: '职工活动支出',
    children: [
      { code: '50101', name: '职工教育' },
      { code: '50102', name: '文体活动' },
      { code: '50103', name: '宣传活动' },
      { code: '50104', name: '职工之家' },
      { code: '50109', name: '其他活动' },
    ],
  },
  {
    code: '502',
    name: '职工服务支出',
    children: [
      { code: '50201', name: '职工集体福利' },
      { code: '50202', name: '困难职工帮扶' },
      { code: '50203', name: '送温暖' },
      { code: '50204', name: '职工疗休养' },
      { code: '50209', name: '其他服务' },
    ],
  },
  {
    code: '503',
    name: '维权支出',
    children: [
      { code: '50301', name: '劳动关系协调' },
      { code: '50302', name: '劳动保护' },
      { code: '50303', name: '法律援助' },
      { code: '50309', name: '其他维权' },
    ],
  },
  {
    code: '504',
    name: '业务支出',
    children: [
      { code: '50401', name: '培训' },
      { code: '50402', name: '会议' },
      { code: '50403', name: '专项业务' },
      { code: '50409', name: '其他业务' },
    ],
  },
  { code: '505', name: '资本性支出' },
  { code: '506', name: '补助下级支出' },
  { code: '509', name: '其他支出' },
];

/** Codes other modules post to; a union may add categories but these built-in ones stay. */
export const FUND_CATEGORY_CODES = {
  dues: '401',
  allocation: '402',
  superiorGrant: '403',
  subsidy: '405',
  otherIncome: '409',
  education: '50101',
  recreation: '50102',
  staffHome: '50104',
  welfare: '50201',
  hardshipAid: '50202',
  festivalCare: '50203',
  recuperation: '50204',
  training: '50401',
  meeting: '50402',
  otherExpense: '509',
} as const;

/**
 * Seeds the default chart for an org the first time funds are used (idempotent and safe to race:
 * an advisory lock per org serialises the first seeding, and existing codes are left alone).
 */
export async function ensureChart(exec: Executor, orgId: string): Promise<void> {
  const [seeded] = await exec
    .select({ id: fundCategories.id })
    .from(fundCategories)
    .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.builtIn, true)))
    .limit(1);
  if (seeded) return;
  const run = async (tx: Executor) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`funds:chart:${orgId}`}, 0))`);
    for (const [kind, chart] of [
      ['income', INCOME_CHART],
      ['expense', EXPENSE_CHART],
    ] as const) {
      for (const [i, node] of chart.entries()) {
        await tx
          .insert(fundCategories)
          .values({ orgId, code: node.code, name: node.name, kind, sort: i + 1, builtIn: true })
          .onConflictDoNothing();
        if (!node.children) continue;
        const [parent] = await tx
          .select({ id: fundCategories.id })
          .from(fundCategories)
          .where(and(eq(fundCategories.orgId, orgId), eq(fundCategories.code, node.code)));
        await tx
          .insert(fundCategories)
          .values(
            node.children.map((c, j) => ({
              orgId,
              code: c.code,
              name: c.name,
              kind,
              parentId: parent.id,
              sort: j + 1,
              builtIn: true,
            })),
          )
          .onConflictDoNothing();
      }
    }
  };
  // Inside a caller's transaction the lock is held to its end; on the pool we open our own.
  if ('rollback' in exec) await run(exec);
  else await exec.transaction(run);
}
