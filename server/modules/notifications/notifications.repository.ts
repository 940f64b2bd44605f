import {
  and,
  arrayContains,
  arrayOverlaps,
  count,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  or,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notificationOutbox, notifications, users } from '../../db/schema/index.js';
import type { OutgoingNotification, Recipient } from './notifications.senders.js';

// The only place notification SQL lives. Every read and write of the bell is scoped by org and user.

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;

export interface RecipientQuery {
  userIds: readonly string[];
  memberIds: readonly string[];
  handlerDepartmentIds: readonly string[];
}

const mine = (orgId: string, userId: string) =>
  and(eq(notifications.orgId, orgId), eq(notifications.userId, userId));

export const notificationsRepository = {
  /** Active accounts of the org matching any of the three ways of naming a recipient. */
  async resolveRecipients(exec: Executor, orgId: string, q: RecipientQuery): Promise<Recipient[]> {
    const any = or(
      q.userIds.length ? inArray(users.id, [...q.userIds]) : undefined,
      q.memberIds.length ? inArray(users.memberId, [...q.memberIds]) : undefined,
      q.handlerDepartmentIds.length
        ? and(
            arrayContains(users.roles, ['handler']),
            arrayOverlaps(users.departmentIds, [...q.handlerDepartmentIds]),
          )
        : undefined,
    );
    if (!any) return [];
    return exec
      .select({ userId: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.disabled, false), any))
      .orderBy(users.id);
  },

  async insertMany(exec: Executor, n: OutgoingNotification, recipients: readonly Recipient[]) {
    await exec.insert(notifications).values(
      recipients.map((r) => ({
        orgId: n.orgId,
        userId: r.userId,
        kind: n.kind,
        title: n.title,
        link: n.link,
        objectType: n.objectType,
        objectId: n.objectId,
      })),
    );
  },

  async enqueueOutbox(
    exec: Executor,
    senders: readonly string[],
    n: OutgoingNotification,
    recipients: readonly Recipient[],
  ) {
    await exec
      .insert(notificationOutbox)
      .values(
        senders.map((sender) => ({ orgId: n.orgId, sender, payload: { notification: n, recipients } })),
      );
  },

  /** Unread first, newest first within each. */
  async list(
    exec: Executor,
    orgId: string,
    userId: string,
    opts: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ rows: NotificationRow[]; total: number }> {
    const where = and(mine(orgId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
    const rows = await exec
      .select()
      .from(notifications)
      .where(where)
      .orderBy(
        sql`${notifications.readAt} is null desc`,
        desc(notifications.createdAt),
        desc(notifications.id),
      )
      .limit(opts.limit)
      .offset(opts.offset);
    const [{ n }] = await exec.select({ n: count() }).from(notifications).where(where);
    return { rows, total: n };
  },

  async unreadCount(exec: Executor, orgId: string, userId: string): Promise<number> {
    const [{ n }] = await exec
      .select({ n: count() })
      .from(notifications)
      .where(and(mine(orgId, userId), isNull(notifications.readAt)));
    return n;
  },

  /** Marks one of the user's notifications read (keeps the first read time); undefined when not theirs. */
  async markRead(exec: Executor, orgId: string, userId: string, id: string) {
    const [row] = await exec
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(mine(orgId, userId), eq(notifications.id, id)))
      .returning();
    return row as NotificationRow | undefined;
  },

  async markAllRead(exec: Executor, orgId: string, userId: string): Promise<number> {
    const rows = await exec
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(mine(orgId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },

  /** Claims pending outbox rows; `skip locked` lets two dispatchers run without sending twice. */
  async claimPending(exec: Executor, maxAttempts: number, limit: number): Promise<OutboxRow[]> {
    return exec
      .select()
      .from(notificationOutbox)
      .where(and(isNull(notificationOutbox.deliveredAt), lt(notificationOutbox.attempts, maxAttempts)))
      .orderBy(notificationOutbox.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  async markDelivered(exec: Executor, id: string) {
    await exec
      .update(notificationOutbox)
      .set({ deliveredAt: sql`now()`, attempts: sql`${notificationOutbox.attempts} + 1`, lastError: null })
      .where(eq(notificationOutbox.id, id));
  },

  async markFailed(exec: Executor, id: string, error: string) {
    await exec
      .update(notificationOutbox)
      .set({ attempts: sql`${notificationOutbox.attempts} + 1`, lastError: error.slice(0, 1000) })
      .where(eq(notificationOutbox.id, id));
  },
};
