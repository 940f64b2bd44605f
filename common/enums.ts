// Enumerations with their zh-CN labels. Labels double as the values accepted in Excel imports.

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

export const MEMBERSHIP_STATUSES = [
  'nonMember',
  'applied',
  'member',
  'transferredOut',
  'left',
  'retired',
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  nonMember: '非会员',
  applied: '申请入会',
  member: '会员',
  transferredOut: '已转出',
  left: '已退会',
  retired: '退休会员',
};

export const EMPLOYMENT_TYPES = ['permanent', 'contract', 'recruited', 'agency', 'retired'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  permanent: '编制内',
  contract: '合同制',
  recruited: '招聘',
  agency: '派遣',
  retired: '退休',
};

export const POLITICAL_STATUSES = ['cpc', 'probationary', 'league', 'democratic', 'none'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  cpc: '中共党员',
  probationary: '中共预备党员',
  league: '共青团员',
  democratic: '民主党派',
  none: '群众',
};

export const EDUCATIONS = ['doctorate', 'master', 'bachelor', 'college', 'secondary', 'other'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, string> = {
  doctorate: '博士研究生',
  master: '硕士研究生',
  bachelor: '大学本科',
  college: '大学专科',
  secondary: '中专及以下',
  other: '其他',
};

/** Membership changes (入会/转会/退会…); each one is an event in the member's history. */
export const MEMBERSHIP_ACTIONS = [
  'apply',
  'approve',
  'reject',
  'transferOut',
  'transferIn',
  'leave',
  'retire',
] as const;
export type MembershipAction = (typeof MEMBERSHIP_ACTIONS)[number];
export const MEMBERSHIP_ACTION_LABELS: Record<MembershipAction | 'create' | 'import', string> = {
  create: '登记',
  import: '导入',
  apply: '申请入会',
  approve: '批准入会',
  reject: '不予批准',
  transferOut: '转出',
  transferIn: '转入',
  leave: '退会',
  retire: '退休',
};

/** Looks up an enum value by its Chinese label (or the code itself), for imports. */
export function valueOfLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const t = text.trim();
  for (const [value, label] of Object.entries(labels) as [T, string][]) {
    if (label === t || value === t) return value;
  }
  return undefined;
}
