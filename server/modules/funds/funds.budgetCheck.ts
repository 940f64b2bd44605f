import { yuan } from '../../../common/schemas/funds.js';
import type { Executor } from '../../db/client.js';
import { conflict } from '../../lib/errors.js';
import { budgetRepository } from './budget.repository.js';
import type { FundCategory } from './categories.repository.js';
import { lockBudget } from './funds.locks.js';
import { getFundSettings } from './funds.settings.js';

/**
 * The budget rule for spending `amountFen` from a category in a year: remaining = budget − paid −
 * committed (approved, unpaid requests other than `excludeRequestId`). Over it, the category's rule
 * (or the org's) either refuses with 409 or lets it through flagged. Takes the category's budget lock
 * first, so concurrent spenders see each other's effect; call it inside the spending transaction.
 */
export async function checkBudget(
  exec: Executor,
  orgId: string,
  category: FundCategory,
  year: number,
  amountFen: number,
  excludeRequestId: string | null = null,
): Promise<{ overBudget: boolean; remainingFen: number }> {
  await lockBudget(exec, orgId, year, category.id);
  const f = await budgetRepository.figuresOf(exec, orgId, year, category.id, excludeRequestId);
  const remainingFen = f.budgetFen - f.paidFen - f.committedFen;
  if (amountFen <= remainingFen) return { overBudget: false, remainingFen };
  const rule = category.overBudgetRule ?? (await getFundSettings(exec, orgId)).overBudgetRule;
  if (rule === 'refuse') {
    throw conflict(
      'OVER_BUDGET',
      `超出预算：「${category.name}」${year}年剩余可用${yuan(Math.max(remainingFen, 0))}元，本次${yuan(amountFen)}元`,
    );
  }
  return { overBudget: true, remainingFen };
}
