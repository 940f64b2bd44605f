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
  uuid,
} from 'drizzle-orm/pg-core';
import { ledgerEntries } from './funds.js';
import { members } from './members.js';
import { orgs } from './organisation.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/** 职工互助保障: a plan of one year (e.g. 在职职工住院医疗互助保障) run by the higher union or an insurer. */
export const mutualAidPlans = pgTable(
  'mutual_aid_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    premiumFen: fen('premium_fen').notNull(),
    payer: text('payer', { enum: ['union', 'member'] }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mutual_aid_plans_org_year_name').on(t.orgId, t.year, t.name),
    check('mutual_aid_plans_premium', sql`${t.premiumFen} > 0`),
    check('mutual_aid_plans_period', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * A member in a plan. The premium is copied from the plan at enrolment. When the union pays, one
 * payment covers every unpaid enrolment and they all point at its single ledger entry.
 */
export const mutualAidEnrolments = pgTable(
  'mutual_aid_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mutualAidPlans.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    premiumFen: fen('premium_fen').notNull(),
    enrolledOn: date('enrolled_on', { mode: 'string' }).notNull(),
    premiumEntryId: uuid('premium_entry_id').references(() => ledgerEntries.id),
    premiumPaidOn: date('premium_paid_on', { mode: 'string' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('mutual_aid_enrolments_plan_member').on(t.orgId, t.planId, t.memberId),
    index('mutual_aid_enrolments_org_member').on(t.orgId, t.memberId),
  ],
);

/**
 * A claim: submitted → approved | refused → paid (approved only). The payout comes from the insurer
 * or the higher union straight to the member, so it is a record here, not a ledger entry.
 * The note may describe an illness: sealed.
 */
export const mutualAidClaims = pgTable(
  'mutual_aid_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => mutualAidPlans.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['hospitalisation', 'criticalIllness', 'accident', 'other'] }).notNull(),
    claimedFen: fen('claimed_fen').notNull(),
    noteEnc: bytea('note_enc'),
    status: text('status', { enum: ['submitted', 'approved', 'refused', 'paid'] })
      .notNull()
      .default('submitted'),
    approvedFen: fen('approved_fen'),
    refuseReason: text('refuse_reason'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    payoutFen: fen('payout_fen'),
    paidOn: date('paid_on', { mode: 'string' }),
    payoutRef: text('payout_ref'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mutual_aid_claims_org_plan').on(t.orgId, t.planId, t.createdAt),
    index('mutual_aid_claims_org_member').on(t.orgId, t.memberId),
    check('mutual_aid_claims_amounts', sql`${t.claimedFen} > 0 and coalesce(${t.approvedFen}, 1) > 0`),
  ],
);

/** Claim documents (receipts, discharge summaries): sealed at rest. */
export const mutualAidClaimDocuments = pgTable(
  'mutual_aid_claim_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => mutualAidClaims.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    contentEnc: bytea('content_enc').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mutual_aid_claim_documents_claim').on(t.orgId, t.claimId)],
);
