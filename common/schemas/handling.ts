import { z } from 'zod';
import { isoDate, pageQuery, requiredText, text, uuid } from './shared.js';

// The handling loop shared by proposals, suggestions and forum issues: assign → answer → rate → close.

export const HANDLING_STATES = ['assigned', 'answered', 'rated', 'closed'] as const;
export type HandlingState = (typeof HANDLING_STATES)[number];
export const HANDLING_STATE_LABELS: Record<HandlingState, string> = {
  assigned: '办理中',
  answered: '已答复',
  rated: '已评价',
  closed: '已办结',
};

export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
};

export const HANDLING_ACTION_LABELS: Record<string, string> = {
  assign: '交办',
  reassign: '调整交办',
  respond: '协办答复',
  answer: '答复',
  rate: '评价',
  reopen: '不满意退回重办',
  close: '办结',
};

/** How far ahead "due soon" looks. */
export const DUE_SOON_DAYS = 7;

export const assignBody = z.strictObject({
  leadDepartmentId: uuid('主办部门'),
  coDepartmentIds: z.array(uuid('协办部门')).max(20, '协办部门最多20个').default([]),
  dueDate: isoDate('办理期限'),
});
export type AssignInput = z.infer<typeof assignBody>;

export const answerBody = z.strictObject({
  /** The department answering; needed only when the user belongs to several assigned departments. */
  departmentId: uuid('答复部门').optional(),
  content: requiredText('办理情况', 4000),
  doneOn: isoDate('办理日期'),
  version: z.number({ error: '版本号应为数字' }).int().min(1),
});
export type AnswerInput = z.infer<typeof answerBody>;

export const rateBody = z
  .strictObject({
    satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意度（满意、基本满意、不满意）' }),
    reason: text('评价意见', 1000).optional(),
    version: z.number({ error: '版本号应为数字' }).int().min(1),
  })
  .refine((v) => v.satisfaction !== 'dissatisfied' || !!v.reason, {
    path: ['reason'],
    message: '选择不满意时请填写原因',
  });
export type RateInput = z.infer<typeof rateBody>;

export const handlingListQuery = z.strictObject({
  ...pageQuery,
  departmentId: uuid('部门').optional(),
  state: z.enum(HANDLING_STATES, { error: '办理状态无效' }).optional(),
  due: z.enum(['overdue', 'dueSoon'], { error: '期限筛选无效' }).optional(),
  subjectType: text('事项类型', 40).optional(),
});
export type HandlingListQuery = z.infer<typeof handlingListQuery>;

export interface HandlingResponseView {
  id: string;
  round: number;
  departmentId: string;
  departmentName: string;
  departmentRole: 'lead' | 'co';
  content: string;
  doneOn: string;
  responderName: string | null;
  createdAt: string;
}
export interface HandlingRatingView {
  round: number;
  memberId: string | null;
  satisfaction: Satisfaction;
  reason: string | null;
  raterName: string | null;
  createdAt: string;
}
export interface HandlingEventView {
  id: string;
  action: string;
  fromState: string | null;
  toState: string;
  note: string | null;
  actorName: string | null;
  createdAt: string;
}
export interface HandlingItemView {
  id: string;
  subjectType: string;
  subjectId: string;
  title: string;
  link: string;
  leadDepartmentId: string;
  leadDepartmentName: string;
  coDepartmentIds: string[];
  coDepartmentNames: string[];
  dueDate: string;
  state: HandlingState;
  round: number;
  reopenReason: string | null;
  raterMemberIds: string[];
  satisfaction: Satisfaction | null;
  overdue: boolean;
  dueSoon: boolean;
  answeredAt: string | null;
  version: number;
}
export interface HandlingDetailView extends HandlingItemView {
  responses: HandlingResponseView[];
  ratings: HandlingRatingView[];
  history: HandlingEventView[];
}
