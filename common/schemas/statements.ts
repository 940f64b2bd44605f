import { z } from 'zod';
import { month } from './dues.js';
import { isoDate, optionalText, requiredText } from './shared.js';

// The funds statements (收支预算执行情况表, 明细账, 按来源收支, 会费收缴) and the fund auditors' review notes.

const year = z.coerce.number({ error: '年份应为数字' }).int().min(2000, '年份无效').max(2100, '年份无效');
const fmt = z.enum(['json', 'xlsx'], { error: '格式只能是 json 或 xlsx' }).default('json');

/** A month range within one year; without months, the whole year. */
export const budgetExecutionQuery = z
  .strictObject({
    year,
    fromMonth: month('起始月份').optional(),
    toMonth: month('截止月份').optional(),
    format: fmt,
  })
  .refine((q) => !q.fromMonth || q.fromMonth.startsWith(`${q.year}-`), {
    path: ['fromMonth'],
    message: '起始月份须在所选年度内',
  })
  .refine((q) => !q.toMonth || q.toMonth.startsWith(`${q.year}-`), {
    path: ['toMonth'],
    message: '截止月份须在所选年度内',
  })
  .refine((q) => !q.fromMonth || !q.toMonth || q.fromMonth <= q.toMonth, {
    path: ['toMonth'],
    message: '截止月份不能早于起始月份',
  });
export type BudgetExecutionQuery = z.infer<typeof budgetExecutionQuery>;

export const monthlyLedgerQuery = z.strictObject({ month: month('月份'), format: fmt });
export type MonthlyLedgerQuery = z.infer<typeof monthlyLedgerQuery>;

export const bySourceQuery = z
  .strictObject({ fromMonth: month('起始月份'), toMonth: month('截止月份'), format: fmt })
  .refine((q) => q.fromMonth <= q.toMonth, { path: ['toMonth'], message: '截止月份不能早于起始月份' });
export type BySourceQuery = z.infer<typeof bySourceQuery>;

export const duesCollectionQuery = z.strictObject({ year, format: fmt });
export type DuesCollectionQuery = z.infer<typeof duesCollectionQuery>;

export const reviewNoteListQuery = z.strictObject({ year });

export const periodParams = z.strictObject({ period: month('期间') });

export const reviewNoteBody = z.strictObject({
  opinion: requiredText('审查意见', 2000),
  findings: optionalText('发现的问题', 4000),
  reviewedOn: isoDate('审查日期'),
  /** The version read; omitted when writing the period's first note. */
  version: z.number({ error: '版本号应为数字' }).int().min(1).optional(),
});
export type ReviewNoteBody = z.infer<typeof reviewNoteBody>;

export interface ReviewNoteView {
  id: string;
  period: string;
  opinion: string;
  findings: string | null;
  reviewedOn: string;
  authorName: string | null;
  version: number;
  /** The month is closed: the note is frozen with the books. */
  locked: boolean;
  updatedAt: string;
}

export interface BudgetExecutionRow {
  categoryId: string;
  code: string;
  name: string;
  kind: 'income' | 'expense';
  /** 0 for a top-level category; children are indented under their parent. */
  depth: number;
  originalFen: number;
  adjustmentFen: number;
  budgetFen: number;
  actualFen: number;
  /** actual / budget, or null without a budget. */
  rate: number | null;
}

export interface StatementTotals {
  incomeBudgetFen: number;
  incomeActualFen: number;
  expenseBudgetFen: number;
  expenseActualFen: number;
  /** income − expense of the range. */
  balanceFen: number;
}

export interface BudgetExecutionStatement {
  orgName: string;
  year: number;
  fromMonth: string;
  toMonth: string;
  rows: BudgetExecutionRow[];
  totals: StatementTotals;
  reviewNotes: ReviewNoteView[];
}

export interface MonthlyLedgerRow {
  id: string;
  entryDate: string;
  voucherNo: string | null;
  summary: string;
  categoryName: string;
  sourceModule: string;
  incomeFen: number | null;
  expenseFen: number | null;
  balanceFen: number;
  reversal: boolean;
}

export interface MonthlyLedgerStatement {
  orgName: string;
  month: string;
  openingFen: number;
  rows: MonthlyLedgerRow[];
  incomeFen: number;
  expenseFen: number;
  closingFen: number;
  closed: boolean;
  reviewNotes: ReviewNoteView[];
}

export interface BySourceRow {
  sourceModule: string;
  label: string;
  incomeCount: number;
  incomeFen: number;
  expenseCount: number;
  expenseFen: number;
}

export interface BySourceStatement {
  orgName: string;
  fromMonth: string;
  toMonth: string;
  rows: BySourceRow[];
  incomeFen: number;
  expenseFen: number;
  reviewNotes: ReviewNoteView[];
}

export interface DuesCollectionMonth {
  month: string;
  dueMembers: number;
  payers: number;
  expectedFen: number;
  collectedFen: number;
}

export interface DuesCollectionDepartment {
  departmentId: string;
  departmentName: string;
  payments: number;
  expectedFen: number;
  collectedFen: number;
}

export interface DuesCollectionStatement {
  orgName: string;
  year: number;
  months: DuesCollectionMonth[];
  departments: DuesCollectionDepartment[];
  expectedFen: number;
  collectedFen: number;
  reviewNotes: ReviewNoteView[];
}
