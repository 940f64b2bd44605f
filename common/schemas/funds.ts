import { z } from 'zod';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// Union funds: categories, budget, expense requests, the ledger and periods. Money is integer fen.

/** The largest single amount (an entry, a request): 1,000万元. */
export const MAX_AMOUNT_FEN = 1_000_000_000;
/** The largest budget figure of one category: 1亿元. */
export const MAX_BUDGET_FEN = 10_000_000_000;

export const FUND_KINDS = ['income', 'expense'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const FUND_KIND_LABELS: Record<FundKind, string> = { income: '收入', expense: '支出' };

export const OVER_BUDGET_RULES = ['refuse', 'flag'] as const;
export type OverBudgetRule = (typeof OVER_BUDGET_RULES)[number];
export const OVER_BUDGET_RULE_LABELS: Record<OverBudgetRule, string> = {
  refuse: '超预算拒绝',
  flag: '超预算标记',
};

export const EXPENSE_REQUEST_STATUSES = [
  'draft',
  'pending',
  'approved',
  'paid',
  'refused',
  'withdrawn',
] as const;
export type ExpenseRequestStatus = (typeof EXPENSE_REQUEST_STATUSES)[number];
export const EXPENSE_REQUEST_STATUS_LABELS: Record<ExpenseRequestStatus, string> = {
  draft: '草稿',
  pending: '审批中',
  approved: '已批准',
  paid: '已支付',
  refused: '未批准',
  withdrawn: '已撤回',
};

/** Approval steps: 专职干部审核 → 主席审批 → 集体研究 (recorded by the chair). */
export const APPROVAL_STEPS = ['officer', 'chair', 'committee'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];
export const APPROVAL_STEP_LABELS: Record<ApprovalStep, string> = {
  officer: '专职干部审核',
  chair: '主席审批',
  committee: '集体研究',
};

export const PAY_METHODS = ['transfer', 'cash', 'officialCard'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];
export const PAY_METHOD_LABELS: Record<PayMethod, string> = {
  transfer: '转账',
  cash: '现金',
  officialCard: '公务卡',
};

export const ADJUSTMENT_STATUSES = ['pending', 'approved', 'refused'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];
export const ADJUSTMENT_STATUS_LABELS: Record<AdjustmentStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '未批准',
};

/** Source modules of ledger entries that have a Chinese name; others show their code. */
export const SOURCE_MODULE_LABELS: Record<string, string> = {
  funds: '经费申请',
  manual: '手工记账',
  dues: '会费',
  allocation: '拨缴经费',
  visit: '走访慰问',
  aid: '困难帮扶',
  activity: '活动',
  donation: '爱心捐款',
};

/** 1234567 fen → '12,345.67'. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** A positive amount in fen with an upper bound; the message names the field. */
export const amountFen = (label = '金额', max = MAX_AMOUNT_FEN) =>
  z
    .number({ error: `${label}应为数字（单位：分）` })
    .int(`${label}须为整数（单位：分）`)
    .positive(`${label}须大于0`)
    .max(max, `${label}不得超过${yuan(max)}元`);

const year = z
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于2000年')
  .max(2100, '年度不晚于2100年');
const yearQuery = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度不早于2000年')
  .max(2100, '年度不晚于2100年');
export const periodSchema = z
  .string({ error: '请填写期间' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式应为 YYYY-MM');

// ---- categories

export const categoryCreateBody = z.strictObject({
  parentId: uuid('上级科目'),
  name: requiredText('科目名称', 40),
  code: z
    .string({ error: '科目编码应为文字' })
    .trim()
    .regex(/^[0-9A-Za-z]{1,12}$/, '科目编码只能含字母和数字，不超过12位')
    .optional(),
  sort: z.number({ error: '排序应为数字' }).int().min(0).max(9999).optional(),
});
export type CategoryCreate = z.infer<typeof categoryCreateBody>;

export const categoryUpdateBody = z.strictObject({
  name: requiredText('科目名称', 40).optional(),
  sort: z.number({ error: '排序应为数字' }).int().min(0).max(9999).optional(),
  overBudgetRule: z.enum(OVER_BUDGET_RULES, { error: '超预算规则无效' }).nullable().optional(),
});
export type CategoryUpdate = z.infer<typeof categoryUpdateBody>;

export interface CategoryView {
  id: string;
  code: string;
  name: string;
  kind: FundKind;
  parentId: string | null;
  sort: number;
  builtIn: boolean;
  leaf: boolean;
  overBudgetRule: OverBudgetRule | null;
}

// ---- settings

export const fundSettingsBody = z
  .strictObject({
    overBudgetRule: z.enum(OVER_BUDGET_RULES, { error: '超预算规则无效' }),
    officerLimitFen: amountFen('专职干部审批限额'),
    chairLimitFen: amountFen('主席审批限额'),
    directPostLimitFen: amountFen('直接列支限额'),
    version: z.number().int(),
  })
  .refine((v) => v.chairLimitFen >= v.officerLimitFen, {
    path: ['chairLimitFen'],
    message: '主席审批限额不能低于专职干部审批限额',
  });
export type FundSettingsInput = z.infer<typeof fundSettingsBody>;
export interface FundSettingsView {
  overBudgetRule: OverBudgetRule;
  officerLimitFen: number;
  chairLimitFen: number;
  directPostLimitFen: number;
  version: number;
}

// ---- budget

export const yearQuerySchema = z.strictObject({ year: yearQuery });

export const budgetSetBody = z.strictObject({
  year,
  categoryId: uuid('科目'),
  // Zero is a budget too ("nothing planned"), so this one is not amountFen().
  amountFen: z
    .number({ error: '预算金额应为数字（单位：分）' })
    .int('预算金额须为整数（单位：分）')
    .min(0, '预算金额不能为负数')
    .max(MAX_BUDGET_FEN, `预算金额不得超过${yuan(MAX_BUDGET_FEN)}元`),
  note: optionalText('备注', 200),
});
export type BudgetSet = z.infer<typeof budgetSetBody>;

export const adjustmentCreateBody = z.strictObject({
  year,
  categoryId: uuid('科目'),
  deltaFen: z
    .number({ error: '调整金额应为数字（单位：分）' })
    .int('调整金额须为整数（单位：分）')
    .refine((v) => v !== 0, '调整金额不能为0')
    .refine((v) => Math.abs(v) <= MAX_BUDGET_FEN, `调整金额不得超过${yuan(MAX_BUDGET_FEN)}元`),
  reason: requiredText('调整原因', 500),
});
export type AdjustmentCreate = z.infer<typeof adjustmentCreateBody>;

export const decisionBody = z.strictObject({
  approve: z.boolean({ error: '请选择批准或不批准' }),
  note: optionalText('审批意见', 500),
});
export type Decision = z.infer<typeof decisionBody>;

export interface AdjustmentView {
  id: string;
  year: number;
  categoryId: string;
  categoryName: string;
  deltaFen: number;
  reason: string;
  status: AdjustmentStatus;
  requestedByName: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

/** One row of the execution view: a category with its own figures and those of its subtree. */
export interface ExecutionRow {
  categoryId: string;
  code: string;
  name: string;
  kind: FundKind;
  parentId: string | null;
  leaf: boolean;
  originalFen: number;
  adjustedFen: number;
  budgetFen: number;
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

export interface FundsSummary {
  year: number;
  expenseBudgetFen: number;
  expensePaidFen: number;
  expenseCommittedFen: number;
  incomeBudgetFen: number;
  incomeReceivedFen: number;
}

// ---- expense requests

export const expenseRequestBody = z.strictObject({
  purpose: requiredText('用途', 200),
  categoryId: uuid('支出科目'),
  amountFen: amountFen('申请金额'),
  payee: requiredText('收款方', 100),
  note: optionalText('说明', 1000),
});
export type ExpenseRequestInput = z.infer<typeof expenseRequestBody>;

export const expenseRequestUpdateBody = expenseRequestBody.extend({
  version: z.number({ error: '版本号应为数字' }).int(),
});
export type ExpenseRequestUpdate = z.infer<typeof expenseRequestUpdateBody>;

export const approveBody = z.strictObject({
  version: z.number({ error: '版本号应为数字' }).int(),
  comment: optionalText('审批意见', 500),
  // The committee step records the meeting that decided it.
  committeeMeetingDate: isoDate('会议日期').optional(),
  committeeMinutesRef: optionalText('会议纪要编号', 100),
});
export type ApproveInput = z.infer<typeof approveBody>;

export const refuseBody = z.strictObject({
  version: z.number({ error: '版本号应为数字' }).int(),
  reason: requiredText('不批准理由', 500),
});
export type RefuseInput = z.infer<typeof refuseBody>;

export const versionBody = z.strictObject({ version: z.number({ error: '版本号应为数字' }).int() });

export const payBody = z.strictObject({
  version: z.number({ error: '版本号应为数字' }).int(),
  paidDate: isoDate('支付日期'),
  payMethod: z.enum(PAY_METHODS, { error: '支付方式只能是转账、现金或公务卡' }),
  voucherNo: requiredText('凭证号', 40),
  amountFen: amountFen('支付金额').optional(),
});
export type PayInput = z.infer<typeof payBody>;

export const expenseRequestListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(EXPENSE_REQUEST_STATUSES, { error: '状态无效' }).optional(),
  // 'inbox': the requests waiting for a step the caller may take; 'mine': raised by the caller.
  view: z.enum(['all', 'inbox', 'mine'], { error: '视图无效' }).default('all'),
  year: yearQuery.optional(),
  categoryId: uuid('科目').optional(),
  q: z.string().trim().max(50, '关键词不超过50个字').optional(),
});
export type ExpenseRequestListQuery = z.infer<typeof expenseRequestListQuery>;

export interface ExpenseRequestView {
  id: string;
  no: string;
  year: number;
  purpose: string;
  categoryId: string;
  categoryName: string;
  amountFen: number;
  payee: string;
  note: string | null;
  status: ExpenseRequestStatus;
  steps: ApprovalStep[];
  step: number;
  currentStep: ApprovalStep | null;
  overBudget: boolean;
  committeeMeetingDate: string | null;
  committeeMinutesRef: string | null;
  refusalReason: string | null;
  paidDate: string | null;
  payMethod: PayMethod | null;
  voucherNo: string | null;
  ledgerEntryId: string | null;
  requestedBy: string;
  requestedByName: string | null;
  submittedAt: string | null;
  version: number;
  createdAt: string;
  abilities: {
    edit: boolean;
    submit: boolean;
    withdraw: boolean;
    approve: boolean;
    refuse: boolean;
    pay: boolean;
  };
}

export interface ExpenseRequestEventView {
  id: string;
  action: string;
  step: string | null;
  fromStatus: string | null;
  toStatus: string;
  comment: string | null;
  actorName: string | null;
  createdAt: string;
}

export const attachmentQuery = z.strictObject({
  purpose: z.enum(['material', 'invoice'], { error: '附件用途只能是申请材料或发票' }).default('material'),
});
export const attachmentParams = z.strictObject({ id: uuid('编号'), attachmentId: uuid('附件编号') });

export interface AttachmentView {
  id: string;
  purpose: 'material' | 'invoice';
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

// ---- ledger

export const ledgerListQuery = z.strictObject({
  ...pageQuery,
  period: periodSchema.optional(),
  year: yearQuery.optional(),
  kind: z.enum(FUND_KINDS, { error: '收支类型无效' }).optional(),
  categoryId: uuid('科目').optional(),
  sourceModule: z
    .string()
    .trim()
    .max(30, '来源不超过30个字符')
    .regex(/^[A-Za-z]*$/, '来源无效')
    .optional(),
  q: z.string().trim().max(50, '关键词不超过50个字').optional(),
});
export type LedgerListQuery = z.infer<typeof ledgerListQuery>;

export const ledgerCreateBody = z.strictObject({
  entryDate: isoDate('记账日期'),
  kind: z.enum(FUND_KINDS, { error: '收支类型只能是收入或支出' }),
  categoryId: uuid('科目'),
  amountFen: amountFen('金额'),
  counterparty: requiredText('收付款方', 100),
  summary: requiredText('摘要', 200),
  voucherNo: optionalText('凭证号', 40),
});
export type LedgerCreate = z.infer<typeof ledgerCreateBody>;

export const reverseBody = z.strictObject({
  entryDate: isoDate('冲销日期'),
  reason: requiredText('冲销原因', 200),
  voucherNo: optionalText('凭证号', 40),
});
export type ReverseInput = z.infer<typeof reverseBody>;

export interface LedgerEntryView {
  id: string;
  entryDate: string;
  period: string;
  kind: FundKind;
  categoryId: string;
  categoryCode: string;
  categoryName: string;
  amountFen: number;
  counterparty: string;
  summary: string;
  voucherNo: string | null;
  sourceModule: string;
  sourceId: string | null;
  expenseRequestId: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  approvedBy: 'request' | 'rule' | 'workflow' | null;
  overBudget: boolean;
  createdByName: string | null;
  createdAt: string;
}

// ---- periods

export const periodCloseBody = z.strictObject({ period: periodSchema });
export const yearCloseBody = z.strictObject({ year });

export interface PeriodView {
  period: string;
  closed: boolean;
  closedAt: string | null;
  closedByName: string | null;
  entryCount: number;
}
