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
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { departments, orgs } from './organisation.js';

// Dues (会费), allocated funds (拨缴经费) and the fund auditors' review notes.
// Months are text 'YYYY-MM' (they sort and compare as text); money is integer fen.

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const MONTH_CHECK = "~ '^[0-9]{4}-(0[1-9]|1[0-2])$'";
const fen = (name: string) => bigint(name, { mode: 'number' });

/** The dues rate in force from a month on: the latest `effective_from` ≤ a month applies. */
export const duesRates = pgTable(
  'dues_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    effectiveFrom: text('effective_from').notNull(),
    /** Basis points of the base salary: 50 = 0.5 %. */
    rateBp: integer('rate_bp').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('dues_rates_org_from').on(t.orgId, t.effectiveFrom),
    check('dues_rates_month', sql`${t.effectiveFrom} ${sql.raw(MONTH_CHECK)}`),
    check('dues_rates_bp', sql`${t.rateBp} between 1 and 10000`),
  ],
);

/**
 * One uploaded month of payroll deductions. Staged (preview) until committed; a committed month can
 * be replaced by a later import, which marks this one `replaced`. At most one committed import per month.
 */
export const duesImports = pgTable(
  'dues_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    month: text('month').notNull(),
    status: text('status', { enum: ['staged', 'committed', 'replaced'] })
      .notNull()
      .default('staged'),
    replace: boolean('replace').notNull().default(false),
    fileName: text('file_name').notNull(),
    userId: uuid('user_id').notNull(),
    /** Staged rows, sealed: they hold salaries. Cleared on commit. */
    payloadEnc: bytea('payload_enc'),
    summary: jsonb('summary').notNull(),
    rowCount: integer('row_count').notNull().default(0),
    totalFen: fen('total_fen').notNull().default(0),
    /** The income entry the committed month posted (and its reversal once replaced). */
    ledgerEntryId: uuid('ledger_entry_id'),
    reversalEntryId: uuid('reversal_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
  },
  (t) => [
    // Two commits of one month racing: the second hits this key and becomes a 409.
    uniqueIndex('dues_imports_org_month_committed')
      .on(t.orgId, t.month)
      .where(sql`${t.status} = 'committed'`),
    index('dues_imports_org_created').on(t.orgId, t.createdAt),
    check('dues_imports_month', sql`${t.month} ${sql.raw(MONTH_CHECK)}`),
  ],
);

/** One member's deduction in one month, from a committed import. */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    importId: uuid('import_id')
      .notNull()
      .references(() => duesImports.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The member's department when the month was imported, for collection by department. */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    month: text('month').notNull(),
    baseSalaryFen: fen('base_salary_fen').notNull(),
    amountFen: fen('amount_fen').notNull(),
    expectedFen: fen('expected_fen').notNull(),
    /** The deduction differs from base × rate by more than 1 fen. */
    flagged: boolean('flagged').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('dues_payments_org_member_month').on(t.orgId, t.memberId, t.month),
    index('dues_payments_org_month').on(t.orgId, t.month),
    index('dues_payments_org_import').on(t.orgId, t.importId),
    check('dues_payments_amounts', sql`${t.baseSalaryFen} >= 0 and ${t.amountFen} >= 0`),
  ],
);

/** A member exempt from dues for a range of months (`toMonth` null: until further notice). */
export const duesExemptions = pgTable(
  'dues_exemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason').notNull(),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dues_exemptions_org_member').on(t.orgId, t.memberId),
    check('dues_exemptions_months', sql`${t.toMonth} is null or ${t.toMonth} >= ${t.fromMonth}`),
  ],
);

/** 拨缴经费: 2 % of the payroll, of which the union retains a share; the retained amount is income. */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fromMonth: text('from_month').notNull(),
    toMonth: text('to_month').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    payrollTotalFen: fen('payroll_total_fen').notNull(),
    /** Basis points of the payroll: 200 = 2 %. */
    rateBp: integer('rate_bp').notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** Basis points of the amount the union retains: 6000 = 60 %. */
    retainedBp: integer('retained_bp').notNull(),
    retainedFen: fen('retained_fen').notNull(),
    voucherNo: text('voucher_no'),
    note: text('note'),
    ledgerEntryId: uuid('ledger_entry_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_allocations_org_from').on(t.orgId, t.fromMonth),
    check('fund_allocations_months', sql`${t.toMonth} >= ${t.fromMonth}`),
  ],
);
