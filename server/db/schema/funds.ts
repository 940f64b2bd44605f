import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './organisation.js';

// Union funds. Money is integer fen in bigint columns (a year's sums pass 2^31 fen quickly).
// See docs/funds-posting.md for the rules every posting follows.

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/** Per-org rules of the funds module; a missing row means the defaults in funds.settings.ts. */
export const fundSettings = pgTable('fund_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  // 'refuse': an expense over the remaining budget is refused (409); 'flag': it goes through, marked.
  overBudgetRule: text('over_budget_rule', { enum: ['refuse', 'flag'] })
    .notNull()
    .default('flag'),
  // Requests up to officerLimitFen need the officer only; up to chairLimitFen officer then chair;
  // above it officer, chair and a committee decision (集体研究).
  officerLimitFen: fen('officer_limit_fen').notNull().default(200_000),
  chairLimitFen: fen('chair_limit_fen').notNull().default(2_000_000),
  // Other modules may post an expense without an approved request up to this amount.
  directPostLimitFen: fen('direct_post_limit_fen').notNull().default(200_000),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The chart of income and expense categories (a tree); the built-in ones come from 工会会计制度. */
export const fundCategories = pgTable(
  'fund_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['income', 'expense'] }).notNull(),
    parentId: uuid('parent_id'),
    sort: integer('sort').notNull().default(0),
    builtIn: boolean('built_in').notNull().default(false),
    // Null: the org's overBudgetRule applies; otherwise this category's own rule.
    overBudgetRule: text('over_budget_rule', { enum: ['refuse', 'flag'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('fund_categories_org_code').on(t.orgId, t.code),
    unique('fund_categories_org_parent_name').on(t.orgId, t.parentId, t.name),
    index('fund_categories_org_parent').on(t.orgId, t.parentId),
  ],
);

/** The original budget of one category for one year; adjustments are separate records. */
export const budgets = pgTable(
  'budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => fundCategories.id),
    amountFen: fen('amount_fen').notNull(),
    note: text('note'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('budgets_org_year_category').on(t.orgId, t.year, t.categoryId),
    check('budgets_amount_non_negative', sql`${t.amountFen} >= 0`),
  ],
);

/** A change to a year's budget of one category, with a reason; counts once the chair approves it. */
export const budgetAdjustments = pgTable(
  'budget_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => fundCategories.id),
    deltaFen: fen('delta_fen').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'refused'] })
      .notNull()
      .default('pending'),
    requestedBy: uuid('requested_by'),
    requestedByName: text('requested_by_name'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_adjustments_org_year').on(t.orgId, t.year, t.categoryId),
    check('budget_adjustments_delta_nonzero', sql`${t.deltaFen} <> 0`),
  ],
);

/** 经费申请: raised, approved step by step, then paid by the treasurer (which posts a ledger entry). */
export const expenseRequests = pgTable(
  'expense_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    // 'SQ2025-0001': per org and year, for people and paper.
    no: text('no').notNull(),
    year: integer('year').notNull(),
    purpose: text('purpose').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => fundCategories.id),
    amountFen: fen('amount_fen').notNull(),
    payee: text('payee').notNull(),
    note: text('note'),
    status: text('status', { enum: ['draft', 'pending', 'approved', 'paid', 'refused', 'withdrawn'] })
      .notNull()
      .default('draft'),
    // The approval chain fixed at submission (['officer','chair','committee']) and the index of the next step.
    steps: jsonb('steps').$type<string[]>().notNull().default([]),
    step: integer('step').notNull().default(0),
    // Set when the request went over the remaining budget under the 'flag' rule.
    overBudget: boolean('over_budget').notNull().default(false),
    committeeMeetingDate: date('committee_meeting_date', { mode: 'string' }),
    committeeMinutesRef: text('committee_minutes_ref'),
    refusalReason: text('refusal_reason'),
    paidDate: date('paid_date', { mode: 'string' }),
    payMethod: text('pay_method', { enum: ['transfer', 'cash', 'officialCard'] }),
    voucherNo: text('voucher_no'),
    ledgerEntryId: uuid('ledger_entry_id'),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('expense_requests_org_no').on(t.orgId, t.no),
    index('expense_requests_org_status').on(t.orgId, t.status, t.createdAt),
    index('expense_requests_org_year_category').on(t.orgId, t.year, t.categoryId, t.status),
    check('expense_requests_amount_positive', sql`${t.amountFen} > 0`),
  ],
);

/** The timeline of a request: one row per step taken. */
export const expenseRequestEvents = pgTable(
  'expense_request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => expenseRequests.id),
    action: text('action').notNull(),
    step: text('step'),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('expense_request_events_request').on(t.orgId, t.requestId, t.createdAt)],
);

/** Files on a request: supporting material, and the invoice attached at payment. */
export const fundAttachments = pgTable(
  'fund_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => expenseRequests.id),
    purpose: text('purpose', { enum: ['material', 'invoice'] }).notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fund_attachments_request').on(t.orgId, t.requestId)],
);

/**
 * The ledger. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). The direction comes from
 * `kind`; amount_fen is positive, except on a reversal (红字冲销), which carries the original's kind and
 * category with the negated amount, so sums over an entry and its reversal are zero.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    // 'YYYY-MM' of entryDate; the period the entry is booked in.
    period: text('period').notNull(),
    kind: text('kind', { enum: ['income', 'expense'] }).notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => fundCategories.id),
    amountFen: fen('amount_fen').notNull(),
    // The payee of an expense or the payer of an income.
    counterparty: text('counterparty').notNull(),
    summary: text('summary').notNull(),
    voucherNo: text('voucher_no'),
    // Where the money movement comes from: 'funds' (a paid request), 'manual' (the treasurer), or
    // another module ('visit', 'aid', 'activity', 'dues'…) with its record id.
    sourceModule: text('source_module').notNull(),
    sourceId: text('source_id'),
    expenseRequestId: uuid('expense_request_id').references(() => expenseRequests.id),
    reversesEntryId: uuid('reverses_entry_id'),
    // How the expense was approved: 'request' (an approved 经费申请), 'rule' (within the direct limit)
    // or 'workflow' (the posting module's own approval, e.g. an aid case approved by the chair).
    approvedBy: text('approved_by', { enum: ['request', 'rule', 'workflow'] }),
    overBudget: boolean('over_budget').notNull().default(false),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_org_period').on(t.orgId, t.period, t.entryDate),
    index('ledger_entries_org_date').on(t.orgId, t.entryDate, t.createdAt),
    index('ledger_entries_org_category_date').on(t.orgId, t.categoryId, t.entryDate),
    index('ledger_entries_org_source').on(t.orgId, t.sourceModule, t.sourceId),
    // An entry is reversed at most once.
    uniqueIndex('ledger_entries_reverses_once').on(t.orgId, t.reversesEntryId),
    check('ledger_entries_period_of_date', sql`${t.period} = to_char(${t.entryDate}, 'YYYY-MM')`),
    check(
      'ledger_entries_sign',
      sql`(${t.reversesEntryId} is null and ${t.amountFen} > 0) or (${t.reversesEntryId} is not null and ${t.amountFen} < 0)`,
    ),
  ],
);

/** A closed month ('YYYY-MM'): no entry may be booked in it, by any route. Never reopened. */
export const fundPeriods = pgTable(
  'fund_periods',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    period: text('period').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period] })],
);

/**
 * Sums of the ledger per (org, period, category), kept by a statement-level trigger on every insert
 * into ledger_entries (migration 0010), so the budget check and the execution view read a few hundred
 * rows instead of a year of entries. Never written by the application.
 */
export const ledgerTotals = pgTable(
  'ledger_totals',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    period: text('period').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => fundCategories.id),
    amountFen: fen('amount_fen').notNull(),
    entryCount: integer('entry_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.period, t.categoryId] })],
);
