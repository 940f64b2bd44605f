import { z } from 'zod';
import { isoDate, optionalText, pageQuery, uuid } from './shared.js';

// Workers' congress: terms (届), meetings (次), delegates, sign-in.

export const DELEGATE_KINDS = ['full', 'observer', 'invited'] as const;
export type DelegateKind = (typeof DELEGATE_KINDS)[number];
export const DELEGATE_KIND_LABELS: Record<DelegateKind, string> = {
  full: '正式代表',
  observer: '列席代表',
  invited: '特邀代表',
};

export const MEETING_STATUSES = ['planned', 'inProgress', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: '筹备中',
  inProgress: '进行中',
  closed: '已闭幕',
};

export const MEETING_ACTIONS = ['start', 'close'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];
export const MEETING_ACTION_LABELS: Record<MeetingAction, string> = { start: '开幕', close: '闭幕' };

const ordinal = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}从1开始`)
    .max(99, `${label}不超过99`);

export const termBody = z
  .strictObject({
    number: ordinal('届次'),
    startDate: isoDate('开始日期'),
    endDate: isoDate('结束日期').nullable().default(null),
    note: optionalText('备注', 500),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: '结束日期不能早于开始日期',
  });
export type TermBody = z.infer<typeof termBody>;

const quorumFields = {
  quorumNumerator: z.number({ error: '法定人数比例应为数字' }).int().min(1, '法定人数比例无效').max(99),
  quorumDenominator: z.number({ error: '法定人数比例应为数字' }).int().min(1, '法定人数比例无效').max(99),
};
const quorumCheck = (v: { quorumNumerator: number; quorumDenominator: number }) =>
  v.quorumNumerator <= v.quorumDenominator;
const quorumProblem = { path: ['quorumNumerator'], message: '法定人数比例不能超过全体代表' };

const meetingFields = {
  number: ordinal('会议次数'),
  title: optionalText('会议名称', 100),
  date: isoDate('会议日期'),
  place: optionalText('会议地点', 100),
  agenda: optionalText('会议议程', 5000),
  quorumNumerator: quorumFields.quorumNumerator.default(2),
  quorumDenominator: quorumFields.quorumDenominator.default(3),
};

export const meetingCreateBody = z
  .strictObject({ termId: uuid('届'), ...meetingFields })
  .refine(quorumCheck, quorumProblem);
export type MeetingCreate = z.infer<typeof meetingCreateBody>;

export const meetingUpdateBody = z
  .strictObject({ ...meetingFields, version: z.number({ error: '版本号应为数字' }).int() })
  .refine(quorumCheck, quorumProblem);
export type MeetingUpdate = z.infer<typeof meetingUpdateBody>;

export const meetingActionBody = z.strictObject({
  action: z.enum(MEETING_ACTIONS, { error: '会议操作无效' }),
});

export const meetingListQuery = z.strictObject({ termId: uuid('届').optional(), ...pageQuery });

export const delegateAddBody = z.strictObject({
  memberIds: z.array(uuid('会员')).min(1, '请选择代表').max(1000, '一次最多添加1000名代表'),
  kind: z.enum(DELEGATE_KINDS, { error: '代表类别无效' }),
  delegation: optionalText('代表团', 50),
});
export type DelegateAdd = z.infer<typeof delegateAddBody>;

export const delegateUpdateBody = z.strictObject({
  kind: z.enum(DELEGATE_KINDS, { error: '代表类别无效' }),
  delegation: optionalText('代表团', 50),
});

export const termDelegateParams = z.strictObject({ id: uuid('届'), delegateId: uuid('代表') });
export const meetingDelegateParams = z.strictObject({ id: uuid('会议'), delegateId: uuid('代表') });

export const checkInBody = z.strictObject({ delegateId: uuid('代表') });

export interface TermView {
  id: string;
  number: number;
  name: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
  delegateCount: number;
  fullDelegateCount: number;
}

export interface MeetingView {
  id: string;
  termId: string;
  termNumber: number;
  number: number;
  title: string;
  date: string;
  place: string | null;
  agenda: string | null;
  status: MeetingStatus;
  quorumNumerator: number;
  quorumDenominator: number;
  version: number;
  abilities: { edit: boolean; actions: MeetingAction[] };
}

export interface DelegateView {
  id: string;
  termId: string;
  memberId: string;
  name: string;
  departmentName: string;
  kind: DelegateKind;
  delegation: string | null;
}

/** The sign-in board: who is entitled, who is here, and whether the quorum is reached. */
export interface AttendanceView {
  meetingId: string;
  status: MeetingStatus;
  /** Full delegates of the term: the quorum counts them only. */
  entitled: number;
  present: number;
  /** Observers and invited delegates signed in, shown apart. */
  othersPresent: number;
  quorumRequired: number;
  quorumReached: boolean;
  delegates: (DelegateView & { checkedInAt: string | null; method: 'officer' | 'self' | null })[];
}

/** What a delegate's phone shows at the meeting link. */
export interface MyMeetingView {
  meeting: Pick<MeetingView, 'id' | 'title' | 'date' | 'place' | 'status'>;
  delegate: Pick<DelegateView, 'id' | 'name' | 'kind' | 'delegation'> | null;
  checkedInAt: string | null;
  present: number;
  entitled: number;
}
