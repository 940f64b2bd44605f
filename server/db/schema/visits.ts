import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerEntries } from './funds.js';
import { members } from './members.js';
import { orgs } from './organisation.js';
import { welfareRules } from './welfareRules.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const fen = (name: string) => bigint(name, { mode: 'number' });

const VISIT_REASON_ENUM = [
  'illness',
  'hospitalised',
  'bereavement',
  'birthday',
  'wedding',
  'childbirth',
  'retirement',
  'holiday',
] as const;

/**
 * 事件报告: a group leader tells the officers that a member of their department is in hospital,
 * married, had a child, lost a family member… It stays on the worklist until a visit is made
 * (`visited`, linked by `visit_id`) or an officer dismisses it with a reason.
 */
export const careEvents = pgTable(
  'care_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: VISIT_REASON_ENUM }).notNull(),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    note: text('note'),
    status: text('status', { enum: ['open', 'visited', 'dismissed'] })
      .notNull()
      .default('open'),
    visitId: uuid('visit_id'),
    dismissReason: text('dismiss_reason'),
    reportedBy: uuid('reported_by'),
    reportedByName: text('reported_by_name'),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('care_events_org_status').on(t.orgId, t.status, t.eventDate),
    index('care_events_org_member').on(t.orgId, t.memberId),
  ],
);

/**
 * 慰问: one visit to one member. `rule_id` is the 福利标准 version in force on the visit date and
 * `cash_fen` the amount paid under it, so a later version never changes a past visit. A visit with
 * cash has its own ledger entry; cancelling it books the reversal and keeps the row.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason', { enum: VISIT_REASON_ENUM }).notNull(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    visitors: text('visitors').notNull(),
    gift: text('gift'),
    cashFen: fen('cash_fen').notNull().default(0),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => welfareRules.id),
    /** The rule's standard on the visit date, kept beside the amount paid for the record. */
    standardFen: fen('standard_fen').notNull(),
    notes: text('notes'),
    /** The festival of a holiday visit (e.g. 2026春节): one visit per member and festival. */
    festival: text('festival'),
    batchId: uuid('batch_id'),
    eventId: uuid('event_id').references(() => careEvents.id),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    status: text('status', { enum: ['done', 'cancelled'] })
      .notNull()
      .default('done'),
    cancelReason: text('cancel_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByName: text('cancelled_by_name'),
    reversalEntryId: uuid('reversal_entry_id').references(() => ledgerEntries.id),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('visits_org_date').on(t.orgId, t.visitDate),
    index('visits_org_member_reason').on(t.orgId, t.memberId, t.reason, t.visitDate),
    index('visits_org_reason_date').on(t.orgId, t.reason, t.visitDate),
    uniqueIndex('visits_org_festival_member')
      .on(t.orgId, t.festival, t.memberId)
      .where(sql`${t.festival} is not null and ${t.status} = 'done'`),
    uniqueIndex('visits_org_event')
      .on(t.orgId, t.eventId)
      .where(sql`${t.eventId} is not null and ${t.status} = 'done'`),
    check('visits_cash', sql`${t.cashFen} >= 0`),
  ],
);

/** The one photo of a visit (JPG/PNG), stored in the database like expense-request attachments. */
export const visitPhotos = pgTable(
  'visit_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('visit_photos_org_visit').on(t.orgId, t.visitId)],
);
