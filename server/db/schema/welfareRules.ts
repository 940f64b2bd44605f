import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './organisation.js';

const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * 福利标准: what a visit occasion or an aid kind pays, its yearly cap per person, who approves and the
 * expense category. Versions, never edits: the latest `effective_from` ≤ a record's date applies, and
 * each visit or aid payment keeps the id of the version it used, so a new version never alters the past.
 */
export const welfareRules = pgTable(
  'welfare_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    subject: text('subject', { enum: ['visit', 'aid'] }).notNull(),
    code: text('code').notNull(),
    standardFen: fen('standard_fen').notNull(),
    giftNote: text('gift_note'),
    yearlyCapFen: fen('yearly_cap_fen'),
    yearlyTimes: integer('yearly_times'),
    approver: text('approver', { enum: ['officer', 'chair', 'committee'] }).notNull(),
    committeeAboveFen: fen('committee_above_fen'),
    categoryCode: text('category_code').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('welfare_rules_version').on(t.orgId, t.subject, t.code, t.effectiveFrom),
    check('welfare_rules_amounts', sql`${t.standardFen} >= 0 and coalesce(${t.yearlyCapFen}, 1) > 0`),
  ],
);
