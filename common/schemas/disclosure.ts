import { z } from 'zod';
import { isoDate, pageQuery, requiredText, str, text } from './shared.js';

// 院务公开: items made public, each with a category and a channel from the union's own lists.

export const DISCLOSURE_STATES = ['draft', 'published', 'withdrawn'] as const;
export type DisclosureState = (typeof DISCLOSURE_STATES)[number];
export const DISCLOSURE_STATE_LABELS: Record<DisclosureState, string> = {
  draft: '草稿',
  published: '已公开',
  withdrawn: '已撤回',
};

export const DISCLOSURE_ACTIONS = ['publish', 'withdraw'] as const;
export type DisclosureAction = (typeof DISCLOSURE_ACTIONS)[number];
export const DISCLOSURE_ACTION_LABELS: Record<DisclosureAction, string> = {
  publish: '公开',
  withdraw: '撤回',
};

export interface DisclosureOption {
  code: string;
  label: string;
}

/** A new union starts with these lists; it may rename, add and retire entries. */
export const DEFAULT_DISCLOSURE_CATEGORIES: DisclosureOption[] = [
  { code: 'majorDecisions', label: '重大决策' },
  { code: 'operations', label: '经营管理' },
  { code: 'staffInterests', label: '职工切身利益' },
  { code: 'integrity', label: '党风廉政' },
];
export const DEFAULT_DISCLOSURE_CHANNELS: DisclosureOption[] = [
  { code: 'noticeBoard', label: '公开栏' },
  { code: 'intranet', label: '局域网' },
  { code: 'congress', label: '职代会' },
];

/** Attachments: what a notice board scan or a document weighs, and the kinds people post. */
export const DISCLOSURE_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const DISCLOSURE_ATTACHMENT_MAX_COUNT = 10;
export const DISCLOSURE_ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
};

const option = (label: string) =>
  z.strictObject({
    code: str(`${label}代码`)
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,29}$/, `${label}代码应以字母开头，由字母和数字组成，不超过30位`),
    label: requiredText(`${label}名称`, 20),
  });

const optionList = (label: string) =>
  z
    .array(option(label), { error: `请填写${label}` })
    .min(1, `至少保留一个${label}`)
    .max(30, `${label}最多30个`)
    .refine((l) => new Set(l.map((o) => o.code)).size === l.length, `${label}代码不能重复`)
    .refine((l) => new Set(l.map((o) => o.label)).size === l.length, `${label}名称不能重复`);

export const disclosureSettingsBody = z.strictObject({
  categories: optionList('公开类别'),
  channels: optionList('公开渠道'),
});
export type DisclosureSettings = z.infer<typeof disclosureSettingsBody>;

const fields = {
  category: requiredText('公开类别', 30),
  channel: requiredText('公开渠道', 30),
  date: isoDate('公开日期'),
  title: requiredText('标题', 200),
  content: text('公开内容', 20000).default(''),
};

export const disclosureCreateBody = z.strictObject(fields);
export type DisclosureCreate = z.infer<typeof disclosureCreateBody>;

export const disclosureUpdateBody = z.strictObject({
  ...fields,
  version: z.number({ error: '请提供版本号' }).int().min(1),
});
export type DisclosureUpdate = z.infer<typeof disclosureUpdateBody>;

export const disclosureStepBody = z.strictObject({
  version: z.number({ error: '请提供版本号' }).int().min(1),
  reason: text('撤回原因', 500).optional(),
});
export type DisclosureStep = z.infer<typeof disclosureStepBody>;

const year = z.coerce
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份应在2000至2100之间')
  .max(2100, '年份应在2000至2100之间');

export const disclosureListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  year: year.optional(),
  category: z.string().trim().max(30).optional(),
  channel: z.string().trim().max(30).optional(),
  state: z.enum(DISCLOSURE_STATES, { error: '状态无效' }).optional(),
});
export type DisclosureListQuery = z.infer<typeof disclosureListQuery>;

export const disclosureStatsQuery = z.strictObject({ year });

export const attachmentParams = z.strictObject({
  id: z.uuid({ error: '编号无效' }),
  attachmentId: z.uuid({ error: '附件编号无效' }),
});

export interface DisclosureAttachmentView {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface DisclosureView {
  id: string;
  category: string;
  categoryLabel: string;
  channel: string;
  channelLabel: string;
  date: string;
  title: string;
  content: string;
  state: DisclosureState;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  attachments: DisclosureAttachmentView[];
  version: number;
  createdAt: string;
  abilities: { edit: boolean; actions: DisclosureAction[] };
}

export interface DisclosureStats {
  year: number;
  total: number;
  byCategory: { category: string; label: string; count: number }[];
  byChannel: { channel: string; label: string; count: number }[];
}
