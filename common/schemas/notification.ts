import { z } from 'zod';
import { pageQuery } from './shared.js';

/** What a notification is about; the label is what the bell shows beside the title. */
export const NOTIFICATION_KINDS = [
  'assigned',
  'dueSoon',
  'overdue',
  'answered',
  'pleaseRate',
  'cosignRequest',
  'reopened',
  'merged',
  'reviewed',
  'suggestionReviewed',
  'disclosurePublished',
  'aidTodo',
  'aidResult',
  'careReported',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  assigned: '交办',
  dueSoon: '即将到期',
  overdue: '已逾期',
  answered: '已答复',
  pleaseRate: '请评价',
  cosignRequest: '附议邀请',
  reopened: '重新办理',
  merged: '已并案',
  reviewed: '审查结果',
  suggestionReviewed: '建议处理结果',
  disclosurePublished: '院务公开',
  aidTodo: '救助待办',
  aidResult: '救助结果',
  careReported: '待慰问',
};

export const notificationListQuery = z.strictObject({
  ...pageQuery,
  unreadOnly: z
    .enum(['true', 'false'], { error: '仅看未读应为 true 或 false' })
    .optional()
    .transform((v) => v === 'true'),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export interface NotificationView {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  link: string;
  objectType: string;
  objectId: string;
  read: boolean;
  createdAt: string;
}
