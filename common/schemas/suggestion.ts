import { z } from 'zod';
import type { HandlingDetailView, HandlingItemView } from './handling.js';
import { assignBody } from './handling.js';
import { pageQuery, requiredText, text } from './shared.js';

// 合理化建议: from any member; the committee adopts (采纳) or declines; adopted ones are handled.

export const SUGGESTION_STATES = ['submitted', 'adopted', 'declined'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];
export const SUGGESTION_STATE_LABELS: Record<SuggestionState, string> = {
  submitted: '待处理',
  adopted: '已采纳',
  declined: '未采纳',
};

export const SUGGESTION_ACTIONS = ['adopt', 'decline'] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];
export const SUGGESTION_ACTION_LABELS: Record<SuggestionAction, string> = {
  adopt: '采纳',
  decline: '不予采纳',
};

const version = z.number({ error: '版本号应为数字' }).int().min(1);

export const suggestionCreateBody = z.strictObject({
  title: requiredText('建议标题', 200),
  content: requiredText('建议内容', 4000),
});
export type SuggestionCreate = z.infer<typeof suggestionCreateBody>;

export const suggestionDecideBody = z.strictObject({
  reason: text('处理意见', 1000).optional(),
  version,
});
export type SuggestionDecide = z.infer<typeof suggestionDecideBody>;

export const suggestionAssignBody = assignBody.extend({
  /** The handling item's version, when changing an assignment that is still open. */
  version: version.optional(),
});
export type SuggestionAssign = z.infer<typeof suggestionAssignBody>;

export const suggestionCloseBody = z.strictObject({ version });

export const suggestionRewardBody = z.strictObject({
  rewardNote: text('奖励说明', 500).optional(),
  rewardFen: z
    .number({ error: '奖励金额应为数字（分）' })
    .int('奖励金额以分计，应为整数')
    .min(0, '奖励金额不能为负')
    .max(100_000_000, '奖励金额过大')
    .nullable()
    .optional(),
  version,
});
export type SuggestionReward = z.infer<typeof suggestionRewardBody>;

export const yearQuery = z.coerce
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(2000, '年份应在2000至2100之间')
  .max(2100, '年份应在2000至2100之间');

export const suggestionListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  year: yearQuery.optional(),
  state: z.enum(SUGGESTION_STATES, { error: '状态无效' }).optional(),
  /** Only the caller's own suggestions (managers see everyone's otherwise). */
  mine: z
    .enum(['true', 'false'], { error: '仅看我的应为 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
});
export type SuggestionListQuery = z.infer<typeof suggestionListQuery>;

export interface SuggestionView {
  id: string;
  memberId: string;
  memberName: string;
  departmentName: string;
  title: string;
  content: string;
  submittedOn: string;
  state: SuggestionState;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  proposalId: string | null;
  rewardNote: string | null;
  rewardFen: number | null;
  version: number;
  handling: HandlingItemView | null;
  abilities: {
    decide: boolean;
    assign: boolean;
    rate: boolean;
    close: boolean;
    reward: boolean;
  };
}

export interface SuggestionDetailView extends SuggestionView {
  handlingDetail: HandlingDetailView | null;
}
