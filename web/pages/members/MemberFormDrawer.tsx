import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import {
  EDUCATION_LABELS,
  EDUCATIONS,
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  GENDER_LABELS,
  GENDERS,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
} from '../../../common/enums';
import { type MemberView, memberCreateBody, memberUpdateBody } from '../../../common/schemas/member';
import { api } from '../../api';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect';
import { FormDrawer } from '../../components/FormDrawer';
import { dateStringItem, withoutEmpty } from '../../forms';
import { labelOptions } from '../../options';
import { useUnionGroups } from '../../queries';
import { MEMBERS_KEY } from './memberQueries';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The member to edit; absent when registering a new one. */
  member?: MemberView;
}

const half = { xs: 24, sm: 12 };

/** The member's values for the form's fields (the ID number stays empty: the form only knows it masked). */
function initialOf(m: MemberView) {
  const fields = Object.keys(memberCreateBody.shape).filter((k) => k !== 'idNumber');
  return Object.fromEntries(fields.map((k) => [k, m[k as keyof MemberView] ?? undefined]));
}

export function MemberFormDrawer({ open, onClose, member }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: groups = [] } = useUnionGroups();

  async function submit(body: unknown) {
    const { data } = member
      ? await api.put<{ data: MemberView }>(`/members/${member.id}`, body)
      : await api.post<{ data: MemberView }>('/members', body);
    await queryClient.invalidateQueries({ queryKey: MEMBERS_KEY });
    message.success(member ? '会员信息已保存' : `已登记会员 ${data.name}`);
    onClose();
  }

  return (
    <FormDrawer
      title={member ? `编辑会员：${member.name}` : '新增会员'}
      open={open}
      onClose={onClose}
      schema={member ? memberUpdateBody : memberCreateBody}
      initialValues={member ? initialOf(member) : undefined}
      toBody={(v) => (member ? { ...withoutEmpty(v), version: member.version } : withoutEmpty(v))}
      onSubmit={submit}
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="name" label="姓名" required>
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="idNumber"
            label="身份证号"
            required={!member}
            extra={member ? `当前：${member.idNumberMasked}，留空则不修改` : '出生日期和性别将与身份证号核对'}
          >
            <Input placeholder={member ? '留空则不修改' : '18位身份证号'} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gender" label="性别">
            <Select allowClear options={labelOptions(GENDER_LABELS, GENDERS)} placeholder="按身份证号" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="birthDate" label="出生日期" {...dateStringItem}>
            <DatePicker style={{ width: '100%' }} placeholder="按身份证号" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="ethnicity" label="民族">
            <Input placeholder="如：汉族" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="politicalStatus" label="政治面貌">
            <Select allowClear options={labelOptions(POLITICAL_STATUS_LABELS, POLITICAL_STATUSES)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="education" label="学历">
            <Select allowClear options={labelOptions(EDUCATION_LABELS, EDUCATIONS)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label="手机号">
            <Input placeholder="手机或座机" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="departmentId" label="科室" required>
            <DepartmentTreeSelect />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="unionGroupId" label="工会小组">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={groups.map((g) => ({ value: g.id, label: g.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="jobTitle" label="职务/岗位">
            <Input />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="employmentType" label="用工形式" required>
            <Select options={labelOptions(EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="hireDate" label="入职日期" {...dateStringItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="joinedAt" label="入会日期" {...dateStringItem}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="memberNo" label="会员证号">
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label="备注">
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
