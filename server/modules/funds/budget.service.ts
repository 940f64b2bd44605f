import type {
  AdjustmentCreate,
  AdjustmentView,
  BudgetSet,
  CategoryView,
  Decision,
  ExecutionRow,
  FundsSummary,
} from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { budgetRepository } from './budget.repository.js';
import { categoriesRepository } from './categories.repository.js';
import { categoriesService } from './categories.service.js';
import { ensureChart } from './funds.chart.js';

type OrgActor = Actor & { orgId: string };

/** Budget and adjustments go on leaf categories; parents show the sum of their subtree. */
async function leafCategory(exec: Executor, orgId: string, categoryId: string) {
  await ensureChart(exec, orgId);
  const c = await categoriesRepository.findById(exec, orgId, categoryId);
  if (!c) throw invalid([{ path: 'categoryId', message: '经费科目不存在' }]);
  if (await categoriesRepository.hasChildren(exec, orgId, c.id)) {
    throw invalid([{ path: 'categoryId', message: `「${c.name}」有下级科目，预算请编到末级科目` }]);
  }
  return c;
}

/**
 * The execution view of a year: every category with its own and its subtree's figures, rolled up
 * in one pass over the tree (children are listed after their parents, so a reverse walk sums up).
 */
export function rollUp(
  categories: CategoryView[],
  figures: Map<string, { originalFen: number; adjustedFen: number; committedFen: number; paidFen: number }>,
): ExecutionRow[] {
  const rows = new Map<string, ExecutionRow>();
  for (const c of categories) {
    const f = figures.get(c.id);
    const originalFen = f?.originalFen ?? 0;
    const adjustedFen = f?.adjustedFen ?? 0;
    rows.set(c.id, {
      categoryId: c.id,
      code: c.code,
      name: c.name,
      kind: c.kind,
      parentId: c.parentId,
      leaf: c.leaf,
      originalFen,
      adjustedFen,
      budgetFen: originalFen + adjustedFen,
      committedFen: f?.committedFen ?? 0,
      paidFen: f?.paidFen ?? 0,
      remainingFen: 0,
    });
  }
  // Depth-first order: a parent before its children; walking it backwards adds each child into its parent.
  const order: string[] = [];
  const children = new Map<string | null, CategoryView[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const visit = (parentId: string | null) => {
    for (const c of children.get(parentId) ?? []) {
      order.push(c.id);
      visit(c.id);
    }
  };
  visit(null);
  for (const id of [...order].reverse()) {
    const r = rows.get(id)!;
    r.remainingFen = r.budgetFen - r.committedFen - r.paidFen;
    const p = r.parentId ? rows.get(r.parentId) : undefined;
    if (!p) continue;
    p.originalFen += r.originalFen;
    p.adjustedFen += r.adjustedFen;
    p.budgetFen += r.budgetFen;
    p.committedFen += r.committedFen;
    p.paidFen += r.paidFen;
  }
  return order.map((id) => rows.get(id)!);
}

async function execution(exec: Executor, orgId: string, year: number): Promise<ExecutionRow[]> {
  const categories = await categoriesService.listFor(exec, orgId);
  const figures = new Map(
    (await budgetRepository.figuresByCategory(exec, orgId, year)).map((f) => [f.categoryId, f]),
  );
  return rollUp(categories, figures);
}

export const budgetService = {
  execution: (deps: Deps, auth: AuthContext, year: number) => execution(deps.db, auth.orgId, year),

  /** Totals only, for everyone with funds:summary (no payee, no entry). */
  async summary(deps: Deps, auth: AuthContext, year: number): Promise<FundsSummary> {
    const rows = (await execution(deps.db, auth.orgId, year)).filter((r) => !r.parentId);
    const sum = (kind: 'income' | 'expense', k: 'budgetFen' | 'paidFen' | 'committedFen') =>
      rows.filter((r) => r.kind === kind).reduce((s, r) => s + r[k], 0);
    return {
      year,
      expenseBudgetFen: sum('expense', 'budgetFen'),
      expensePaidFen: sum('expense', 'paidFen'),
      expenseCommittedFen: sum('expense', 'committedFen'),
      incomeBudgetFen: sum('income', 'budgetFen'),
      incomeReceivedFen: sum('income', 'paidFen'),
    };
  },

  async setBudget(deps: Deps, actor: OrgActor, input: BudgetSet) {
    return deps.db.transaction(async (tx) => {
      const c = await leafCategory(tx, actor.orgId, input.categoryId);
      const before = await budgetRepository.findBudget(tx, actor.orgId, input.year, c.id);
      const row = await budgetRepository.upsertBudget(tx, {
        orgId: actor.orgId,
        year: input.year,
        categoryId: c.id,
        amountFen: input.amountFen,
        note: input.note,
        updatedBy: actor.userId,
      });
      await writeAudit(tx, actor, {
        action: 'funds.budget.set',
        objectType: 'budget',
        objectId: row.id,
        detail: { year: input.year, category: c.code, from: before?.amountFen ?? null, to: input.amountFen },
      });
      return {
        id: row.id,
        year: row.year,
        categoryId: row.categoryId,
        amountFen: row.amountFen,
        note: row.note,
      };
    });
  },

  async listAdjustments(deps: Deps, auth: AuthContext, year: number): Promise<AdjustmentView[]> {
    const names = new Map((await categoriesService.listFor(deps.db, auth.orgId)).map((c) => [c.id, c.name]));
    return (await budgetRepository.listAdjustments(deps.db, auth.orgId, year)).map((a) => ({
      id: a.id,
      year: a.year,
      categoryId: a.categoryId,
      categoryName: names.get(a.categoryId) ?? '',
      deltaFen: a.deltaFen,
      reason: a.reason,
      status: a.status,
      requestedByName: a.requestedByName,
      decidedByName: a.decidedByName,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      decisionNote: a.decisionNote,
      createdAt: a.createdAt.toISOString(),
    }));
  },

  async createAdjustment(deps: Deps, actor: OrgActor, input: AdjustmentCreate) {
    return deps.db.transaction(async (tx) => {
      const c = await leafCategory(tx, actor.orgId, input.categoryId);
      const [row] = await budgetRepository.insertAdjustment(tx, {
        orgId: actor.orgId,
        year: input.year,
        categoryId: c.id,
        deltaFen: input.deltaFen,
        reason: input.reason,
        requestedBy: actor.userId,
        requestedByName: actor.name,
      });
      await writeAudit(tx, actor, {
        action: 'funds.budget.adjust',
        objectType: 'budgetAdjustment',
        objectId: row.id,
        detail: { year: input.year, category: c.code, deltaFen: input.deltaFen },
      });
      return { id: row.id, status: row.status };
    });
  },

  /** The chair approves or refuses an adjustment; an approved one counts in the budget figure. */
  async decideAdjustment(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: Decision) {
    if (!auth.roles.includes('chair')) throw forbidden('FORBIDDEN', '预算调整由工会主席审批');
    return deps.db.transaction(async (tx) => {
      const a = await budgetRepository.findAdjustmentForUpdate(tx, actor.orgId, id);
      if (!a) throw notFound('BUDGET_ADJUSTMENT_NOT_FOUND');
      if (a.status !== 'pending') throw conflict('INVALID_TRANSITION', '该预算调整已审批');
      const row = await budgetRepository.decideAdjustment(tx, a.id, {
        status: input.approve ? 'approved' : 'refused',
        decidedBy: actor.userId,
        decidedByName: actor.name,
        decisionNote: input.note,
      });
      await writeAudit(tx, actor, {
        action: 'funds.budget.adjustDecide',
        objectType: 'budgetAdjustment',
        objectId: a.id,
        detail: { status: row.status },
      });
      return { id: row.id, status: row.status };
    });
  },
};
