import { z } from 'zod';
import { fenAmount } from './dues.js';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// 困难职工档案 (hardship files). The household and the income per head are family finances: the
// server keeps them sealed and shows them only to `care:read`, auditing every look at a file.

export const HARDSHIP_LEVELS = ['general', 'special', 'deep'] as const;
export type HardshipLevel = (typeof HARDSHIP_LEVELS)[number];
export const HARDSHIP_LEVEL_LABELS: Record<HardshipLevel, string> = {
  general: '一般困难',
  special: '特殊困难',
  deep: '深度困难',
};

export const HARDSHIP_REASONS = [
  'illness',
  'disability',
  'disaster',
  'childrenInSchool',
  'singleParent',
  'other',
] as const;
export type HardshipReason = (typeof HARDSHIP_REASONS)[number];
export const HARDSHIP_REASON_LABELS: Record<HardshipReason, string> = {
  illness: '因病',
  disability: '因残',
  disaster: '因灾',
  childrenInSchool: '子女就学',
  singleParent: '单亲家庭',
  other: '其他',
};

export const HARDSHIP_STATUSES = ['active', 'closed'] as const;
export type HardshipStatus = (typeof HARDSHIP_STATUSES)[number];
export const HARDSHIP_STATUS_LABELS: Record<HardshipStatus, string> = { active: '在档', closed: '已退出' };

export const HARDSHIP_EVENT_KINDS = [
  'registered',
  'updated',
  'reviewed',
  'closed',
  'documentAdded',
  'documentRemoved',
] as const;
export type HardshipEventKind = (typeof HARDSHIP_EVENT_KINDS)[number];
export const HARDSHIP_EVENT_LABELS: Record<HardshipEventKind, string> = {
  registered: '建档',
  updated: '修改档案',
  reviewed: '年度复核',
  closed: '退出档案',
  documentAdded: '上传证明材料',
  documentRemoved: '删除证明材料',
};

/** A review is due this many days before the file's next review date (and any time after it). */
export const HARDSHIP_REVIEW_DUE_DAYS = 30;

const level = z.enum(HARDSHIP_LEVELS, { error: '困难等级只能是一般困难、特殊困难或深度困难' });

export const householdMember = z.strictObject({
  name: requiredText('家庭成员姓名', 20),
  relation: requiredText('与职工关系', 10),
  age: z
    .number({ error: '家庭成员年龄应为数字' })
    .int('家庭成员年龄应为整数')
    .min(0, '家庭成员年龄不能为负数')
    .max(150, '家庭成员年龄不超过150'),
  situation: optionalText('健康或就业状况', 100),
});
export type HouseholdMember = z.infer<typeof householdMember>;

const details = {
  level,
  reasons: z
    .array(z.enum(HARDSHIP_REASONS, { error: '致困原因无效' }), { error: '请选择致困原因' })
    .min(1, '请至少选择一项致困原因')
    .refine((a) => new Set(a).size === a.length, '致困原因不能重复'),
  household: z
    .array(householdMember, { error: '家庭成员应为列表' })
    .max(20, '家庭成员不超过20人')
    .default([]),
  monthlyIncomePerHeadFen: fenAmount('家庭月人均收入', 0),
  situation: optionalText('家庭情况说明', 1000),
};

export const hardshipCreateBody = z.strictObject({
  memberId: uuid('职工'),
  ...details,
  registeredOn: isoDate('建档日期'),
});
export type HardshipCreate = z.infer<typeof hardshipCreateBody>;

export const hardshipUpdateBody = z.strictObject({
  ...details,
  version: z.number({ error: '版本号应为数字' }).int(),
});
export type HardshipUpdate = z.infer<typeof hardshipUpdateBody>;

/** 年度复核: continue (perhaps at a new level or income) or close the file. */
export const hardshipReviewBody = z
  .strictObject({
    reviewedOn: isoDate('复核日期'),
    outcome: z.enum(['continue', 'close'], { error: '复核结论只能是继续保留或退出档案' }),
    level: level.optional(),
    monthlyIncomePerHeadFen: fenAmount('家庭月人均收入', 0).optional(),
    note: optionalText('复核意见', 500),
    version: z.number({ error: '版本号应为数字' }).int(),
  })
  .refine((b) => b.outcome === 'continue' || b.note, {
    path: ['note'],
    message: '退出档案须填写原因（复核意见）',
  });
export type HardshipReview = z.infer<typeof hardshipReviewBody>;

export const hardshipCloseBody = z.strictObject({
  closedOn: isoDate('退出日期'),
  reason: requiredText('退出原因', 200),
  version: z.number({ error: '版本号应为数字' }).int(),
});
export type HardshipClose = z.infer<typeof hardshipCloseBody>;

const flag = z
  .enum(['true', 'false'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true')
  .optional();

export const hardshipListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(HARDSHIP_STATUSES, { error: '状态只能是在档或已退出' }).optional(),
  level: level.optional(),
  departmentId: uuid('科室').optional(),
  /** Active files whose review is due within 30 days or overdue. */
  reviewDue: flag,
  /** Files on the register that day: registered on or before it, not closed by then (a past year's end). */
  activeOn: isoDate('在档日期').optional(),
  /** Files registered in that year. */
  registeredYear: z.coerce
    .number({ error: '建档年度应为数字' })
    .int('建档年度应为整数')
    .min(2000, '建档年度无效')
    .max(2100, '建档年度无效')
    .optional(),
  q: z.string().trim().max(50, '搜索内容不超过50个字').optional(),
});
export type HardshipListQuery = z.infer<typeof hardshipListQuery>;

export const hardshipDocumentParams = z.strictObject({ id: uuid('编号'), documentId: uuid('材料编号') });

export interface HardshipListItem {
  id: string;
  memberId: string;
  memberName: string;
  departmentId: string;
  departmentName: string;
  status: HardshipStatus;
  level: HardshipLevel;
  reasons: HardshipReason[];
  registeredOn: string;
  nextReviewOn: string;
  closedOn: string | null;
  /** Active and the next review is within 30 days or past. */
  reviewDue: boolean;
  overdue: boolean;
}

export interface HardshipEventView {
  id: string;
  kind: HardshipEventKind;
  on: string;
  outcome: 'continue' | 'close' | null;
  levelFrom: HardshipLevel | null;
  levelTo: HardshipLevel | null;
  note: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface HardshipDocumentView {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface HardshipFileView extends HardshipListItem {
  memberIdNumberMasked: string;
  household: HouseholdMember[];
  monthlyIncomePerHeadFen: number;
  situation: string | null;
  closeReason: string | null;
  version: number;
  events: HardshipEventView[];
  documents: HardshipDocumentView[];
  /** The member's other files, earlier ones closed (a file reopened later is a new file). */
  otherFiles: {
    id: string;
    status: HardshipStatus;
    level: HardshipLevel;
    registeredOn: string;
    closedOn: string | null;
  }[];
}

/** Counts only: what `care:summary` may see. */
export interface HardshipSummary {
  active: number;
  closed: number;
  reviewDue: number;
  byLevel: Record<HardshipLevel, number>;
}
