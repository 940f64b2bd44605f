import { Form, Input } from 'antd';
import { DEFAULT_PASSWORD_POLICY } from '../../../common/password';

const { minLength, minClasses } = DEFAULT_PASSWORD_POLICY;
export const PASSWORD_RULE_TEXT = `至少${minLength}位，包含大写字母、小写字母、数字、符号中的至少${minClasses}类，且不能包含用户名`;

/** A new password with the rule shown beneath it, and a second entry that must match. */
export function NewPasswordFields({ name, label }: { name: string; label: string }) {
  return (
    <>
      <Form.Item name={name} label={label} extra={PASSWORD_RULE_TEXT} required>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认密码"
        dependencies={[name]}
        required
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue(name)
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

/** Drops the confirmation, which only the form checks. */
export function withoutConfirm({ confirm: _, ...rest }: Record<string, unknown>) {
  return rest;
}
