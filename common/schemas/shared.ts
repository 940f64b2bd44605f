import { z } from 'zod';

/** A business date, YYYY-MM-DD, named in the message so the user knows which field to fix. */
export const isoDate = (label: string) =>
  z.iso.date({ error: `${label}格式应为 YYYY-MM-DD，且须是有效日期` });

export const uuid = (label: string) => z.uuid({ error: `${label}无效` });

/** Missing and wrong-typed values get their own message naming the field. */
export const str = (label: string) =>
  z.string({
    error: (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}应为文字`),
  });

export const text = (label: string, max: number) => str(label).trim().max(max, `${label}不超过${max}个字`);

export const requiredText = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

/** Optional text where an empty string means "not given". */
export const optionalText = (label: string, max: number) =>
  text(label, max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const pageQuery = {
  page: z.coerce.number({ error: '页码应为数字' }).int().min(1, '页码从1开始').max(100000).default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int().min(1).max(200, '每页最多200条').default(20),
};

export const idParams = z.strictObject({ id: uuid('编号') });

export interface Page {
  page: number;
  pageSize: number;
  total: number;
}
export interface Paged<T> {
  data: T[];
  page: Page;
}
