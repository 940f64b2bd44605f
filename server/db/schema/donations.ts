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
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { departments, orgs } from './organisation.js';

// 爱心捐款: a drive for a member or a cause, the donations to it, and staged department lists.
// Money is integer fen. The drive's reason may name an illness: it is sealed (health data).

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * One fundraising drive: open → closed → handedOver, or cancelled before the handover. The handover
 * books the donations as one income entry and the payment to the beneficiary as one expense entry.
 */
export const donationDrives = pgTable(
  'donation_drives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    /** The member helped, or null for a cause (then `beneficiaryName` is the cause). */
    beneficiaryMemberId: uuid('beneficiary_member_id').references(() => members.id),
    beneficiaryName: text('beneficiary_name').notNull(),
    /** Why the drive is held (often an illness): sealed, shown only with care:read. */
    reasonEnc: bytea('reason_enc'),
    targetFen: fen('target_fen'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status', { enum: ['open', 'closed', 'handedOver', 'cancelled'] })
      .notNull()
      .default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    handoverDate: date('handover_date', { mode: 'string' }),
    handoverFen: fen('handover_fen'),
    handoverPayee: text('handover_payee'),
    handoverNote: text('handover_note'),
    handedOverByName: text('handed_over_by_name'),
    incomeEntryId: uuid('income_entry_id'),
    expenseEntryId: uuid('expense_entry_id'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('donation_drives_org_start').on(t.orgId, t.startDate),
    check('donation_drives_target', sql`${t.targetFen} is null or ${t.targetFen} > 0`),
    check('donation_drives_dates', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** A staged (previewed) department list; committed at most once, all rows or none. */
export const donationImports = pgTable(
  'donation_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    driveId: uuid('drive_id')
      .notNull()
      .references(() => donationDrives.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    status: text('status', { enum: ['staged', 'committed'] })
      .notNull()
      .default('staged'),
    fileName: text('file_name').notNull(),
    userId: uuid('user_id').notNull(),
    /** Staged rows (names and amounts), sealed like every staged import. Cleared on commit. */
    payloadEnc: bytea('payload_enc'),
    summary: jsonb('summary').notNull(),
    rowCount: integer('row_count').notNull().default(0),
    totalFen: fen('total_fen').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('donation_imports_org_drive').on(t.orgId, t.driveId, t.createdAt)],
);

/**
 * One donation: a member (with the department at the time) or a non-member by name. A wrong one is
 * removed with a reason while the drive is open; the row stays, out of every total.
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    driveId: uuid('drive_id')
      .notNull()
      .references(() => donationDrives.id),
    memberId: uuid('member_id').references(() => members.id),
    donorName: text('donor_name').notNull(),
    departmentId: uuid('department_id').references(() => departments.id),
    amountFen: fen('amount_fen').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The donor agreed that their name (and amount) may appear in the public summary. */
    nameConsent: boolean('name_consent').notNull().default(false),
    importId: uuid('import_id').references(() => donationImports.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedReason: text('removed_reason'),
    removedByName: text('removed_by_name'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('donations_org_drive').on(t.orgId, t.driveId, t.departmentId),
    index('donations_org_member').on(t.orgId, t.memberId),
    check('donations_amount', sql`${t.amountFen} > 0`),
  ],
);
