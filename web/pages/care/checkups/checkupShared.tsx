import { Tag } from 'antd';
import {
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatus,
} from '../../../../common/enums';
import {
  ATTENDANCE_LABELS,
  type Attendance,
  CHECKUP_STATUS_LABELS,
  type CheckupProgrammeView,
  type CheckupStatus,
} from '../../../../common/schemas/checkup';

export const CHECKUPS_KEY = ['care', 'checkups'] as const;

const STATUS_COLORS: Record<CheckupStatus, string> = { draft: 'default', published: 'blue', closed: 'green' };
export function CheckupStatusTag({ status }: { status: CheckupStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{CHECKUP_STATUS_LABELS[status]}</Tag>;
}

const ATTENDANCE_COLORS: Record<Attendance, string> = {
  pending: 'default',
  attended: 'green',
  absent: 'red',
  rescheduled: 'orange',
};
export function AttendanceTag({ attendance }: { attendance: Attendance }) {
  return <Tag color={ATTENDANCE_COLORS[attendance]}>{ATTENDANCE_LABELS[attendance]}</Tag>;
}

/** The rules in one line, as an officer would read them out. */
export function rulesText(p: CheckupProgrammeView): string {
  const parts = [
    p.employmentTypes.length
      ? p.employmentTypes.map((t) => EMPLOYMENT_TYPE_LABELS[t as EmploymentType]).join('、')
      : '全部用工形式',
    p.statuses.map((s) => MEMBERSHIP_STATUS_LABELS[s as MembershipStatus]).join('、'),
  ];
  if (p.minServiceYears !== null) parts.push(`工龄满${p.minServiceYears}年`);
  if (p.minAge !== null && p.maxAge !== null) parts.push(`${p.minAge}至${p.maxAge}周岁`);
  else if (p.minAge !== null) parts.push(`${p.minAge}周岁以上`);
  else if (p.maxAge !== null) parts.push(`${p.maxAge}周岁以下`);
  return `${parts.join('；')}（按${p.referenceDate}计算）`;
}
