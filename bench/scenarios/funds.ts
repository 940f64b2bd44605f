import { randomUUID } from 'node:crypto';
import { budgets, expenseRequests, ledgerEntries } from '../../server/db/schema/index.js';
import { bulkInsert } from '../../server/demo/bulk.js';
import { createRng } from '../../server/demo/rng.js';
import { categoriesRepository } from '../../server/modules/funds/categories.repository.js';
import { ensureChart } from '../../server/modules/funds/funds.chart.js';
import type { BenchContext, BenchScenario, Result } from '../types.js';
import { failuresNote } from './members.js';

// The ledger list and the budget execution view with 100,000 ledger entries in one union's year
// (20,000 in --quick), under 20 clients. Entries, budgets and approved requests are bulk-inserted
// directly (the posting service's rules are tested elsewhere; here only the reads are measured).

const YEAR = new Date().getFullYear();
const pad = (n: number) => String(n).padStart(2, '0');

async function load(ctx: BenchContext, entries: number) {
  const union = await ctx.union(10_000);
  const orgId = union.orgId;
  await ensureChart(ctx.db, orgId);
  const all = await categoriesRepository.list(ctx.db, orgId);
  const parents = new Set(all.map((c) => c.parentId));
  const leaves = all.filter((c) => !parents.has(c.id));
  const expense = leaves.filter((c) => c.kind === 'expense');
  const income = leaves.filter((c) => c.kind === 'income');
  const rng = createRng(`bench-funds-${entries}`);
  await bulkInsert(
    ctx.db,
    budgets,
    leaves.map((c) => ({
      id: randomUUID(),
      orgId,
      year: YEAR,
      categoryId: c.id,
      amountFen: rng.int(50_000, 500_000) * 100,
      note: null,
      updatedBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    })),
  );
  await bulkInsert(
    ctx.db,
    expenseRequests,
    Array.from({ length: 500 }, (_, i) => ({
      id: randomUUID(),
      orgId,
      no: `BENCH${YEAR}-${i}`,
      year: YEAR,
      purpose: '职工活动',
      categoryId: rng.pick(expense).id,
      amountFen: rng.int(100, 20_000) * 100,
      payee: '某公司',
      status: 'approved' as const,
      step: 1,
      requestedBy: orgId,
    })),
  );
  const rows = Array.from({ length: entries }, (_, i) => {
    const isIncome = i % 10 === 0;
    const date = `${YEAR}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
    return {
      id: randomUUID(),
      orgId,
      entryDate: date,
      period: date.slice(0, 7),
      kind: isIncome ? ('income' as const) : ('expense' as const),
      categoryId: rng.pick(isIncome ? income : expense).id,
      amountFen: rng.int(10, 5_000) * 100,
      counterparty: isIncome ? '医院财务处' : `职工${i % 3000}`,
      summary: isIncome ? '会费收入' : `慰问 ${i}`,
      voucherNo: `记-${date.slice(5, 7)}-${i}`,
      sourceModule: rng.pick(['visit', 'activity', 'manual', 'funds']),
      sourceId: null,
      approvedBy: isIncome ? null : ('rule' as const),
      overBudget: false,
      createdAt: new Date(`${date}T10:00:00+08:00`),
    };
  });
  await bulkInsert(ctx.db, ledgerEntries, rows);
  await ctx.pool.query('analyze ledger_entries');
  return { orgId, category: rng.pick(expense).id, parent: all.find((c) => c.code === '502')!.id };
}

export const fundsBench: BenchScenario = {
  name: 'funds',
  quick: true,
  async run(ctx) {
    const size = ctx.quick ? 20_000 : 100_000;
    const { value: data, ms } = await ctx.timeIt(() => load(ctx, size));
    ctx.log(`funds: loaded ${size} ledger entries in ${Math.round(ms)} ms`);
    const cookie = await ctx.cookie(data.orgId, ['treasurer']);
    const label = `${size / 1000}k entries`;
    const results: Result[] = [];
    const cases: [string, string][] = [
      ['ledger list p1', '/api/funds/ledger?pageSize=20'],
      ['ledger list p50', '/api/funds/ledger?pageSize=20&page=50'],
      ['ledger list period+category', `/api/funds/ledger?period=${YEAR}-06&categoryId=${data.parent}`],
      ['budget execution', `/api/funds/budget?year=${YEAR}`],
    ];
    for (const [scenario, path] of cases) {
      const s = await ctx.compare('select', { path, cookie });
      results.push({
        scenario,
        size: label,
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
