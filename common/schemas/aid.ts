import { z } from 'zod';
import { AID_KINDS, type AidKind } from './care.js';
import { commaList } from './commaList.js';
import { fenAmount } from './dues.js';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// Aid cases (救助 / 大病救助 / 金秋助学): application, group leader's recommendation, officer's
// review, approval by the chair or the union committee, optional public notice (公示), payment.

export const AID_STATES = [
  'submitted',
  'recommended',
  'reviewed',
  'approved',
  'noticed',
  'paid',
  'refused',
] as const;
export type AidState = (typeof AID_STATES)[number];
export const AID_STATE_LABELS: Record<AidState, string> = {
  submitted: '待小组长推荐',
  recommended: '待审核',
  reviewed: '待审批',
  approved: '待发放',
  noticed: '公示中',
  paid: '已发放',
  refused: '未通过',
};

export const AID_ACTIONS = ['recommend', 'review', 'approve', 'notice', 'pay', 'refuse'] as const;
export type AidAction = (typeof AID_ACTIONS)[number];
export const AID_ACTION_LABELS: Record<AidAction, string> = {
  recommend: '推荐',
  review: '审核',
  approve: '审批',
  notice: '公示',
  pay: '发放',
  refuse: '不予救助',
};

/** Modules that open aid cases, as the timeline names them (a checkup's follow-up flag). */
export const AID_SOURCE_LABELS: Record<string, string> = { checkup: '健康体检复查' };

/** Who approves a reviewed case: the chair, or above the rule's threshold the union committee. */
export const AID_APPROVAL_LEVELS = ['chair', 'committee'] as const;
export type AidApprovalLevel = (typeof AID_APPROVAL_LEVELS)[number];
export const AID_APPROVAL_LEVEL_LABELS: Record<AidApprovalLevel, string> = {
  chair: '工会主席审批',
  committee: '工会委员会集体研究',
};

const kind = z.enum(AID_KINDS, { error: '请选择救助类型' });

export const aidCaseCreateBody = z.strictObject({
  memberId: uuid('申请人'),
  kind,
  amountAskedFen: fenAmount('申请金额'),
  reason: requiredText('申请理由', 2000),
  /** Only officers may date an application (a paper one registered later); others apply today. */
  appliedOn: isoDate('申请日期').optional(),
});
export type AidCaseCreate = z.infer<typeof aidCaseCreateBody>;

/** Every step carries the version the user saw: a step taken on a stale page is a 409. */
const version = z.number({ error: '缺少版本号' }).int().min(1);

export const aidRecommendBody = z.strictObject({ version, note: optionalText('推荐意见', 500) });

export const aidReviewBody = z.strictObject({
  version,
  amountGrantedFen: fenAmount('核定金额'),
  note: optionalText('审核意见', 500),
});

export const aidApproveBody = z.strictObject({
  version,
  /** Required when the committee decides: the meeting's date and its resolution. */
  committeeMeetingOn: isoDate('会议日期').optional(),
  committeeResolution: optionalText('会议决议', 500),
  note: optionalText('审批意见', 500),
});

export const aidNoticeBody = z.strictObject({
  version,
  days: z
    .number({ error: '公示天数应为数字' })
    .int('公示天数应为整数')
    .min(1, '公示天数至少1天')
    .max(30, '公示天数不超过30天')
    .default(5),
});

export const aidPayBody = z.strictObject({
  version,
  paidOn: isoDate('发放日期').optional(),
  payMethod: z.enum(['cash', 'transfer'], { error: '发放方式只能是现金或转账' }).optional(),
  voucherNo: optionalText('凭证号', 50),
});

export const aidRefuseBody = z.strictObject({ version, reason: requiredText('不予救助的理由', 500) });

export const aidFileParams = z.strictObject({ id: uuid('编号'), fileId: uuid('附件编号') });
export const aidUploadQuery = z.strictObject({ item: requiredText('材料项', 40) });

export const aidCaseListQuery = z.strictObject({
  ...pageQuery,
  kind: kind.optional(),
  /** One state or several, comma-separated: the year's approved figure opens approved,noticed,paid. */
  state: commaList(AID_STATES, '状态').optional(),
  year: z.coerce
    .number({ error: '年度应为数字' })
    .int()
    .min(2000, '年度无效')
    .max(2100, '年度无效')
    .optional(),
  q: optionalText('姓名', 50),
  /** One member's cases (the member's page). */
  memberId: uuid('职工').optional(),
});
export type AidCaseListQuery = z.infer<typeof aidCaseListQuery>;

/** The same filters as the list, every page. */
export const aidCaseExportQuery = aidCaseListQuery.omit({ page: true, pageSize: true });
export type AidCaseExportQuery = z.infer<typeof aidCaseExportQuery>;

export interface AidChecklistItemView {
  key: string;
  label: string;
  required: boolean;
  files: { id: string; fileName: string; sizeBytes: number; createdAt: string }[];
}

export interface AidCaseEventView {
  action: string;
  fromState: AidState | null;
  toState: AidState;
  /** Hidden (null) for those who see the case's status only. */
  note: string | null;
  actorName: string | null;
  createdAt: string;
}

/** What the UI may offer on this case to this user (the server checks again). */
export interface AidAbilities {
  recommend: boolean;
  review: boolean;
  approve: boolean;
  notice: boolean;
  pay: boolean;
  refuse: boolean;
  upload: boolean;
}

/** A row of the list. Amounts are null for those without `care:read` (and not their own case). */
export interface AidCaseRow {
  id: string;
  memberId: string;
  memberName: string;
  departmentName: string;
  kind: AidKind;
  state: AidState;
  appliedOn: string;
  amountAskedFen: number | null;
  amountGrantedFen: number | null;
  approvalLevel: AidApprovalLevel | null;
  updatedAt: string;
}

export interface AidCaseView extends AidCaseRow {
  version: number;
  /** Health and family details: the applicant and holders of `care:read` only. */
  reason: string | null;
  checklist: AidChecklistItemView[] | null;
  rule: {
    id: string;
    effectiveFrom: string;
    standardFen: number;
    yearlyCapFen: number | null;
    committeeAboveFen: number | null;
  } | null;
  committeeMeetingOn: string | null;
  committeeResolution: string | null;
  noticeFrom: string | null;
  noticeUntil: string | null;
  paidOn: string | null;
  ledgerEntryId: string | null;
  refusedReason: string | null;
  appliedByName: string | null;
  source: { module: string; id: string } | null;
  events: AidCaseEventView[];
  abilities: AidAbilities;
}

/** 公示: only what the union shows everyone: the name's first character, department, kind, amount. */
export interface AidNoticeView {
  id: string;
  maskedName: string;
  departmentName: string;
  kind: AidKind;
  amountFen: number;
  noticeFrom: string;
  noticeUntil: string;
}

/** The checklist of materials an aid kind asks for. */
export type AidMaterials = Record<AidKind, { key: string; label: string; required: boolean }[]>;
