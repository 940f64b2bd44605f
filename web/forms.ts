// Forms check their input with the same zod schema as the server and show each problem on its field.
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { config, type ZodType, type z } from 'zod';
import { zhCN } from 'zod/locales';
import type { ErrorDetail } from '../common/errors';
import { ApiError } from './api';

config(zhCN());

/** An emptied input means "not given", as the schemas expect. */
export function withoutEmpty<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? undefined : v])) as T;
}

/** Puts each message on the field its path names; returns the messages no field on the form can show. */
function setFieldErrors(form: FormInstance, details: ErrorDetail[]): string[] {
  const fields = new Set(Object.keys(form.getFieldsValue()));
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const d of details) {
    const name = d.path.split('.')[0];
    if (fields.has(name)) byField.set(name, [...(byField.get(name) ?? []), d.message]);
    else rest.push(d.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest;
}

/** Runs the schema on the values; on failure marks the fields and returns null. */
export function validateWith<S extends ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
): { data: z.output<S> } | { problems: string[] } {
  const r = schema.safeParse(values);
  if (r.success) return { data: r.data };
  const details = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return { problems: setFieldErrors(form, details) };
}

/** Shows a failed request: field errors on the form, the server's Chinese message on top. */
export function showFormError(form: FormInstance, err: unknown, notify: (text: string) => void) {
  if (err instanceof ApiError) {
    setFieldErrors(form, err.details);
    notify(err.message);
  } else {
    notify('操作失败，请稍后再试');
  }
}

/** Form.Item props that keep a DatePicker's value as a 'YYYY-MM-DD' string. */
export const dateStringItem = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};
