import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { orgs } from './organisation.js';

// The workers' congress (职代会): terms (届), their meetings (次), the delegates of a term and who
// signed in at a meeting.

export const congressTerms = pgTable(
  'congress_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** 第三届 = 3. */
    number: integer('number').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('congress_terms_org_number').on(t.orgId, t.number)],
);

export const congressMeetings = pgTable(
  'congress_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => congressTerms.id),
    /** 第二次 = 2. */
    number: integer('number').notNull(),
    /** "第三届第二次职工代表大会" unless the officer names it otherwise. */
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place'),
    agenda: text('agenda'),
    status: text('status', { enum: ['planned', 'inProgress', 'closed'] })
      .notNull()
      .default('planned'),
    // Quorum: at least numerator/denominator of the term's full delegates signed in (default 2/3).
    quorumNumerator: integer('quorum_numerator').notNull().default(2),
    quorumDenominator: integer('quorum_denominator').notNull().default(3),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('congress_meetings_org_term_number').on(t.orgId, t.termId, t.number),
    index('congress_meetings_org_date').on(t.orgId, t.date),
    check(
      'congress_meetings_quorum',
      sql`${t.quorumNumerator} > 0 and ${t.quorumNumerator} <= ${t.quorumDenominator}`,
    ),
  ],
);

export const congressDelegates = pgTable(
  'congress_delegates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => congressTerms.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: ['full', 'observer', 'invited'] }).notNull(),
    /** 代表团: usually a department or a group of them. */
    delegation: text('delegation'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('congress_delegates_org_term_member').on(t.orgId, t.termId, t.memberId),
    index('congress_delegates_org_member').on(t.orgId, t.memberId),
  ],
);

export const congressCheckIns = pgTable(
  'congress_check_ins',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => congressMeetings.id),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => congressDelegates.id),
    /** officer: signed in at the desk; self: the delegate on a phone. */
    method: text('method', { enum: ['officer', 'self'] }).notNull(),
    byUserId: uuid('by_user_id'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One sign-in per delegate and meeting, guaranteed by the key.
  (t) => [primaryKey({ name: 'congress_check_ins_pk', columns: [t.orgId, t.meetingId, t.delegateId] })],
);
