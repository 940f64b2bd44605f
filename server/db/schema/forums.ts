import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './organisation.js';

// 座谈会 with staff or with patients' families, and the problems raised at it.
export const forums = pgTable(
  'forums',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind', { enum: ['staff', 'patientFamily'] }).notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place'),
    participantCount: integer('participant_count').notNull(),
    participants: text('participants'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('forums_org_date').on(t.orgId, t.date)],
);

// A problem raised at a forum. Solved on the spot it needs nothing more; otherwise it goes through
// handling_items (subject type 'forumIssue') to a department, to be fixed by a date or explained.
export const forumIssues = pgTable(
  'forum_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    forumId: uuid('forum_id')
      .notNull()
      .references(() => forums.id),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    raisedBy: text('raised_by'),
    state: text('state', { enum: ['open', 'resolvedOnSpot', 'handling'] })
      .notNull()
      .default('open'),
    resolutionKind: text('resolution_kind', { enum: ['onSpot', 'deadline', 'explained'] }),
    resolution: text('resolution'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('forum_issues_forum_seq').on(t.orgId, t.forumId, t.seq),
    index('forum_issues_org_state').on(t.orgId, t.state),
  ],
);
