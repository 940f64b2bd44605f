import { DatePicker, Form, Input, Radio } from 'antd';
import { SATISFACTION_LABELS, SATISFACTIONS } from '../../../common/schemas/handling';
import { DepartmentTreeSelect } from '../../components/DepartmentTreeSelect';
import { dateStringItem } from '../../forms';

/** Fields of an assignment: lead and co-handling departments, due date. */
export function AssignFields() {
  return (
    <>
      <Form.Item name="leadDepartmentId" label="主办部门" required>
        <DepartmentTreeSelect placeholder="选择主办部门" />
      </Form.Item>
      <Form.Item name="coDepartmentIds" label="协办部门">
        <DepartmentTreeSelect multiple placeholder="可选" />
      </Form.Item>
      <Form.Item name="dueDate" label="办理期限" required {...dateStringItem}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </>
  );
}

/** Fields of a rating: 满意 / 基本满意 / 不满意 and, for 不满意, the reason. */
export function RateFields() {
  return (
    <>
      <Form.Item name="satisfaction" label="满意度" required>
        <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))} />
      </Form.Item>
      <Form.Item name="reason" label="评价意见（不满意时必填）">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}
