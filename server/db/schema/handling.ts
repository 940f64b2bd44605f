import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { departments, orgs } from './organisation.js';

// The handling loop (assign → answer → rate) shared by proposals, suggestions and forum issues.
// A subject module owns its record; the loop owns who must answer it, by when, what they did,
// and whether the person who raised it was satisfied.

export const handlingItems = pgTable(
  'handling_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    // What is handled, e.g. ('proposalTopic', <topic id>) or ('suggestion', <id>).
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    // Copied from the subject so inboxes and notifications need no join into every module.
    title: text('title').notNull(),
    link: text('link').notNull(),
    leadDepartmentId: uuid('lead_department_id')
      .notNull()
      .references(() => departments.id),
    coDepartmentIds: uuid('co_department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    state: text('state', { enum: ['assigned', 'answered', 'rated', 'closed'] }).notNull(),
    // Round 2 starts when a dissatisfied rating reopens the item; it may happen once.
    round: integer('round').notNull().default(1),
    reopenReason: text('reopen_reason'),
    // Members whose rating the item waits for (proposers); empty: one rating by whoever the module allows.
    raterMemberIds: uuid('rater_member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // The lowest rating of the last round once everyone rated.
    satisfaction: text('satisfaction', { enum: ['satisfied', 'basicallySatisfied', 'dissatisfied'] }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // The deadline scan notifies once per round and kind.
    dueSoonNotifiedRound: integer('due_soon_notified_round').notNull().default(0),
    overdueNotifiedRound: integer('overdue_notified_round').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('handling_items_subject').on(t.orgId, t.subjectType, t.subjectId),
    index('handling_items_org_lead').on(t.orgId, t.leadDepartmentId, t.state, t.dueDate),
    index('handling_items_org_state_due').on(t.orgId, t.state, t.dueDate),
  ],
);

/** What a department did: the lead department's answer moves the item to "answered". */
export const handlingResponses = pgTable(
  'handling_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => handlingItems.id),
    round: integer('round').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    content: text('content').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    departmentRole: text('department_role', { enum: ['lead', 'co'] }).notNull(),
    responderId: uuid('responder_id'),
    responderName: text('responder_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('handling_responses_item').on(t.orgId, t.itemId, t.createdAt)],
);

/** One rating per rater per round; the database refuses a second one. */
export const handlingRatings = pgTable(
  'handling_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => handlingItems.id),
    round: integer('round').notNull(),
    memberId: uuid('member_id'),
    satisfaction: text('satisfaction', {
      enum: ['satisfied', 'basicallySatisfied', 'dissatisfied'],
    }).notNull(),
    reason: text('reason'),
    raterId: uuid('rater_id'),
    raterName: text('rater_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('handling_ratings_once').on(t.orgId, t.itemId, t.round, t.memberId).nullsNotDistinct()],
);

/** The timeline: one row per step. */
export const handlingEvents = pgTable(
  'handling_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => handlingItems.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note'),
    detail: jsonb('detail'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    // The clock, not the transaction start: one transaction may take several steps (rate, reopen).
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('handling_events_item').on(t.orgId, t.itemId, t.createdAt)],
);
