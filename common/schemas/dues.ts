import { z } from 'zod';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// Dues (会费) and allocated funds (拨缴经费): shared by the server routes and the web forms.
// Money is integer fen; rates are basis points (50 = 0.5 %).

export const DEFAULT_DUES_RATE_BP = 50;
export const DEFAULT_ALLOCATION_RATE_BP = 200;
export const DEFAULT_RETAINED_BP = 6000;
/** Upper bound of any amount typed or imported: 10 亿元. */
export const MAX_FEN = 100_000_000_000;
/** Members this many months or more in arrears are listed for follow-up. */
export const FOLLOW_UP_ARREARS_MONTHS = 6;

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
/** A month 'YYYY-MM'. */
export const month = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(MONTH_RE, `${label}格式应为 YYYY-MM，如 2025-03`);

export const fenAmount = (label: string, min = 1) =>
  z
    .number({ error: `${label}应为数字（单位：分）` })
    .int(`${label}应为整数（单位：分）`)
    .min(min, min > 0 ? `${label}须大于0` : `${label}不能为负数`)
    .max(MAX_FEN, `${label}不超过10亿元`);

export const basisPoints = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数（万分之一）`)
    .min(min, `${label}超出范围`)
    .max(max, `${label}超出范围`);

/** base × rate (basis points), rounded half up to the fen: what the payroll should have deducted. */
export function applyRate(baseFen: number, rateBp: number): number {
  return Math.floor((baseFen * rateBp + 5000) / 10000);
}

export const duesRateCreateBody = z.strictObject({
  effectiveFrom: month('生效月份'),
  rateBp: basisPoints('会费比例', 1, 1000),
  note: optionalText('备注', 200),
});
export type DuesRateCreate = z.infer<typeof duesRateCreateBody>;

export interface DuesRateView {
  id: string;
  effectiveFrom: string;
  rateBp: number;
  note: string | null;
  createdAt: string;
}

export const DUES_IMPORT_MODES = ['create', 'replace'] as const;
export type DuesImportMode = (typeof DUES_IMPORT_MODES)[number];
/** create: a month not imported yet; replace: the month's committed import is replaced (explicitly). */
export const duesImportQuery = z.strictObject({
  mode: z
    .enum(DUES_IMPORT_MODES, { error: '导入方式只能是 create（新导入）或 replace（替换该月）' })
    .default('create'),
});

export interface DuesImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface DuesImportSampleRow {
  row: number;
  memberName: string;
  memberNo: string | null;
  departmentName: string;
  baseSalaryFen: number;
  amountFen: number;
  expectedFen: number;
  flagged: boolean;
}

export interface DuesImportPreview {
  id: string;
  fileName: string;
  mode: DuesImportMode;
  /** The month every row is for; null when the file has no valid month. */
  month: string | null;
  rateBp: number;
  total: number;
  matched: number;
  totalFen: number;
  expectedFen: number;
  /** Blocking problems (at most 1000 listed; `problemCount` says how many in all). */
  problems: DuesImportProblem[];
  problemCount: number;
  /** Deductions that differ from base × rate by more than 1 fen: imported, but flagged. */
  warnings: DuesImportProblem[];
  warningCount: number;
  /** The month's import already committed (replaced by this one when mode is replace). */
  existing: { id: string; rowCount: number; totalFen: number } | null;
  sample: DuesImportSampleRow[];
}

export interface DuesImportCommitResult {
  importId: string;
  month: string;
  rowCount: number;
  totalFen: number;
  flagged: number;
  ledgerEntryId: string;
  replacedImportId: string | null;
}

export interface DuesImportView {
  id: string;
  month: string;
  status: 'committed' | 'replaced';
  fileName: string;
  rowCount: number;
  totalFen: number;
  committedAt: string | null;
  ledgerEntryId: string | null;
}

export const duesPaymentListQuery = z.strictObject({
  month: month('月份'),
  departmentId: uuid('科室').optional(),
  flagged: z.enum(['true', 'false'], { error: '只看异常应为 true 或 false' }).optional(),
  ...pageQuery,
});
export type DuesPaymentListQuery = z.infer<typeof duesPaymentListQuery>;

export interface DuesPaymentView {
  id: string;
  memberId: string;
  memberName: string;
  memberNo: string | null;
  departmentName: string;
  month: string;
  baseSalaryFen: number;
  amountFen: number;
  expectedFen: number;
  flagged: boolean;
}

export const duesExemptionCreateBody = z
  .strictObject({
    memberId: uuid('会员'),
    reason: requiredText('免缴原因', 200),
    fromMonth: month('起始月份'),
    toMonth: month('截止月份').optional().nullable(),
  })
  .refine((b) => !b.toMonth || b.toMonth >= b.fromMonth, {
    path: ['toMonth'],
    message: '截止月份不能早于起始月份',
  });
export type DuesExemptionCreate = z.infer<typeof duesExemptionCreateBody>;

export interface DuesExemptionView {
  id: string;
  memberId: string;
  memberName: string;
  memberNo: string | null;
  departmentName: string;
  reason: string;
  fromMonth: string;
  toMonth: string | null;
  createdAt: string;
}

export const duesArrearsQuery = z.strictObject({
  /** Only the months of this year; without it, every imported month since the member joined. */
  year: z.coerce
    .number({ error: '年份应为数字' })
    .int()
    .min(2000, '年份无效')
    .max(2100, '年份无效')
    .optional(),
  minMonths: z.coerce
    .number({ error: '欠缴月数应为数字' })
    .int()
    .min(1, '欠缴月数至少为1')
    .max(600)
    .default(1),
  departmentId: uuid('科室').optional(),
  ...pageQuery,
});
export type DuesArrearsQuery = z.infer<typeof duesArrearsQuery>;
export const duesArrearsExportQuery = duesArrearsQuery.omit({ page: true, pageSize: true });
export type DuesArrearsExportQuery = z.infer<typeof duesArrearsExportQuery>;

export interface DuesArrearsRow {
  memberId: string;
  memberName: string;
  memberNo: string | null;
  departmentName: string;
  joinedAt: string | null;
  /** Imported months the member should have paid in (joined, not exempt). */
  dueMonths: number;
  arrearsMonths: number;
  /** The unpaid months, oldest first. */
  missingMonths: string[];
  lastPaidMonth: string | null;
}

export const allocationCreateBody = z
  .strictObject({
    fromMonth: month('起始月份'),
    toMonth: month('截止月份'),
    receivedOn: isoDate('到账日期'),
    payrollTotalFen: fenAmount('工资总额'),
    rateBp: basisPoints('拨缴比例', 1, 10000).default(DEFAULT_ALLOCATION_RATE_BP),
    retainedBp: basisPoints('留成比例', 1, 10000).default(DEFAULT_RETAINED_BP),
    voucherNo: optionalText('凭证号', 50),
    note: optionalText('备注', 200),
  })
  .refine((b) => b.toMonth >= b.fromMonth, { path: ['toMonth'], message: '截止月份不能早于起始月份' });
export type AllocationCreate = z.infer<typeof allocationCreateBody>;

/** 拨缴经费 = payroll × 2 %; the union keeps `retainedBp` of it, which is what it books as income. */
export function allocationAmounts(payrollTotalFen: number, rateBp: number, retainedBp: number) {
  const amountFen = applyRate(payrollTotalFen, rateBp);
  return { amountFen, retainedFen: applyRate(amountFen, retainedBp) };
}

export interface AllocationView {
  id: string;
  fromMonth: string;
  toMonth: string;
  receivedOn: string;
  payrollTotalFen: number;
  rateBp: number;
  amountFen: number;
  retainedBp: number;
  retainedFen: number;
  voucherNo: string | null;
  note: string | null;
  ledgerEntryId: string | null;
  createdAt: string;
}
