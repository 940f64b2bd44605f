import { Descriptions } from 'antd';
import {
  EDUCATION_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  GENDER_LABELS,
  POLITICAL_STATUS_LABELS,
} from '../../../common/enums';
import type { MemberView } from '../../../common/schemas/member';
import { StatusTag } from '../../components/StatusTag';
import { formatDateTime } from '../../format';
import { IdNumberReveal } from './IdNumberReveal';

const orDash = (v: string | null | undefined) => v || '—';

export function MemberInfo({ member: m }: { member: MemberView }) {
  const items = [
    { label: '姓名', children: m.name },
    { label: '性别', children: GENDER_LABELS[m.gender] },
    {
      label: '身份证号',
      children: (
        <IdNumberReveal memberId={m.id} masked={m.idNumberMasked} canReveal={m.abilities.revealIdNumber} />
      ),
    },
    { label: '出生日期', children: orDash(m.birthDate) },
    { label: '民族', children: orDash(m.ethnicity) },
    { label: '政治面貌', children: m.politicalStatus ? POLITICAL_STATUS_LABELS[m.politicalStatus] : '—' },
    { label: '学历', children: m.education ? EDUCATION_LABELS[m.education] : '—' },
    { label: '手机号', children: orDash(m.phone) },
    { label: '科室', children: m.departmentName },
    { label: '工会小组', children: orDash(m.unionGroupName) },
    { label: '职务/岗位', children: orDash(m.jobTitle) },
    { label: '用工形式', children: EMPLOYMENT_TYPE_LABELS[m.employmentType] },
    { label: '入职日期', children: orDash(m.hireDate) },
    { label: '入会日期', children: orDash(m.joinedAt) },
    { label: '会员证号', children: orDash(m.memberNo) },
    { label: '会籍状态', children: <StatusTag status={m.status} /> },
    { label: '登记时间', children: formatDateTime(m.createdAt) },
    { label: '更新时间', children: formatDateTime(m.updatedAt) },
    {
      label: '备注',
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(m.notes)}</span>,
      span: 'filled' as const,
    },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
