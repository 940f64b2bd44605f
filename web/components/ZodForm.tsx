import { App, Button, Flex, Form } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import type { ZodType, z } from 'zod';
import { showFormError, validateWith, withoutEmpty } from '../forms';

export interface ZodFormProps<S extends ZodType> {
  schema: S;
  initialValues?: object;
  /** Turns the form's values into the request body; by default emptied inputs are left out. */
  toBody?: (values: Record<string, unknown>) => unknown;
  onSubmit: (data: z.output<S>) => Promise<unknown>;
  onCancel?: () => void;
  submitText?: string;
  /** One wide submit button, as on the sign-in screens. */
  block?: boolean;
  disabled?: boolean;
  children: ReactNode;
}

/**
 * A vertical antd Form checked with a zod schema before it is sent: each zod issue and each
 * server-side `details` entry appears under its field, the server's message on top.
 */
export function ZodForm<S extends ZodType>(props: ZodFormProps<S>) {
  const { schema, toBody = withoutEmpty, onSubmit, onCancel, block } = props;
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  // A unique form name prefixes the inputs' ids, so labels stay tied to their own input when two forms are on the page.
  const formName = `f${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  async function finish(values: Record<string, unknown>) {
    const checked = validateWith(form, schema, toBody(values));
    if ('problems' in checked) {
      message.error(checked.problems[0] ?? '填写的内容有误，请按提示修改');
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(checked.data);
    } catch (err) {
      showFormError(form, err, message.error);
    } finally {
      setSubmitting(false);
    }
  }

  const submit = (
    <Button type="primary" htmlType="submit" loading={submitting} disabled={props.disabled} block={block}>
      {props.submitText ?? '保存'}
    </Button>
  );
  return (
    <Form
      form={form}
      name={formName}
      layout="vertical"
      initialValues={props.initialValues}
      onFinish={finish}
      disabled={props.disabled}
      scrollToFirstError
    >
      {props.children}
      {block ? (
        submit
      ) : (
        <Flex justify="end" gap={8}>
          {onCancel && <Button onClick={onCancel}>取消</Button>}
          {submit}
        </Flex>
      )}
    </Form>
  );
}
