import { z } from 'zod';
import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  type Gender,
  MEMBERSHIP_STATUSES,
  type MembershipStatus,
} from '../enums.js';
import { aidCaseCreateBody } from './aid.js';
import { commaList } from './commaList.js';
import { fenAmount } from './dues.js';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

// 健康体检 (checkup): a yearly programme with eligibility rules, its frozen eligible list, batches and
// attendance, and a follow-up flag. No diagnosis is ever stored: the flag carries a short, non-medical note.

export const CHECKUP_STATUSES = ['draft', 'published', 'closed'] as const;
export type CheckupStatus = (typeof CHECKUP_STATUSES)[number];
export const CHECKUP_STATUS_LABELS: Record<CheckupStatus, string> = {
  draft: '草稿',
  published: '已发布',
  closed: '已结束',
};

export const ATTENDANCES = ['pending', 'attended', 'absent', 'rescheduled'] as const;
export type Attendance = (typeof ATTENDANCES)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '待体检',
  attended: '已体检',
  absent: '未参检',
  rescheduled: '改期',
};

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}不小于${min}`)
    .max(max, `${label}不超过${max}`);

/** The eligibility rules; every rule left empty does not filter. */
const rulesShape = {
  employmentTypes: z
    .array(z.enum(EMPLOYMENT_TYPES, { error: '用工形式无效' }), { error: '用工形式应为列表' })
    .max(EMPLOYMENT_TYPES.length)
    .default([]),
  minServiceYears: wholeNumber('工龄下限', 1, 60).nullable().default(null),
  minAge: wholeNumber('年龄下限', 16, 100).nullable().default(null),
  maxAge: wholeNumber('年龄上限', 16, 100).nullable().default(null),
  statuses: z
    .array(z.enum(MEMBERSHIP_STATUSES, { error: '会籍状态无效' }), { error: '会籍状态应为列表' })
    .min(1, '请至少选择一种会籍状态')
    .default(['member']),
  womenExtraItems: z
    .array(requiredText('女职工加项', 30), { error: '女职工加项应为列表' })
    .max(20, '女职工加项不超过20项')
    .default([]),
};

const programmeShape = {
  name: requiredText('体检项目名称', 60),
  year: wholeNumber('年度', 2000, 2100),
  provider: optionalText('体检机构', 60),
  budgetPerPersonFen: fenAmount('人均预算', 0).nullable().default(null),
  /** Age and years of service are counted on this date; by default 1 January of the year. */
  referenceDate: isoDate('年龄与工龄计算日期').nullable().default(null),
  ...rulesShape,
  note: optionalText('备注', 200),
};

type RulesInput = { minAge: number | null; maxAge: number | null; womenExtraItems: string[] };
function checkRules(v: RulesInput, ctx: z.RefinementCtx) {
  if (v.minAge !== null && v.maxAge !== null && v.minAge > v.maxAge) {
    ctx.addIssue({ code: 'custom', path: ['maxAge'], message: '年龄上限不能小于年龄下限' });
  }
  if (new Set(v.womenExtraItems).size !== v.womenExtraItems.length) {
    ctx.addIssue({ code: 'custom', path: ['womenExtraItems'], message: '女职工加项有重复' });
  }
}

export const checkupProgrammeBody = z.strictObject(programmeShape).superRefine(checkRules);
export type CheckupProgrammeBody = z.infer<typeof checkupProgrammeBody>;

/** Rules change only while the programme is a draft; `version` guards against a second editor. */
export const checkupProgrammeUpdateBody = z
  .strictObject({ ...programmeShape, version: wholeNumber('版本号', 1, 1_000_000_000) })
  .superRefine(checkRules);
export type CheckupProgrammeUpdateBody = z.infer<typeof checkupProgrammeUpdateBody>;

export const checkupListQuery = z.strictObject({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  /** One status or several, comma-separated: the year's figures open the published and closed ones. */
  status: commaList(CHECKUP_STATUSES, '状态').optional(),
  ...pageQuery,
});
export type CheckupListQuery = z.infer<typeof checkupListQuery>;

export const checkupParticipantParams = z.strictObject({ id: uuid('编号'), pid: uuid('人员编号') });
export const checkupBatchParams = z.strictObject({ id: uuid('编号'), bid: uuid('批次编号') });

export const checkupParticipantQuery = z.strictObject({
  departmentId: uuid('科室').optional(),
  /** A batch id, or 'none' for those not yet assigned. */
  batchId: z.union([uuid('批次'), z.literal('none')], { error: '批次无效' }).optional(),
  attendance: z.enum(ATTENDANCES, { error: '到检情况无效' }).optional(),
  followUp: z.enum(['true', 'false'], { error: '需复查筛选无效' }).optional(),
  q: z.string().trim().max(30, '姓名不超过30个字').optional(),
  ...pageQuery,
});

export const checkupExportQuery = z.strictObject({
  /** Whole ID numbers for the checkup centre; needs member:readSensitive and is audited. */
  full: z.enum(['true', 'false'], { error: '参数 full 只能是 true 或 false' }).optional(),
});

export const checkupBatchBody = z.strictObject({
  date: isoDate('体检日期'),
  timeSlot: requiredText('时段', 30),
  place: requiredText('地点', 60),
  capacity: wholeNumber('容量', 1, 10_000),
});
export type CheckupBatchBody = z.infer<typeof checkupBatchBody>;

const idList = (label: string) =>
  z.array(uuid(label), { error: `${label}应为列表` }).max(20_000, `${label}过多`);

/** Assigns people to a batch: whole departments, or chosen people, or both. */
export const checkupAssignBody = z
  .strictObject({
    batchId: uuid('批次'),
    departmentIds: idList('科室').default([]),
    participantIds: idList('人员').default([]),
    /** With departments: skip people already in another batch (the default), or move them too. */
    onlyUnassigned: z.boolean({ error: 'onlyUnassigned 应为是或否' }).default(true),
  })
  .refine((v) => v.departmentIds.length + v.participantIds.length > 0, {
    path: ['departmentIds'],
    message: '请选择科室或人员',
  });
export type CheckupAssignBody = z.infer<typeof checkupAssignBody>;

export const checkupAttendanceBody = z.strictObject({
  participantIds: idList('人员').min(1, '请选择人员'),
  attendance: z.enum(ATTENDANCES, { error: '到检情况无效' }),
});
export type CheckupAttendanceBody = z.infer<typeof checkupAttendanceBody>;

export const checkupFollowUpBody = z
  .strictObject({
    followUp: z.boolean({ error: '请选择是否需复查' }),
    /** Not a diagnosis: what to do next ("请于三个月内复查", "建议专科随访"). */
    note: optionalText('复查说明', 100),
  })
  .refine((v) => v.followUp || v.note === null, { path: ['note'], message: '取消复查标记时不填写说明' });
export type CheckupFollowUpBody = z.infer<typeof checkupFollowUpBody>;

/** An aid case opened from a flagged row: the aid module's own fields for kind, amount and reason. */
export const checkupAidCaseBody = aidCaseCreateBody.pick({ kind: true, amountAskedFen: true, reason: true });
export type CheckupAidCaseBody = z.infer<typeof checkupAidCaseBody>;

export interface CheckupCounts {
  eligible: number;
  assigned: number;
  attended: number;
  absent: number;
  rescheduled: number;
  pending: number;
  followUps: number;
  /** attended / eligible, 0..1 (0 for an empty list). */
  coverage: number;
}

export interface CheckupProgrammeView {
  id: string;
  name: string;
  year: number;
  provider: string | null;
  budgetPerPersonFen: number | null;
  referenceDate: string;
  employmentTypes: EmploymentType[];
  minServiceYears: number | null;
  minAge: number | null;
  maxAge: number | null;
  statuses: MembershipStatus[];
  womenExtraItems: string[];
  status: CheckupStatus;
  note: string | null;
  version: number;
  publishedAt: string | null;
  closedAt: string | null;
  createdByName: string | null;
  createdAt: string;
  counts: CheckupCounts;
}

/** A row of the eligible list (preview or frozen). */
export interface CheckupPersonView {
  memberId: string;
  name: string;
  gender: Gender;
  age: number;
  departmentId: string;
  departmentName: string;
  employmentType: string;
  extraItems: string[];
}

export interface CheckupPreview {
  count: number;
  rows: CheckupPersonView[];
}

export interface CheckupParticipantView extends CheckupPersonView {
  id: string;
  batchId: string | null;
  batchLabel: string | null;
  attendance: Attendance;
  /** null when the caller may not see follow-up flags (care:read). */
  followUp: boolean | null;
  followUpNote: string | null;
  followUpByName: string | null;
  aidCaseId: string | null;
}

export interface CheckupBatchView {
  id: string;
  date: string;
  timeSlot: string;
  place: string;
  capacity: number;
  assigned: number;
  attended: number;
  label: string;
}

/**
 * What a member sees of their own checkups: no follow-up flag or note (those are the care officers'
 * worklist signal, not a result; the member hears results from the checkup centre).
 */
export interface MyCheckupView {
  programmeId: string;
  programmeName: string;
  year: number;
  /** published or closed: drafts are never shown. */
  programmeStatus: Exclude<CheckupStatus, 'draft'>;
  provider: string | null;
  extraItems: string[];
  /** null while the officers have not put the member in a batch yet. */
  batch: { date: string; timeSlot: string; place: string } | null;
  attendance: Attendance;
}

/**
 * `GET /api/care/checkups/mine`. An account not linked to a member record gets an empty list and
 * `memberLinked: false` (a read, so the page explains the missing link instead of showing an error).
 */
export interface MyCheckups {
  data: MyCheckupView[];
  memberLinked: boolean;
}
