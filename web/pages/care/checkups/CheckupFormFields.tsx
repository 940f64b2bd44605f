import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import {
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  MEMBERSHIP_STATUS_LABELS,
  MEMBERSHIP_STATUSES,
} from '../../../../common/enums';
import type { CheckupProgrammeView } from '../../../../common/schemas/checkup';
import { dateStringItem, withoutEmpty } from '../../../forms';
import { labelOptions } from '../../../options';
import { toFen, YuanInput } from '../../funds/fundsShared';

/** The form's values for a programme (the budget in 元). */
export function initialValues(p?: CheckupProgrammeView) {
  const year = new Date().getFullYear();
  if (!p)
    return {
      name: `${year}年职工健康体检`,
      year,
      statuses: ['member'],
      womenExtraItems: ['乳腺彩超', '妇科检查'],
    };
  return { ...p, budgetPerPersonFen: p.budgetPerPersonFen === null ? undefined : p.budgetPerPersonFen / 100 };
}

/** The request body: the budget back to fen, cleared numbers as null. */
export function toBody(v: Record<string, unknown>) {
  const { budgetPerPersonFen, ...rest } = withoutEmpty(v);
  return { ...rest, budgetPerPersonFen: budgetPerPersonFen == null ? null : toFen(budgetPerPersonFen) };
}

const wide = { style: { width: '100%' } };

/** Programme name, provider and the eligibility rules. */
export function CheckupFormFields() {
  return (
    <>
      <Form.Item name="name" label="体检项目名称" required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="year" label="年度" required>
        <InputNumber min={2000} max={2100} precision={0} {...wide} />
      </Form.Item>
      <Form.Item name="provider" label="体检机构">
        <Input maxLength={60} placeholder="如：本院健康管理中心" />
      </Form.Item>
      <Form.Item name="budgetPerPersonFen" label="人均预算（元）" extra="不填为不设">
        <YuanInput />
      </Form.Item>
      <Form.Item
        name="referenceDate"
        label="年龄与工龄计算日期"
        extra="不填则按当年1月1日计算"
        {...dateStringItem}
      >
        <DatePicker {...wide} />
      </Form.Item>
      <Form.Item name="employmentTypes" label="用工形式" extra="不选为全部">
        <Select mode="multiple" options={labelOptions(EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES)} />
      </Form.Item>
      <Form.Item name="statuses" label="会籍状态" required>
        <Select mode="multiple" options={labelOptions(MEMBERSHIP_STATUS_LABELS, MEMBERSHIP_STATUSES)} />
      </Form.Item>
      <Form.Item
        name="minServiceYears"
        label="工龄满（年）"
        extra="按入职日期计算；没有入职日期的人员不符合此条件"
      >
        <InputNumber min={1} max={60} precision={0} {...wide} />
      </Form.Item>
      <Form.Item name="minAge" label="年龄下限（周岁）">
        <InputNumber min={16} max={100} precision={0} {...wide} />
      </Form.Item>
      <Form.Item name="maxAge" label="年龄上限（周岁）">
        <InputNumber min={16} max={100} precision={0} {...wide} />
      </Form.Item>
      <Form.Item name="womenExtraItems" label="女职工加项" extra="输入后回车，可填多项">
        <Select mode="tags" tokenSeparators={['、', ',', '，']} open={false} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </>
  );
}
