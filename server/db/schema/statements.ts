import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './organisation.js';

/**
 * 审查意见: the fund auditors' (经审会) note on one month's books ('YYYY-MM'), one per month.
 * Written and edited while the month is open; closing the month freezes it with the books.
 */
export const fundReviewNotes = pgTable(
  'fund_review_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    period: text('period').notNull(),
    opinion: text('opinion').notNull(),
    findings: text('findings'),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    authorId: uuid('author_id'),
    authorName: text('author_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('fund_review_notes_org_period').on(t.orgId, t.period),
    check('fund_review_notes_period', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);
