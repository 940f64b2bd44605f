import { z } from 'zod';
import {
  EDUCATIONS,
  EMPLOYMENT_TYPES,
  GENDERS,
  MEMBERSHIP_ACTIONS,
  MEMBERSHIP_STATUSES,
  POLITICAL_STATUSES,
} from '../enums.js';
import { idNumberError, idNumberInfo, normalizeIdNumber } from '../idNumber.js';
import { isValidPhone, normalizePhone } from '../phone.js';
import { isoDate, optionalText, pageQuery, requiredText, uuid } from './shared.js';

export const idNumberSchema = z
  .string({ error: '请填写身份证号' })
  .transform(normalizeIdNumber)
  .superRefine((v, ctx) => {
    const problem = idNumberError(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const phone = z
  .string({ error: '手机号应为文字' })
  .transform(normalizePhone)
  .refine((v) => v === '' || isValidPhone(v), '电话号码格式不正确：手机为11位，座机如 010-12345678')
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

const memberNo = z
  .string()
  .trim()
  .max(30, '会员证号不超过30个字符')
  .regex(/^[A-Za-z0-9-]*$/, '会员证号只能含字母、数字和短横线')
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

const fields = {
  name: requiredText('姓名', 50),
  gender: z.enum(GENDERS, { error: '性别只能是男或女' }).optional(),
  birthDate: isoDate('出生日期').optional(),
  ethnicity: optionalText('民族', 20),
  politicalStatus: z.enum(POLITICAL_STATUSES, { error: '政治面貌无效' }).nullable().default(null),
  education: z.enum(EDUCATIONS, { error: '学历无效' }).nullable().default(null),
  phone,
  departmentId: uuid('科室'),
  unionGroupId: uuid('工会小组').nullable().default(null),
  jobTitle: optionalText('职务/岗位', 50),
  employmentType: z.enum(EMPLOYMENT_TYPES, { error: '用工形式无效' }),
  hireDate: isoDate('入职日期').nullable().default(null),
  joinedAt: isoDate('入会日期').nullable().default(null),
  memberNo,
  notes: optionalText('备注', 1000),
};

interface IdCrossCheck {
  idNumber?: string;
  gender?: string;
  birthDate?: string;
  hireDate?: string | null;
  joinedAt?: string | null;
}

/** The ID number carries birth date and gender: entered values must agree with it. */
export function crossCheckIdNumber(v: IdCrossCheck, ctx: z.RefinementCtx) {
  const info = v.idNumber ? idNumberInfo(v.idNumber) : null;
  if (info && v.birthDate && v.birthDate !== info.birthDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthDate'],
      message: `出生日期与身份证号不一致（应为${info.birthDate}）`,
    });
  }
  if (info && v.gender && v.gender !== info.gender) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: '性别与身份证号不一致' });
  }
  const birth = v.birthDate ?? info?.birthDate;
  if (birth && v.hireDate && v.hireDate < birth) {
    ctx.addIssue({ code: 'custom', path: ['hireDate'], message: '入职日期不能早于出生日期' });
  }
  if (birth && v.joinedAt && v.joinedAt < birth) {
    ctx.addIssue({ code: 'custom', path: ['joinedAt'], message: '入会日期不能早于出生日期' });
  }
}

export const memberCreateBody = z
  .strictObject({ ...fields, idNumber: idNumberSchema })
  .superRefine(crossCheckIdNumber);

export const memberUpdateBody = z
  .strictObject({
    ...fields,
    // Omitted: keep the stored number (the form only ever saw it masked).
    idNumber: idNumberSchema.optional(),
    version: z.number({ error: '缺少版本号' }).int().min(1),
  })
  .superRefine(crossCheckIdNumber);

export type MemberCreate = z.infer<typeof memberCreateBody>;
export type MemberUpdate = z.infer<typeof memberUpdateBody>;

export const MEMBER_SORTS = ['name', 'memberNo', 'joinedAt', 'hireDate', 'createdAt'] as const;

export const memberListQuery = z.strictObject({
  q: z.string().trim().max(50, '搜索词不超过50个字').optional(),
  departmentId: uuid('科室').optional(),
  unionGroupId: uuid('工会小组').optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES, { error: '用工形式无效' }).optional(),
  status: z.enum(MEMBERSHIP_STATUSES, { error: '会籍状态无效' }).optional(),
  joinedYear: z.coerce.number({ error: '入会年份应为数字' }).int().min(1900).max(2100).optional(),
  sort: z.enum(MEMBER_SORTS, { error: '排序字段无效' }).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageQuery,
});
export type MemberListQuery = z.infer<typeof memberListQuery>;
export const memberExportQuery = memberListQuery.omit({
  page: true,
  pageSize: true,
  sort: true,
  order: true,
});

export const membershipChangeBody = z.strictObject({
  action: z.enum(MEMBERSHIP_ACTIONS, { error: '会籍变动类型无效' }),
  date: isoDate('变动日期'),
  reason: optionalText('原因', 500),
  memberNo: memberNo,
  version: z.number({ error: '缺少版本号' }).int().min(1),
});
export type MembershipChange = z.infer<typeof membershipChangeBody>;

export const IMPORT_MODES = ['create', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
/** create: every row is a new person (one already registered is a problem); upsert: match by ID number. */
export const memberImportQuery = z.strictObject({
  mode: z
    .enum(IMPORT_MODES, { error: '导入方式只能是 create（新增）或 upsert（新增或更新）' })
    .default('create'),
});

export interface MemberView {
  id: string;
  name: string;
  gender: (typeof GENDERS)[number];
  birthDate: string;
  idNumberMasked: string;
  ethnicity: string | null;
  politicalStatus: (typeof POLITICAL_STATUSES)[number] | null;
  education: (typeof EDUCATIONS)[number] | null;
  phone: string | null;
  departmentId: string;
  departmentName: string;
  unionGroupId: string | null;
  unionGroupName: string | null;
  jobTitle: string | null;
  employmentType: (typeof EMPLOYMENT_TYPES)[number];
  hireDate: string | null;
  joinedAt: string | null;
  memberNo: string | null;
  status: (typeof MEMBERSHIP_STATUSES)[number];
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean; revealIdNumber: boolean; actions: (typeof MEMBERSHIP_ACTIONS)[number][] };
}

export interface MembershipEventView {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  date: string;
  reason: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface MemberStatsRow {
  key: string;
  label: string;
  staff: number;
  members: number;
  joinRate: number;
}
export interface MemberStats {
  total: { staff: number; members: number; applied: number; joinRate: number };
  byDepartment: MemberStatsRow[];
  byEmploymentType: MemberStatsRow[];
}

export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}
export interface ImportPreview {
  id: string;
  fileName: string;
  total: number;
  toCreate: number;
  toUpdate: number;
  mode: ImportMode;
  /** The first problems (at most 1000), by row; `problemCount` says how many there are in all. */
  problems: ImportProblem[];
  problemCount: number;
  sample: {
    row: number;
    name: string;
    idNumberMasked: string;
    departmentName: string;
    action: 'create' | 'update';
  }[];
}

export interface ImportCommitResult {
  created: number;
  updated: number;
}
