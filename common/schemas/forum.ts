import { z } from 'zod';
import type { HandlingDetailView, HandlingItemView } from './handling.js';
import { assignBody } from './handling.js';
import { isoDate, optionalText, pageQuery, requiredText } from './shared.js';
import { yearQuery } from './suggestion.js';

// 座谈会 and the problems raised at it (forumIssue), each solved on the spot or handled.

export const FORUM_KINDS = ['staff', 'patientFamily'] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];
export const FORUM_KIND_LABELS: Record<ForumKind, string> = {
  staff: '职工座谈会',
  patientFamily: '患者家属座谈会',
};

export const FORUM_ISSUE_STATES = ['open', 'resolvedOnSpot', 'handling'] as const;
export type ForumIssueState = (typeof FORUM_ISSUE_STATES)[number];
export const FORUM_ISSUE_STATE_LABELS: Record<ForumIssueState, string> = {
  open: '待处理',
  resolvedOnSpot: '当场解决',
  handling: '交办处理',
};

export const RESOLUTION_KINDS = ['onSpot', 'deadline', 'explained'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];
export const RESOLUTION_KIND_LABELS: Record<ResolutionKind, string> = {
  onSpot: '当场解决',
  deadline: '限期解决',
  explained: '说明原因',
};

const version = z.number({ error: '版本号应为数字' }).int().min(1);

const forumFields = {
  kind: z.enum(FORUM_KINDS, { error: '请选择座谈会类型（职工或患者家属）' }),
  title: requiredText('座谈会名称', 200),
  date: isoDate('召开日期'),
  place: optionalText('地点', 100),
  participantCount: z
    .number({ error: '参加人数应为数字' })
    .int('参加人数应为整数')
    .min(1, '参加人数至少为1')
    .max(100000, '参加人数过大'),
  participants: optionalText('参加人员', 1000),
  notes: optionalText('备注', 4000),
};

export const forumCreateBody = z.strictObject(forumFields);
export type ForumCreate = z.infer<typeof forumCreateBody>;
export const forumUpdateBody = z.strictObject({ ...forumFields, version });
export type ForumUpdate = z.infer<typeof forumUpdateBody>;

export const forumListQuery = z.strictObject({
  ...pageQuery,
  year: yearQuery.optional(),
  kind: z.enum(FORUM_KINDS, { error: '座谈会类型无效' }).optional(),
});
export type ForumListQuery = z.infer<typeof forumListQuery>;

export const forumIssueCreateBody = z.strictObject({
  content: requiredText('问题内容', 2000),
  raisedBy: optionalText('提出人', 100),
});
export type ForumIssueCreate = z.infer<typeof forumIssueCreateBody>;

export const forumIssueResolveBody = z.strictObject({
  resolution: requiredText('解决情况', 2000),
  version,
});
export type ForumIssueResolve = z.infer<typeof forumIssueResolveBody>;

export const forumIssueAssignBody = assignBody.extend({
  resolutionKind: z.enum(['deadline', 'explained'], { error: '请选择处理方式（限期解决或说明原因）' }),
  /** The forum issue's version. */
  version,
  /** The handling item's version, when changing an assignment that is still open. */
  handlingVersion: version.optional(),
});
export type ForumIssueAssign = z.infer<typeof forumIssueAssignBody>;

export const forumIssueListQuery = z.strictObject({
  ...pageQuery,
  year: yearQuery.optional(),
  /** solved: on the spot, or answered by the department (answered, rated or closed); unsolved: the rest. */
  solved: z
    .enum(['true', 'false'], { error: '解决状态应为 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});
export type ForumIssueListQuery = z.infer<typeof forumIssueListQuery>;

export interface ForumView {
  id: string;
  kind: ForumKind;
  title: string;
  date: string;
  place: string | null;
  participantCount: number;
  participants: string | null;
  notes: string | null;
  issueCount: number;
  solvedCount: number;
  version: number;
}

export interface ForumIssueView {
  id: string;
  forumId: string;
  forumTitle: string;
  forumDate: string;
  seq: number;
  content: string;
  raisedBy: string | null;
  state: ForumIssueState;
  resolutionKind: ResolutionKind | null;
  resolution: string | null;
  solved: boolean;
  version: number;
  handling: HandlingItemView | null;
}

export interface ForumDetailView extends ForumView {
  issues: ForumIssueView[];
}

export interface ForumIssueDetailView extends ForumIssueView {
  handlingDetail: HandlingDetailView | null;
}
