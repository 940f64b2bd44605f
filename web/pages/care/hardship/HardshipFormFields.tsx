import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import { dateStringItem } from '../../../forms';
import { YuanInput } from '../../funds/fundsShared';
import { levelOptions, reasonOptions } from './hardshipShared';
import { MemberSelect } from './MemberSelect';

/** Money is typed in 元 and sent as integer 分; household rows are sent as typed. */
export function toHardshipBody(v: Record<string, unknown>) {
  const income = v.monthlyIncomePerHeadFen;
  return {
    ...v,
    monthlyIncomePerHeadFen: typeof income === 'number' ? Math.round(income * 100) : income,
    household: ((v.household as Record<string, unknown>[] | undefined) ?? []).map((h) => ({
      ...h,
      situation: h.situation || null,
    })),
    situation: v.situation || null,
  };
}

/** The fields of a hardship file; `create` adds the member and the registration date. */
export function HardshipFormFields({ create }: { create: boolean }) {
  return (
    <>
      {create && (
        <Form.Item name="memberId" label="职工" required>
          <MemberSelect />
        </Form.Item>
      )}
      <Form.Item name="level" label="困难等级" required>
        <Select options={levelOptions} />
      </Form.Item>
      <Form.Item name="reasons" label="致困原因" required>
        <Checkbox.Group options={reasonOptions} />
      </Form.Item>
      <Form.Item name="monthlyIncomePerHeadFen" label="家庭月人均收入" required>
        <YuanInput />
      </Form.Item>
      <Form.Item label="家庭成员">
        <Form.List name="household">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={4} align="baseline">
                  <Form.Item name={[f.name, 'name']} noStyle>
                    <Input placeholder="姓名" style={{ width: 90 }} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'relation']} noStyle>
                    <Input placeholder="关系" style={{ width: 70 }} maxLength={10} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'age']} noStyle>
                    <InputNumber placeholder="年龄" min={0} max={150} style={{ width: 70 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'situation']} noStyle>
                    <Input placeholder="健康或就业状况" maxLength={100} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除成员" onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ age: undefined })}>
                添加家庭成员
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="situation" label="家庭情况说明">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      {create && (
        <Form.Item name="registeredOn" label="建档日期" required {...dateStringItem}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}
