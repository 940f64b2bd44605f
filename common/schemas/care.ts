import { z } from 'zod';
import { fenAmount } from './dues.js';
import { isoDate, optionalText } from './shared.js';

// Care (关爱帮扶): the occasions, aid kinds and welfare rules shared by visits, aid cases, hardship
// files and the care statistics. Money is integer fen.

/** 五必访 occasions plus the two festivals (两节慰问). */
export const VISIT_REASONS = [
  'illness',
  'hospitalised',
  'bereavement',
  'birthday',
  'wedding',
  'childbirth',
  'retirement',
  'holiday',
] as const;
export type VisitReason = (typeof VISIT_REASONS)[number];
export const VISIT_REASON_LABELS: Record<VisitReason, string> = {
  illness: '患病',
  hospitalised: '住院',
  bereavement: '丧葬（直系亲属去世）',
  birthday: '生日',
  wedding: '结婚',
  childbirth: '生育',
  retirement: '退休',
  holiday: '节日慰问',
};

export const AID_KINDS = ['illness', 'accident', 'disaster', 'education', 'other'] as const;
export type AidKind = (typeof AID_KINDS)[number];
export const AID_KIND_LABELS: Record<AidKind, string> = {
  illness: '大病救助',
  accident: '意外救助',
  disaster: '灾害救助',
  education: '金秋助学',
  other: '其他帮扶',
};

/** What a welfare rule is for: a visit occasion or an aid kind (the rule's `code`). */
export const WELFARE_SUBJECTS = ['visit', 'aid'] as const;
export type WelfareSubject = (typeof WELFARE_SUBJECTS)[number];
export const WELFARE_SUBJECT_LABELS: Record<WelfareSubject, string> = { visit: '慰问', aid: '救助' };

export function welfareCodeLabel(subject: WelfareSubject, code: string): string {
  return subject === 'visit'
    ? (VISIT_REASON_LABELS[code as VisitReason] ?? code)
    : (AID_KIND_LABELS[code as AidKind] ?? code);
}

/** Who approves a payment under the rule; above `committeeAboveFen` the union committee does. */
export const WELFARE_APPROVERS = ['officer', 'chair', 'committee'] as const;
export type WelfareApprover = (typeof WELFARE_APPROVERS)[number];
export const WELFARE_APPROVER_LABELS: Record<WelfareApprover, string> = {
  officer: '专职干部',
  chair: '工会主席',
  committee: '工会委员会',
};

const CODES_BY_SUBJECT: Record<WelfareSubject, readonly string[]> = { visit: VISIT_REASONS, aid: AID_KINDS };

/** A new version of a rule: it applies from `effectiveFrom`; earlier records keep the version they used. */
export const welfareRuleCreateBody = z
  .strictObject({
    subject: z.enum(WELFARE_SUBJECTS, { error: '类别只能是慰问（visit）或救助（aid）' }),
    code: z.string({ error: '请选择慰问事由或救助类型' }),
    standardFen: fenAmount('标准金额', 0),
    giftNote: optionalText('慰问品', 100),
    yearlyCapFen: fenAmount('每人年度上限', 1).nullable().default(null),
    yearlyTimes: z
      .number({ error: '每人每年次数应为数字' })
      .int('每人每年次数应为整数')
      .min(1, '每人每年次数至少为1')
      .max(365, '每人每年次数不超过365')
      .nullable()
      .default(null),
    approver: z.enum(WELFARE_APPROVERS, { error: '审批人只能是专职干部、工会主席或工会委员会' }),
    committeeAboveFen: fenAmount('提交工会委员会审议的金额', 1).nullable().default(null),
    categoryCode: z.string({ error: '请选择经费科目' }).trim().min(1, '请选择经费科目').max(20),
    effectiveFrom: isoDate('生效日期'),
    note: optionalText('备注', 200),
  })
  .superRefine((v, ctx) => {
    if (!CODES_BY_SUBJECT[v.subject].includes(v.code)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: '慰问事由或救助类型无效' });
    }
    if (v.yearlyCapFen !== null && v.yearlyCapFen < v.standardFen) {
      ctx.addIssue({ code: 'custom', path: ['yearlyCapFen'], message: '每人年度上限不能低于标准金额' });
    }
  });
export type WelfareRuleCreate = z.infer<typeof welfareRuleCreateBody>;

export const welfareRuleListQuery = z.strictObject({
  subject: z.enum(WELFARE_SUBJECTS, { error: '类别只能是慰问（visit）或救助（aid）' }).optional(),
  /** Only the versions in force on this date (one per code); without it, every version. */
  on: isoDate('日期').optional(),
});

export interface WelfareRuleView {
  id: string;
  subject: WelfareSubject;
  code: string;
  label: string;
  standardFen: number;
  giftNote: string | null;
  yearlyCapFen: number | null;
  yearlyTimes: number | null;
  approver: WelfareApprover;
  committeeAboveFen: number | null;
  categoryCode: string;
  categoryName: string | null;
  effectiveFrom: string;
  /** The day before the next version starts; null while it is the latest. */
  effectiveTo: string | null;
  note: string | null;
  createdByName: string | null;
  createdAt: string;
}
