import { z } from 'zod';
import { fenAmount } from './dues.js';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// 职工互助保障 (mutual aid): yearly plans run by the higher union or an insurer, the members
// enrolled with their premiums, and claims with their payouts. Money is integer fen.

export const MUTUAL_AID_PAYERS = ['union', 'member'] as const;
export type MutualAidPayer = (typeof MUTUAL_AID_PAYERS)[number];
export const MUTUAL_AID_PAYER_LABELS: Record<MutualAidPayer, string> = {
  union: '工会统一缴纳',
  member: '职工个人缴纳',
};

export const CLAIM_KINDS = ['hospitalisation', 'criticalIllness', 'accident', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  hospitalisation: '住院医疗',
  criticalIllness: '重大疾病',
  accident: '意外伤害',
  other: '其他',
};

export const CLAIM_STATUSES = ['submitted', 'approved', 'refused', 'paid'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  submitted: '待审核',
  approved: '已核准',
  refused: '不予给付',
  paid: '已给付',
};
export const CLAIM_ACTIONS = ['approve', 'refuse', 'pay'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

const version = z.number({ error: '版本号应为数字' }).int();

export const mutualAidPlanCreateBody = z
  .strictObject({
    year: z
      .number({ error: '年度应为数字' })
      .int('年度应为整数')
      .min(2000, '年度不早于2000')
      .max(2100, '年度不晚于2100'),
    name: requiredText('计划名称', 100),
    premiumFen: fenAmount('每人保费'),
    payer: z.enum(MUTUAL_AID_PAYERS, { error: '缴费方式只能是工会统一缴纳或职工个人缴纳' }),
    periodStart: isoDate('保障起始日'),
    periodEnd: isoDate('保障截止日'),
    note: optionalText('说明', 500),
  })
  .refine((b) => b.periodEnd >= b.periodStart, { path: ['periodEnd'], message: '保障截止日不能早于起始日' });
export type MutualAidPlanCreate = z.infer<typeof mutualAidPlanCreateBody>;

/** Enrols the chosen members, a department's members, or every member in good standing. */
export const enrolBody = z
  .strictObject({
    scope: z.enum(['members', 'department', 'all'], { error: '参保范围只能是指定职工、科室或全体会员' }),
    memberIds: z.array(uuid('职工'), { error: '职工应为列表' }).max(1000, '一次最多1000人').optional(),
    departmentId: uuid('科室').optional(),
    enrolledOn: isoDate('参保日期'),
  })
  .refine((b) => b.scope !== 'members' || (b.memberIds?.length ?? 0) > 0, {
    path: ['memberIds'],
    message: '请选择参保职工',
  })
  .refine((b) => b.scope !== 'department' || b.departmentId, {
    path: ['departmentId'],
    message: '请选择科室',
  });
export type EnrolInput = z.infer<typeof enrolBody>;

/**
 * The union pays the premiums of every enrolment not yet paid, as one expense. Above the direct
 * limit it settles an approved 经费申请 (category 50209 其他服务).
 */
export const payPremiumsBody = z.strictObject({
  paidOn: isoDate('缴费日期'),
  voucherNo: optionalText('凭证号', 50),
  expenseRequestId: uuid('经费申请').optional().nullable(),
});
export type PayPremiums = z.infer<typeof payPremiumsBody>;

export const claimCreateBody = z.strictObject({
  planId: uuid('互助保障计划'),
  memberId: uuid('职工'),
  occurredOn: isoDate('发生日期'),
  kind: z.enum(CLAIM_KINDS, { error: '申请类别无效' }),
  claimedFen: fenAmount('申请金额'),
  note: optionalText('情况说明', 500),
});
export type ClaimCreate = z.infer<typeof claimCreateBody>;

export const claimApproveBody = z.strictObject({ approvedFen: fenAmount('核准金额'), version });
export const claimRefuseBody = z.strictObject({ reason: requiredText('不予给付的理由', 200), version });
/** The insurer or the higher union pays the member; the union records what was paid. */
export const claimPayBody = z.strictObject({
  payoutFen: fenAmount('给付金额'),
  paidOn: isoDate('给付日期'),
  payoutRef: optionalText('给付凭证号', 50),
  version,
});

export const mutualAidPlanListQuery = z.strictObject({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
});
export const enrolmentListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50, '搜索内容不超过50个字').optional(),
});
export const claimListQuery = z.strictObject({
  ...pageQuery,
  planId: uuid('互助保障计划').optional(),
  /** Claims under the plans of that year (the year's figures). */
  year: z.coerce
    .number({ error: '计划年度应为数字' })
    .int('计划年度应为整数')
    .min(2000, '计划年度无效')
    .max(2100, '计划年度无效')
    .optional(),
  status: z.enum(CLAIM_STATUSES, { error: '状态无效' }).optional(),
});
export const enrolmentParams = z.strictObject({ id: uuid('编号'), enrolmentId: uuid('参保记录编号') });
export const claimDocumentParams = z.strictObject({ id: uuid('编号'), documentId: uuid('材料编号') });

export interface MutualAidPlanView {
  id: string;
  year: number;
  name: string;
  premiumFen: number;
  payer: MutualAidPayer;
  periodStart: string;
  periodEnd: string;
  note: string | null;
  version: number;
  enrolled: number;
  premiumTotalFen: number;
  /** Premiums the union has paid (payer 'union'); the rest is still to pay. */
  premiumPaidFen: number;
  claims: number;
  payoutTotalFen: number;
}

export interface EnrolmentView {
  id: string;
  memberId: string;
  memberName: string;
  departmentName: string;
  premiumFen: number;
  enrolledOn: string;
  premiumPaidOn: string | null;
  premiumEntryId: string | null;
}

export interface ClaimListItem {
  id: string;
  planId: string;
  planName: string;
  memberId: string;
  memberName: string;
  departmentName: string;
  occurredOn: string;
  kind: ClaimKind;
  claimedFen: number;
  status: ClaimStatus;
  approvedFen: number | null;
  payoutFen: number | null;
  paidOn: string | null;
  createdAt: string;
}

export interface ClaimDocumentView {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface ClaimView extends ClaimListItem {
  note: string | null;
  refuseReason: string | null;
  payoutRef: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdByName: string | null;
  version: number;
  documents: ClaimDocumentView[];
}
