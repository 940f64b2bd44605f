import { SOURCE_MODULE_LABELS } from '../../../common/schemas/funds.js';
import type {
  BudgetExecutionQuery,
  BudgetExecutionRow,
  BudgetExecutionStatement,
  BySourceQuery,
  BySourceStatement,
  DuesCollectionStatement,
  MonthlyLedgerRow,
  MonthlyLedgerStatement,
} from '../../../common/schemas/statements.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { dueMembersByMonth } from '../dues/dues.service.js';
import { type CategoryRow, statementsRepository as repo } from './statements.repository.js';
import { reviewNotes } from './statements.reviewNotes.js';

// The statements, computed from the ledger: every figure is a sum of entries (reversals included,
// they carry negative amounts), so a statement always agrees with the ledger list.

/** Categories in tree order (siblings by sort, then code) with their depth. */
function treeOrder(categories: CategoryRow[]): { c: CategoryRow; depth: number }[] {
  const children = new Map<string | null, CategoryRow[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  for (const list of children.values()) list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
  const out: { c: CategoryRow; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const c of children.get(parentId) ?? []) {
      out.push({ c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export const statementsService = {
  async budgetExecution(
    deps: Deps,
    auth: AuthContext,
    q: BudgetExecutionQuery,
  ): Promise<BudgetExecutionStatement> {
    const from = q.fromMonth ?? `${q.year}-01`;
    const to = q.toMonth ?? `${q.year}-12`;
    const [orgName, categories, budgets, actual, notes] = await Promise.all([
      repo.orgName(deps.db, auth.orgId),
      repo.categories(deps.db, auth.orgId),
      repo.budgets(deps.db, auth.orgId, q.year),
      repo.actualByCategory(deps.db, auth.orgId, from, to),
      reviewNotes.between(deps.db, auth.orgId, from, to),
    ]);
    const own = new Map<string, { original: number; adjustment: number; actual: number }>();
    const at = (id: string) => {
      let v = own.get(id);
      if (!v) {
        v = { original: 0, adjustment: 0, actual: 0 };
        own.set(id, v);
      }
      return v;
    };
    for (const b of budgets) {
      at(b.categoryId).original += b.originalFen;
      at(b.categoryId).adjustment += b.adjustedFen;
    }
    for (const a of actual) at(a.categoryId).actual += a.amountFen;

    // A parent's figures are its own plus all its descendants'.
    const byId = new Map(categories.map((c) => [c.id, c]));
    const total = new Map<string, { original: number; adjustment: number; actual: number }>();
    for (const [id, v] of own) {
      let cur: CategoryRow | undefined = byId.get(id);
      while (cur) {
        const t = total.get(cur.id) ?? { original: 0, adjustment: 0, actual: 0 };
        t.original += v.original;
        t.adjustment += v.adjustment;
        t.actual += v.actual;
        total.set(cur.id, t);
        cur = cur.parentId ? byId.get(cur.parentId) : undefined;
      }
    }
    const rows: BudgetExecutionRow[] = [];
    const ordered = treeOrder(categories);
    for (const kind of ['income', 'expense'] as const) {
      for (const { c, depth } of ordered.filter((o) => o.c.kind === kind)) {
        const t = total.get(c.id) ?? { original: 0, adjustment: 0, actual: 0 };
        const budgetFen = t.original + t.adjustment;
        rows.push({
          categoryId: c.id,
          code: c.code,
          name: c.name,
          kind,
          depth,
          originalFen: t.original,
          adjustmentFen: t.adjustment,
          budgetFen,
          actualFen: t.actual,
          rate: budgetFen > 0 ? t.actual / budgetFen : null,
        });
      }
    }
    const sum = (kind: 'income' | 'expense', f: (r: BudgetExecutionRow) => number) =>
      rows.filter((r) => r.kind === kind && r.depth === 0).reduce((s, r) => s + f(r), 0);
    const incomeActualFen = sum('income', (r) => r.actualFen);
    const expenseActualFen = sum('expense', (r) => r.actualFen);
    return {
      orgName,
      year: q.year,
      fromMonth: from,
      toMonth: to,
      rows,
      totals: {
        incomeBudgetFen: sum('income', (r) => r.budgetFen),
        incomeActualFen,
        expenseBudgetFen: sum('expense', (r) => r.budgetFen),
        expenseActualFen,
        balanceFen: incomeActualFen - expenseActualFen,
      },
      reviewNotes: notes,
    };
  },

  async monthlyLedger(deps: Deps, auth: AuthContext, month: string): Promise<MonthlyLedgerStatement> {
    const [orgName, openingFen, entries, notes, closed] = await Promise.all([
      repo.orgName(deps.db, auth.orgId),
      repo.balanceBefore(deps.db, auth.orgId, month),
      repo.entriesOfMonth(deps.db, auth.orgId, month),
      reviewNotes.between(deps.db, auth.orgId, month, month),
      repo.isClosed(deps.db, auth.orgId, month),
    ]);
    let balance = openingFen;
    let incomeFen = 0;
    let expenseFen = 0;
    const rows: MonthlyLedgerRow[] = entries.map((e) => {
      const income = e.kind === 'income';
      balance += income ? e.amountFen : -e.amountFen;
      if (income) incomeFen += e.amountFen;
      else expenseFen += e.amountFen;
      return {
        id: e.id,
        entryDate: e.entryDate,
        voucherNo: e.voucherNo,
        summary: e.summary,
        categoryName: e.categoryName,
        sourceModule: e.sourceModule,
        incomeFen: income ? e.amountFen : null,
        expenseFen: income ? null : e.amountFen,
        balanceFen: balance,
        reversal: e.reversesEntryId !== null,
      };
    });
    return {
      orgName,
      month,
      openingFen,
      rows,
      incomeFen,
      expenseFen,
      closingFen: balance,
      closed,
      reviewNotes: notes,
    };
  },

  async bySource(deps: Deps, auth: AuthContext, q: BySourceQuery): Promise<BySourceStatement> {
    const [orgName, groups, notes] = await Promise.all([
      repo.orgName(deps.db, auth.orgId),
      repo.bySource(deps.db, auth.orgId, q.fromMonth, q.toMonth),
      reviewNotes.between(deps.db, auth.orgId, q.fromMonth, q.toMonth),
    ]);
    const bySource = new Map<string, BySourceStatement['rows'][number]>();
    for (const g of groups) {
      const row = bySource.get(g.sourceModule) ?? {
        sourceModule: g.sourceModule,
        label: SOURCE_MODULE_LABELS[g.sourceModule] ?? g.sourceModule,
        incomeCount: 0,
        incomeFen: 0,
        expenseCount: 0,
        expenseFen: 0,
      };
      if (g.kind === 'income') {
        row.incomeCount += g.count;
        row.incomeFen += g.amountFen;
      } else {
        row.expenseCount += g.count;
        row.expenseFen += g.amountFen;
      }
      bySource.set(g.sourceModule, row);
    }
    const rows = [...bySource.values()].sort((a, b) => a.sourceModule.localeCompare(b.sourceModule));
    return {
      orgName,
      fromMonth: q.fromMonth,
      toMonth: q.toMonth,
      rows,
      incomeFen: rows.reduce((s, r) => s + r.incomeFen, 0),
      expenseFen: rows.reduce((s, r) => s + r.expenseFen, 0),
      reviewNotes: notes,
    };
  },

  async duesCollection(deps: Deps, auth: AuthContext, year: number): Promise<DuesCollectionStatement> {
    const [orgName, byMonth, byDepartment, notes] = await Promise.all([
      repo.orgName(deps.db, auth.orgId),
      repo.duesByMonth(deps.db, auth.orgId, year),
      repo.duesByDepartment(deps.db, auth.orgId, year),
      reviewNotes.between(deps.db, auth.orgId, `${year}-01`, `${year}-12`),
    ]);
    const due = await dueMembersByMonth(
      deps.db,
      auth.orgId,
      byMonth.map((m) => m.month),
    );
    return {
      orgName,
      year,
      months: byMonth.map((m) => ({
        month: m.month,
        dueMembers: due.get(m.month) ?? 0,
        payers: m.payers,
        expectedFen: m.expectedFen,
        collectedFen: m.amountFen,
      })),
      departments: byDepartment.map((d) => ({
        departmentId: d.departmentId,
        departmentName: d.departmentName,
        payments: d.payments,
        expectedFen: d.expectedFen,
        collectedFen: d.amountFen,
      })),
      expectedFen: byMonth.reduce((s, m) => s + m.expectedFen, 0),
      collectedFen: byMonth.reduce((s, m) => s + m.amountFen, 0),
      reviewNotes: notes,
    };
  },
};
