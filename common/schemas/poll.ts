import { z } from 'zod';
import { requiredText, uuid } from './shared.js';

// Polls (表决) on reports, resolutions and contracts, and elections (选举), at a congress meeting.

export const POLL_SUBJECTS = ['report', 'resolution', 'contract', 'election'] as const;
export type PollSubject = (typeof POLL_SUBJECTS)[number];
export const POLL_SUBJECT_LABELS: Record<PollSubject, string> = {
  report: '报告',
  resolution: '决议',
  contract: '合同',
  election: '选举',
};

export const POLL_MODES = ['electronic', 'paper'] as const;
export type PollMode = (typeof POLL_MODES)[number];
export const POLL_MODE_LABELS: Record<PollMode, string> = { electronic: '电子表决', paper: '纸质票' };

/** What the required majority is counted of. */
export const POLL_BASES = ['fullDelegates', 'present', 'votesCast'] as const;
export type PollBase = (typeof POLL_BASES)[number];
export const POLL_BASE_LABELS: Record<PollBase, string> = {
  fullDelegates: '全体正式代表',
  present: '到会正式代表',
  votesCast: '投票代表',
};

export const POLL_THRESHOLDS = ['moreThanHalf', 'twoThirds'] as const;
export type PollThreshold = (typeof POLL_THRESHOLDS)[number];
export const POLL_THRESHOLD_LABELS: Record<PollThreshold, string> = {
  moreThanHalf: '过半数',
  twoThirds: '三分之二以上（含）',
};

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
export const POLL_STATUS_LABELS: Record<PollStatus, string> = {
  draft: '未开始',
  open: '投票中',
  closed: '已结束',
};

export const POLL_ACTIONS = ['open', 'close'] as const;
export type PollAction = (typeof POLL_ACTIONS)[number];
export const POLL_ACTION_LABELS: Record<PollAction, string> = { open: '开始投票', close: '结束投票' };

export const CHOICES = ['for', 'against', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<Choice, string> = { for: '赞成', against: '反对', abstain: '弃权' };

/** 等额选举: as many candidates as seats; 差额选举: more candidates than seats. */
export type ElectionMethod = 'equal' | 'competitive';
export const ELECTION_METHOD_LABELS: Record<ElectionMethod, string> = {
  equal: '等额选举',
  competitive: '差额选举',
};

const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(100000, `${label}过大`);

const candidate = z.strictObject({
  name: requiredText('候选人姓名', 50),
  memberId: uuid('候选人').nullable().default(null),
});

const pollFields = {
  title: requiredText('表决事项', 100),
  subject: z.enum(POLL_SUBJECTS, { error: '表决类别无效' }),
  secret: z.boolean({ error: '请选择是否无记名' }),
  mode: z.enum(POLL_MODES, { error: '投票方式无效' }),
  base: z.enum(POLL_BASES, { error: '计票基数无效' }).default('fullDelegates'),
  threshold: z.enum(POLL_THRESHOLDS, { error: '通过比例无效' }).default('moreThanHalf'),
  requiresCheckIn: z.boolean({ error: '须签到后投票应为是或否' }).default(true),
  seats: z
    .number({ error: '应选人数应为数字' })
    .int('应选人数应为整数')
    .min(1, '应选人数至少为1')
    .max(200)
    .nullable()
    .default(null),
  allowWriteIn: z.boolean({ error: '是否允许另选他人应为是或否' }).default(false),
  candidates: z.array(candidate).max(200, '候选人最多200名').default([]),
};

type PollShape = {
  subject: PollSubject;
  seats: number | null;
  candidates: { name: string }[];
};

/** An election needs seats and at least as many candidates; a motion has neither. */
function electionRules(v: PollShape, ctx: z.RefinementCtx) {
  if (v.subject === 'election') {
    if (v.seats === null) ctx.addIssue({ code: 'custom', path: ['seats'], message: '请填写应选人数' });
    else if (v.candidates.length < v.seats) {
      ctx.addIssue({ code: 'custom', path: ['candidates'], message: '候选人数不能少于应选人数' });
    }
    const names = v.candidates.map((c) => c.name);
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: 'custom', path: ['candidates'], message: '候选人姓名重复' });
    }
  } else if (v.seats !== null || v.candidates.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['candidates'], message: '只有选举才有候选人和应选人数' });
  }
}

export const pollCreateBody = z
  .strictObject({ meetingId: uuid('会议'), ...pollFields })
  .superRefine(electionRules);
export type PollCreate = z.infer<typeof pollCreateBody>;

export const pollUpdateBody = z
  .strictObject({ ...pollFields, version: z.number({ error: '版本号应为数字' }).int() })
  .superRefine(electionRules);
export type PollUpdate = z.infer<typeof pollUpdateBody>;

export const pollListQuery = z.strictObject({ meetingId: uuid('会议') });

export const pollActionBody = z.strictObject({ action: z.enum(POLL_ACTIONS, { error: '表决操作无效' }) });

/** A delegate's vote: a choice on a motion, or the candidates marked and names written in. */
export const voteBody = z.strictObject({
  choice: z.enum(CHOICES, { error: '请选择赞成、反对或弃权' }).optional(),
  candidateIds: z.array(uuid('候选人')).max(200).optional(),
  writeIns: z.array(requiredText('另选他人姓名', 50)).max(50).optional(),
});
export type VoteBody = z.infer<typeof voteBody>;

/** The tellers' (计票人) counts of a paper poll. */
export const paperCountsBody = z.strictObject({
  for: count('赞成票').optional(),
  against: count('反对票').optional(),
  abstain: count('弃权票').optional(),
  invalid: count('废票').default(0),
  /** Elections: valid ballots collected, votes per candidate and names written in. */
  ballots: count('有效票').optional(),
  votes: z.array(z.strictObject({ candidateId: uuid('候选人'), votes: count('得票') })).optional(),
  writeIns: z
    .array(z.strictObject({ name: requiredText('另选他人姓名', 50), votes: count('得票') }))
    .max(100)
    .optional(),
});
export type PaperCounts = z.infer<typeof paperCountsBody>;

export interface CandidateView {
  id: string;
  name: string;
  memberId: string | null;
  writeIn: boolean;
}

export interface PollView {
  id: string;
  meetingId: string;
  title: string;
  subject: PollSubject;
  secret: boolean;
  mode: PollMode;
  base: PollBase;
  threshold: PollThreshold;
  requiresCheckIn: boolean;
  seats: number | null;
  allowWriteIn: boolean;
  electionMethod: ElectionMethod | null;
  round: number;
  previousPollId: string | null;
  status: PollStatus;
  candidates: CandidateView[];
  /** Voter list size (frozen at the opening) and how many have voted: all that shows while open. */
  entitledCount: number | null;
  votedCount: number;
  passed: boolean | null;
  openedAt: string | null;
  closedAt: string | null;
  version: number;
  abilities: { edit: boolean; actions: PollAction[]; enterCounts: boolean; nextRound: boolean };
}

export interface CandidateResult {
  id: string;
  name: string;
  writeIn: boolean;
  votes: number;
  elected: boolean;
}

/** The tally, shown only once the poll is closed. */
export interface PollResult {
  pollId: string;
  entitled: number;
  present: number;
  /** Valid ballots (abstentions included). */
  cast: number;
  invalid: number;
  baseCount: number;
  required: number;
  for: number;
  against: number;
  abstain: number;
  passed: boolean;
  candidates: CandidateResult[];
  remainingSeats: number;
}

/** What a delegate's phone shows for a poll. */
export interface MyPollView {
  poll: PollView;
  hasVoted: boolean;
  /** Why this delegate cannot vote now, or null when they can. */
  refusal: string | null;
}
