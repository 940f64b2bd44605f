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
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { members, notificationOutbox, notifications, users } from '../../db/schema/index.js';
import type { OutgoingNotification, Recipient } from './notifications.senders.js';

// The only place notification SQL lives. Every read and write of the bell is scoped by org and user.

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;

export interface RecipientQuery {
  userIds: readonly string[];
  memberIds: readonly string[];
  handlerDepartmentIds: readonly string[];
  /** Every account linked to a current member (会员, 退休会员) of the union. */
  allMembers: boolean;
}

/** Statuses of a member who belongs to the union now. */
const CURRENT_MEMBER_STATUSES = ['member', 'retired'];

const mine = (orgId: string, userId: string) =>
  and(eq(notifications.orgId, orgId), eq(notifications.userId, userId));

/** Active accounts of the org matching any of the ways of naming a recipient; undefined when none is used. */
function recipientsWhere(orgId: string, q: RecipientQuery): SQL | undefined {
  const any = or(
    q.userIds.length ? inArray(users.id, [...q.userIds]) : undefined,
    q.memberIds.length ? inArray(users.memberId, [...q.memberIds]) : undefined,
    q.handlerDepartmentIds.length
      ? and(
          arrayContains(users.roles, ['handler']),
          arrayOverlaps(users.departmentIds, [...q.handlerDepartmentIds]),
        )
      : undefined,
    q.allMembers
      ? sql`exists (select 1 from ${members} where ${members.orgId} = ${orgId}
              and ${members.id} = ${users.memberId} and ${inArray(members.status, CURRENT_MEMBER_STATUSES)})`
      : undefined,
  );
  return any && and(eq(users.orgId, orgId), eq(users.disabled, false), any);
}

export const notificationsRepository = {
  /** The accounts a notification reaches (for the external senders, which address people by name). */
  async resolveRecipients(exec: Executor, orgId: string, q: RecipientQuery): Promise<Recipient[]> {
    const where = recipientsWhere(orgId, q);
    if (!where) return [];
    return exec
      .select({ userId: users.id, displayName: users.displayName })
      .from(users)
      .where(where)
      .orderBy(users.id);
  },

  /**
   * One in-app row per recipient account, as a single INSERT … SELECT: a notice to every member of
   * a large union is one statement, with no recipient list sent back and forth. Returns the count.
   */
  async insertFor(exec: Executor, n: OutgoingNotification, q: RecipientQuery): Promise<number> {
    const where = recipientsWhere(n.orgId, q);
    if (!where) return 0;
    const rows = await exec.execute(sql`
      insert into ${notifications}
        (${sql.identifier(notifications.orgId.name)}, ${sql.identifier(notifications.userId.name)},
         ${sql.identifier(notifications.kind.name)}, ${sql.identifier(notifications.title.name)},
         ${sql.identifier(notifications.link.name)}, ${sql.identifier(notifications.objectType.name)},
         ${sql.identifier(notifications.objectId.name)})
      select ${n.orgId}::uuid, ${users.id}, ${n.kind}::text, ${n.title}::text, ${n.link}::text,
             ${n.objectType}::text, ${n.objectId}::text
      from ${users}
      where ${where}`);
    return rows.rowCount ?? 0;
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
