import { z } from 'zod';
import { VISIT_REASONS, type VisitReason } from './care.js';
import { fenAmount } from './dues.js';
import { isoDate, optionalText, type Paged, pageQuery, requiredText, uuid } from './shared.js';

// Visits (慰问), reported events (事件报告) and the worklists (待慰问). Money is integer fen.

/** A reported event is overdue when still open this many days after it happened. */
export const EVENT_OVERDUE_DAYS = 3;

/** The most members one festival batch may hold (a large hospital's retirees fit). */
export const MAX_BATCH_MEMBERS = 3000;

const reason = (label: string) => z.enum(VISIT_REASONS, { error: `${label}无效` });

/**
 * A visit. Without `cashFen` the rule's standard is paid; an officer may pay less but never more than
 * the standard of the rule in force on the visit date. Without `gift` the rule's gift note is used.
 */
export const visitCreateBody = z.strictObject({
  memberId: uuid('会员'),
  reason: reason('慰问事由'),
  visitDate: isoDate('慰问日期'),
  visitors: requiredText('慰问人', 200),
  gift: optionalText('慰问品', 100),
  cashFen: fenAmount('慰问金', 0).optional(),
  notes: optionalText('备注', 500),
  /** The reported event this visit answers; it is closed by the visit. */
  eventId: uuid('报告事件').optional(),
});
export type VisitCreate = z.infer<typeof visitCreateBody>;

/** Festival visits (两节慰问) to many members at once: all are created, or none. */
export const visitBatchBody = z.strictObject({
  festival: requiredText('节日', 30),
  visitDate: isoDate('慰问日期'),
  memberIds: z
    .array(uuid('会员'), { error: '请选择慰问对象' })
    .min(1, '请选择慰问对象')
    .max(MAX_BATCH_MEMBERS, `一批最多${MAX_BATCH_MEMBERS}人`),
  visitors: requiredText('慰问人', 200),
  gift: optionalText('慰问品', 100),
  cashFen: fenAmount('慰问金', 0).optional(),
  notes: optionalText('备注', 500),
});
export type VisitBatch = z.infer<typeof visitBatchBody>;

export const visitCancelBody = z.strictObject({
  reason: requiredText('取消原因', 200),
  version: z.number({ error: '版本号应为数字' }).int(),
});

export const VISIT_STATUSES = ['done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = { done: '已慰问', cancelled: '已取消' };

export const visitListQuery = z.strictObject({
  ...pageQuery,
  reason: reason('慰问事由').optional(),
  departmentId: uuid('科室').optional(),
  memberId: uuid('会员').optional(),
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  festival: z.string().trim().max(30, '节日不超过30个字').optional(),
  status: z.enum(VISIT_STATUSES, { error: '状态无效' }).optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;

export interface VisitView {
  id: string;
  memberId: string;
  memberName: string;
  departmentName: string | null;
  reason: VisitReason;
  reasonLabel: string;
  visitDate: string;
  visitors: string;
  gift: string | null;
  /** null when the viewer may not see amounts (no care:read). */
  cashFen: number | null;
  standardFen: number | null;
  ruleId: string;
  notes: string | null;
  festival: string | null;
  eventId: string | null;
  /** Paid: the ledger entry of the cash (null without cash or for viewers without care:read). */
  ledgerEntryId: string | null;
  status: VisitStatus;
  cancelReason: string | null;
  hasPhoto: boolean;
  createdByName: string | null;
  createdAt: string;
  version: number;
}

export interface VisitBatchResult {
  batchId: string;
  created: number;
  totalCashFen: number;
}

// Reported events

export const CARE_EVENT_STATUSES = ['open', 'visited', 'dismissed'] as const;
export type CareEventStatus = (typeof CARE_EVENT_STATUSES)[number];
export const CARE_EVENT_STATUS_LABELS: Record<CareEventStatus, string> = {
  open: '待慰问',
  visited: '已慰问',
  dismissed: '不予慰问',
};

export const careEventCreateBody = z.strictObject({
  memberId: uuid('会员'),
  kind: reason('事件类型'),
  eventDate: isoDate('发生日期'),
  note: optionalText('情况说明', 300),
});
export type CareEventCreate = z.infer<typeof careEventCreateBody>;

export const careEventDismissBody = z.strictObject({ reason: requiredText('不予慰问的原因', 200) });

export const careEventListQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(CARE_EVENT_STATUSES, { error: '状态无效' }).optional(),
  memberId: uuid('会员').optional(),
});
export type CareEventListQuery = z.infer<typeof careEventListQuery>;

export interface CareEventView {
  id: string;
  memberId: string;
  memberName: string;
  departmentName: string | null;
  kind: VisitReason;
  kindLabel: string;
  eventDate: string;
  note: string | null;
  status: CareEventStatus;
  visitId: string | null;
  dismissReason: string | null;
  reportedByName: string | null;
  closedByName: string | null;
  createdAt: string;
  /** Open for more than EVENT_OVERDUE_DAYS days after the event. */
  overdue: boolean;
}

// Worklists

const month = z.string({ error: '请填写月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** A month's birthdays, a page at a time; `visited` narrows to those with (or without) this year's visit. */
export const birthdayQuery = z.strictObject({
  month,
  visited: z.enum(['yes', 'no'], { error: '是否已慰问应为 yes 或 no' }).optional(),
  ...pageQuery,
  pageSize: pageQuery.pageSize.default(50),
});
export type BirthdayQuery = z.infer<typeof birthdayQuery>;

/** Cards for the month, or only for the listed members (comma-separated ids). */
export const birthdayCardsQuery = z.strictObject({
  month,
  memberIds: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : []))
    .pipe(z.array(uuid('会员')).max(2000, '一次最多2000张')),
});

export interface BirthdayRow {
  memberId: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  departmentName: string | null;
  /** The birthday visit already made this year, if any. */
  visitId: string | null;
  visitDate: string | null;
}

/** A page of the month's birthdays, with the month's counts (the page may hold only the unvisited). */
export interface BirthdayPage extends Paged<BirthdayRow> {
  month: string;
  /** Everyone born in the month, and those among them already visited this year. */
  counts: { total: number; visited: number };
}

export const festivalQuery = z.strictObject({ festival: requiredText('节日', 30) });

export interface FestivalRow {
  memberId: string;
  name: string;
  departmentName: string | null;
  retiree: boolean;
  hardship: boolean;
}
