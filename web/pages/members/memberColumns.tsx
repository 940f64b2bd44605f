import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS } from '../../../common/enums';
import type { MemberView } from '../../../common/schemas/member';
import { StatusTag } from '../../components/StatusTag';

/** The roster's columns; `sortable` ones are sorted by the server (MEMBER_SORTS). */
export const memberColumns: TableColumnsType<MemberView> = [
  {
    title: '姓名',
    dataIndex: 'name',
    key: 'name',
    sorter: true,
    fixed: 'start',
    render: (name: string, m) => <Link to={`/members/${m.id}`}>{name}</Link>,
  },
  { title: '性别', dataIndex: 'gender', render: (g: MemberView['gender']) => GENDER_LABELS[g] },
  { title: '科室', dataIndex: 'departmentName' },
  { title: '工会小组', dataIndex: 'unionGroupName', render: (v: string | null) => v ?? '—' },
  {
    title: '用工形式',
    dataIndex: 'employmentType',
    render: (t: MemberView['employmentType']) => EMPLOYMENT_TYPE_LABELS[t],
  },
  { title: '会员证号', dataIndex: 'memberNo', key: 'memberNo', sorter: true, render: (v) => v ?? '—' },
  { title: '手机号', dataIndex: 'phone', render: (v) => v ?? '—' },
  { title: '入职日期', dataIndex: 'hireDate', key: 'hireDate', sorter: true, render: (v) => v ?? '—' },
  { title: '入会日期', dataIndex: 'joinedAt', key: 'joinedAt', sorter: true, render: (v) => v ?? '—' },
  {
    title: '会籍状态',
    dataIndex: 'status',
    render: (s: MemberView['status']) => <StatusTag status={s} />,
  },
];
