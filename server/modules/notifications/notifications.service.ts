import {
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
  type NotificationListQuery,
  type NotificationView,
} from '../../../common/schemas/notification.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { AuthContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { type NotificationRow, notificationsRepository as repo } from './notifications.repository.js';
import { externalSenders, type OutgoingNotification } from './notifications.senders.js';

export interface NotifyInput extends OutgoingNotification {
  /**
   * Who gets it; the lists are united and each account gets one row. `allMembers` names every
   * account linked to a current member (会员, 退休会员) of the union, e.g. for a public notice.
   */
  to: { userIds?: string[]; memberIds?: string[]; handlerDepartmentIds?: string[]; allMembers?: boolean };
}

/**
 * Tells people about a change, in the caller's transaction: the in-app rows commit or roll back
 * with the change itself. Recipients are accounts of the same union only (userIds directly,
 * memberIds through `users.member_id`, handlerDepartmentIds as handlers of those departments,
 * allMembers as every account linked to a current member); disabled accounts are skipped.
 * External senders get an outbox row, delivered after commit.
 */
export async function notify(exec: Executor, n: NotifyInput): Promise<void> {
  const { to, ...notification } = n;
  const q = {
    userIds: to.userIds ?? [],
    memberIds: to.memberIds ?? [],
    handlerDepartmentIds: to.handlerDepartmentIds ?? [],
    allMembers: to.allMembers ?? false,
  };
  const written = await repo.insertFor(exec, notification, q);
  if (written === 0) return;
  const senders = externalSenders().map((s) => s.name);
  if (senders.length) {
    await repo.enqueueOutbox(exec, senders, notification, await repo.resolveRecipients(exec, n.orgId, q));
  }
}

function present(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: NOTIFICATION_KIND_LABELS[r.kind as NotificationKind] ?? '通知',
    title: r.title,
    link: r.link,
    objectType: r.objectType,
    objectId: r.objectId,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
  };
}

// Marking read is the user's own view state, not a change to union records: it is not audited
// (an audit row per click would bury the log), and it touches only the caller's rows.
export const notificationsService = {
  async list(deps: Deps, auth: AuthContext, q: NotificationListQuery): Promise<Paged<NotificationView>> {
    const { rows, total } = await repo.list(deps.db, auth.orgId, auth.userId, {
      unreadOnly: q.unreadOnly,
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return paged(rows.map(present), total, q);
  },

  async unreadCount(deps: Deps, auth: AuthContext): Promise<number> {
    return repo.unreadCount(deps.db, auth.orgId, auth.userId);
  },

  async markRead(deps: Deps, auth: AuthContext, id: string): Promise<NotificationView> {
    const row = await repo.markRead(deps.db, auth.orgId, auth.userId, id);
    if (!row) throw notFound();
    return present(row);
  },

  async markAllRead(deps: Deps, auth: AuthContext): Promise<number> {
    return repo.markAllRead(deps.db, auth.orgId, auth.userId);
  },
};
