import { z } from 'zod';
import { assignBody, type HandlingDetailView, SATISFACTIONS, type Satisfaction } from './handling.js';
import { isoDate, optionalText, pageQuery, requiredText, text, uuid } from './shared.js';

export const DEFAULT_PROPOSAL_CATEGORIES = ['医疗管理', '后勤保障', '职工福利', '人事薪酬', '其他'];

export const PROPOSAL_STATES = [
  'draft',
  'awaitingCosigners',
  'submitted',
  'accepted',
  'notAccepted',
  'assigned',
  'answered',
  'rated',
  'closed',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  draft: '草稿',
  awaitingCosigners: '待附议',
  submitted: '已提交',
  accepted: '已立案',
  notAccepted: '不予立案',
  assigned: '办理中',
  answered: '已答复',
  rated: '已评价',
  closed: '已办结',
};

export const PROPOSAL_ACTIONS = [
  'create',
  'submit',
  'recall',
  'cosigned',
  'accept',
  'notAccept',
  'merge',
  'assign',
  'answer',
  'rate',
  'reopen',
  'close',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];
export const PROPOSAL_ACTION_LABELS: Record<ProposalAction, string> = {
  create: '起草',
  submit: '提交',
  recall: '撤回修改',
  cosigned: '附议完成',
  accept: '立案',
  notAccept: '不予立案',
  merge: '并案',
  assign: '交办',
  answer: '答复',
  rate: '评价',
  reopen: '不满意退回重办',
  close: '办结',
};

const categories = z
  .array(requiredText('提案类别', 20))
  .min(1, '至少设置一个提案类别')
  .max(30, '提案类别最多30个')
  .refine((a) => new Set(a).size === a.length, '提案类别不能重复');

export const proposalWindowBody = z
  .strictObject({
    opensOn: isoDate('征集开始日期'),
    closesOn: isoDate('征集截止日期'),
    minCosigners: z
      .number({ error: '附议人数应为数字' })
      .int('附议人数应为整数')
      .min(0)
      .max(20, '附议人数最多20人'),
    categories: categories.default(DEFAULT_PROPOSAL_CATEGORIES),
    version: z.number().int().min(1).optional(),
  })
  .refine((v) => v.opensOn <= v.closesOn, { path: ['closesOn'], message: '征集截止日期不能早于开始日期' });
export type ProposalWindowInput = z.infer<typeof proposalWindowBody>;

const proposalFields = {
  title: requiredText('案由', 100),
  reasons: requiredText('提案理由', 4000),
  measures: requiredText('建议措施', 4000),
  category: requiredText('提案类别', 20),
  cosignerMemberIds: z.array(uuid('附议人')).max(20, '附议人最多20人').default([]),
};

export const proposalCreateBody = z.strictObject({ meetingId: uuid('会议'), ...proposalFields });
export type ProposalCreate = z.infer<typeof proposalCreateBody>;
export const proposalUpdateBody = z.strictObject({ ...proposalFields, version: z.number().int().min(1) });
export type ProposalUpdate = z.infer<typeof proposalUpdateBody>;

export const versionBody = z.strictObject({ version: z.number({ error: '版本号应为数字' }).int().min(1) });

export const cosignBody = z.strictObject({ confirm: z.boolean({ error: '请选择是否附议' }) });

export const reviewBody = z
  .strictObject({
    decision: z.enum(['accept', 'notAccept'], { error: '请选择审查结论（立案或不予立案）' }),
    note: optionalText('审查意见', 1000),
    convertToSuggestion: z.boolean().default(false),
    version: z.number().int().min(1),
  })
  .refine((v) => v.decision === 'accept' || !!v.note, { path: ['note'], message: '不予立案时请填写原因' })
  .refine((v) => v.decision === 'notAccept' || !v.convertToSuggestion, {
    path: ['convertToSuggestion'],
    message: '只有不予立案的提案可以转为建议',
  });
export type ReviewInput = z.infer<typeof reviewBody>;

export const proposalAssignBody = assignBody.extend({ version: z.number().int().min(1).optional() });

export const topicCreateBody = z.strictObject({
  title: requiredText('并案标题', 100),
  note: optionalText('说明', 1000),
  proposalIds: z.array(uuid('提案')).min(1, '请选择要并案的提案').max(100, '一次最多并案100件'),
});
export type TopicCreate = z.infer<typeof topicCreateBody>;

export const topicAddBody = z.strictObject({
  proposalIds: z.array(uuid('提案')).min(1, '请选择要并案的提案').max(100, '一次最多并案100件'),
});

export const proposalRateBody = z
  .strictObject({
    satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意度（满意、基本满意、不满意）' }),
    reason: text('评价意见', 1000).optional(),
    version: z.number().int().min(1),
  })
  .refine((v) => v.satisfaction !== 'dissatisfied' || !!v.reason, {
    path: ['reason'],
    message: '选择不满意时请填写原因',
  });

const flag = z
  .enum(['1', 'true', '0', 'false'], { error: '逾期筛选应为 1 或 0' })
  .transform((v) => v === '1' || v === 'true')
  .optional();

export const proposalListQuery = z.strictObject({
  ...pageQuery,
  year: z.coerce
    .number({ error: '年份应为数字' })
    .int()
    .min(2000, '年份无效')
    .max(2100, '年份无效')
    .optional(),
  meetingId: uuid('会议').optional(),
  state: z.enum(PROPOSAL_STATES, { error: '提案状态无效' }).optional(),
  departmentId: uuid('承办部门').optional(),
  satisfaction: z.enum(SATISFACTIONS, { error: '满意度无效' }).optional(),
  overdue: flag,
  topicId: uuid('并案').optional(),
  mine: flag,
  q: text('关键词', 50).optional(),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

export const meetingQuery = z.strictObject({ meetingId: uuid('会议') });

export interface ProposalWindowView {
  meetingId: string;
  meetingTitle: string;
  opensOn: string;
  closesOn: string;
  minCosigners: number;
  categories: string[];
  open: boolean;
  version: number;
}

export interface CosignerView {
  memberId: string;
  name: string;
  state: 'invited' | 'confirmed' | 'declined';
  respondedAt: string | null;
}

export interface ProposalListItem {
  id: string;
  meetingId: string;
  number: string | null;
  title: string;
  category: string;
  proposerMemberId: string;
  proposerName: string;
  state: ProposalState;
  topicId: string | null;
  topicTitle: string | null;
  leadDepartmentName: string | null;
  dueDate: string | null;
  overdue: boolean;
  satisfaction: Satisfaction | null;
  submittedAt: string | null;
  createdAt: string;
}

export interface ProposalAbilities {
  edit: boolean;
  submit: boolean;
  recall: boolean;
  cosign: boolean;
  review: boolean;
  assign: boolean;
  rate: boolean;
  close: boolean;
}

export interface ProposalView extends ProposalListItem {
  meetingTitle: string;
  reasons: string;
  measures: string;
  reviewNote: string | null;
  convertedToSuggestion: boolean;
  cosigners: CosignerView[];
  attachments: { id: string; fileName: string; size: number; contentType: string }[];
  /** The handling of the proposal's topic, when assigned: answers, ratings and its timeline. */
  handling: HandlingDetailView | null;
  version: number;
  abilities: ProposalAbilities;
}

export interface ProposalEventView {
  id: string;
  action: string;
  fromState: string | null;
  toState: string;
  note: string | null;
  actorName: string | null;
  createdAt: string;
}

export interface SimilarProposalView {
  id: string;
  number: string | null;
  title: string;
  state: ProposalState;
  meetingTitle: string;
  score: number;
}

export interface TopicView {
  id: string;
  meetingId: string;
  title: string;
  note: string | null;
  proposals: { id: string; number: string | null; title: string; proposerName: string }[];
  handling: HandlingDetailView | null;
  version: number;
}
