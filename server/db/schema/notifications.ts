import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { orgs } from './organisation.js';

// The in-app channel: one row per recipient, written in the transaction of the change it reports.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    // A path inside the web app (`/proposals/…`): the bell navigates there.
    link: text('link').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_org_user_created').on(t.orgId, t.userId, t.createdAt),
    // The badge counts unread rows of one user on every page: keep that lookup small.
    index('notifications_org_user_unread').on(t.orgId, t.userId).where(sql`${t.readAt} is null`),
  ],
);

// Notifications waiting for the external senders (企业微信/钉钉 robots…). Written in the business
// transaction only when such a sender is registered, and delivered after commit by the dispatcher,
// so a sender that is down neither slows nor rolls back the change it reports.
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    // One row per external sender, so a channel that failed is retried without resending on the others.
    sender: text('sender').notNull(),
    payload: jsonb('payload').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_outbox_org_pending').on(t.orgId, t.createdAt).where(sql`${t.deliveredAt} is null`),
  ],
);
