import { z } from 'zod';
import { commaList } from './commaList.js';
import { amountFen } from './funds.js';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// 爱心捐款 (donation drives): shared by the server routes and the web pages. Money is integer fen.

export const DONATION_DRIVE_STATUSES = ['open', 'closed', 'handedOver', 'cancelled'] as const;
export type DonationDriveStatus = (typeof DONATION_DRIVE_STATUSES)[number];
export const DONATION_DRIVE_STATUS_LABELS: Record<DonationDriveStatus, string> = {
  open: '募捐中',
  closed: '已截止',
  handedOver: '已交付',
  cancelled: '已取消',
};

/** What the public summary calls a donor who did not agree to be named. */
export const ANONYMOUS_DONOR = '爱心人士';

const driveFields = {
  title: requiredText('捐款活动名称', 100),
  /** The member helped; leave out for a cause. */
  beneficiaryMemberId: uuid('受助会员').nullable().optional(),
  /** The cause, when no member is chosen (e.g. 河南水灾捐款); otherwise the member's name is used. */
  beneficiaryName: optionalText('受助对象', 100),
  reason: optionalText('捐款事由', 500),
  targetFen: amountFen('目标金额').nullable().optional(),
  startDate: isoDate('开始日期'),
  endDate: isoDate('截止日期').nullable().optional(),
};

export const donationDriveCreateBody = z
  .strictObject(driveFields)
  .refine((b) => b.beneficiaryMemberId || b.beneficiaryName, {
    path: ['beneficiaryName'],
    message: '请选择受助会员，或填写受助对象（事由）',
  })
  .refine((b) => !b.endDate || b.endDate >= b.startDate, {
    path: ['endDate'],
    message: '截止日期不能早于开始日期',
  });
export type DonationDriveCreate = z.infer<typeof donationDriveCreateBody>;

export const donationDriveListQuery = z.strictObject({
  year: z.coerce
    .number({ error: '年度应为数字' })
    .int()
    .min(2000, '年度无效')
    .max(2100, '年度无效')
    .optional(),
  /** One status or several, comma-separated: the year's figures open the drives not cancelled. */
  status: commaList(DONATION_DRIVE_STATUSES, '状态').optional(),
});

/**
 * The donors of the drives the drive filters select, each once (a member by id, anyone else by
 * name), with how often and how much they gave: the year's "donors" figure opens it.
 */
export const donorListQuery = donationDriveListQuery.extend(pageQuery);
export type DonorListQuery = z.infer<typeof donorListQuery>;

export interface DonorRow {
  /** The donor as the figures tell donors apart: the member's id, or `name:` and the name given. */
  id: string;
  memberId: string | null;
  /** The member's name, or the name a non-member gave. */
  name: string;
  /** The department their donations were recorded under (the latest one). */
  departmentName: string | null;
  drives: number;
  count: number;
  totalFen: number;
}

export const donationDriveCancelBody = z.strictObject({ reason: requiredText('取消原因', 200) });

export const donationHandoverBody = z.strictObject({
  date: isoDate('交付日期'),
  /** Who received the money; defaults to the beneficiary. */
  payee: optionalText('收款人', 100),
  voucherNo: optionalText('凭证号', 50),
  note: optionalText('交付说明', 500),
});
export type DonationHandover = z.infer<typeof donationHandoverBody>;

export const donationCreateBody = z
  .strictObject({
    memberId: uuid('捐款会员').nullable().optional(),
    /** A non-member donor's name (院外人士, 进修生); ignored when a member is chosen. */
    donorName: optionalText('捐款人', 50),
    departmentId: uuid('科室').nullable().optional(),
    amountFen: amountFen('捐款金额'),
    date: isoDate('捐款日期'),
    nameConsent: z.boolean({ error: '是否同意公示姓名应为是或否' }).default(false),
  })
  .refine((b) => b.memberId || b.donorName, {
    path: ['donorName'],
    message: '请选择捐款会员或填写捐款人姓名',
  });
export type DonationCreate = z.infer<typeof donationCreateBody>;

export const donationRemoveBody = z.strictObject({ reason: requiredText('删除原因', 200) });

export const donationListQuery = z.strictObject({
  ...pageQuery,
  departmentId: uuid('科室').optional(),
  includeRemoved: z
    .enum(['true', 'false'], { error: 'includeRemoved 只能是 true 或 false' })
    .transform((v) => v === 'true')
    .optional(),
});

export const donationDriveParams = z.strictObject({ id: uuid('捐款活动') });
export const donationParams = z.strictObject({ id: uuid('捐款活动'), donationId: uuid('捐款记录') });
export const donationImportParams = z.strictObject({ id: uuid('捐款活动'), departmentId: uuid('科室') });
export const donationImportQuery = z.strictObject({
  mode: z.enum(['append'], { error: '导入方式只能是 append（追加）' }).default('append'),
});

export interface DepartmentTotal {
  departmentId: string | null;
  departmentName: string;
  count: number;
  totalFen: number;
}

export interface DonationTotals {
  count: number;
  totalFen: number;
  /** Whole percent of the target reached; null without a target. */
  percent: number | null;
}

export interface DonationDriveView extends DonationTotals {
  id: string;
  title: string;
  beneficiaryMemberId: string | null;
  beneficiaryName: string;
  /** Only for those with care:read; null otherwise (and when none was given). */
  reason: string | null;
  targetFen: number | null;
  startDate: string;
  endDate: string | null;
  status: DonationDriveStatus;
  cancelReason: string | null;
  handoverDate: string | null;
  handoverFen: number | null;
  handoverPayee: string | null;
  handoverNote: string | null;
  handedOverByName: string | null;
  incomeEntryId: string | null;
  expenseEntryId: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface DonationDriveDetail extends DonationDriveView {
  byDepartment: DepartmentTotal[];
}

export interface DonationView {
  id: string;
  memberId: string | null;
  donorName: string;
  departmentId: string | null;
  departmentName: string | null;
  amountFen: number;
  date: string;
  nameConsent: boolean;
  imported: boolean;
  removedAt: string | null;
  removedReason: string | null;
  removedByName: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** 公示: what every member may see. Names (with amounts) only of donors who agreed. */
export interface DonationPublicSummary extends DonationTotals {
  id: string;
  title: string;
  beneficiaryName: string;
  targetFen: number | null;
  startDate: string;
  endDate: string | null;
  status: DonationDriveStatus;
  handoverDate: string | null;
  byDepartment: (DepartmentTotal & { anonymousCount: number })[];
  /** Donors who agreed to be named, by department then name. */
  named: { departmentName: string; donorName: string; amountFen: number }[];
  anonymousCount: number;
}

export interface DonationImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface DonationImportSampleRow {
  row: number;
  donorName: string;
  memberNo: string | null;
  isMember: boolean;
  amountFen: number;
  date: string;
  nameConsent: boolean;
}

export interface DonationImportPreview {
  id: string;
  fileName: string;
  driveId: string;
  departmentId: string;
  departmentName: string;
  total: number;
  matched: number;
  totalFen: number;
  problems: DonationImportProblem[];
  problemCount: number;
  /** Rows imported as non-members (no such name in the department's roster). */
  warnings: DonationImportProblem[];
  warningCount: number;
  sample: DonationImportSampleRow[];
}

export interface DonationImportCommitResult {
  importId: string;
  rowCount: number;
  totalFen: number;
}
