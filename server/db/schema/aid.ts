import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { users } from './auth.js';
import { ledgerEntries } from './funds.js';
import { members } from './members.js';
import { departments, orgs } from './organisation.js';
import { welfareRules } from './welfareRules.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/** One required or optional item of an aid kind's material checklist, copied onto the case. */
export interface AidChecklistItem {
  key: string;
  label: string;
  required: boolean;
}

/**
 * 救助 (aidCase): an application for aid and its steps up to the payment. The welfare rule in force
 * on `applied_on` is stored (`rule_id`), as is the checklist of materials of that day, so a later rule
 * or checklist never changes a past case. The reason (health and family details) is sealed.
 * `version` makes two racing steps give one success and one 409.
 */
export const aidCases = pgTable(
  'aid_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The member's department when applying: the group leader scope of the case. */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    kind: text('kind').notNull(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => welfareRules.id),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    amountAskedFen: fen('amount_asked_fen').notNull(),
    amountGrantedFen: fen('amount_granted_fen'),
    reasonEnc: bytea('reason_enc').notNull(),
    checklist: jsonb('checklist').$type<AidChecklistItem[]>().notNull(),
    state: text('state').notNull().default('submitted'),
    /** Set at review from the rule and the granted amount: 'chair' or 'committee'. */
    approvalLevel: text('approval_level'),
    committeeMeetingOn: date('committee_meeting_on', { mode: 'string' }),
    committeeResolution: text('committee_resolution'),
    noticeFrom: date('notice_from', { mode: 'string' }),
    noticeUntil: date('notice_until', { mode: 'string' }),
    paidOn: date('paid_on', { mode: 'string' }),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    refusedReason: text('refused_reason'),
    /** Opened by another module (a checkup follow-up): its code and record id. */
    sourceModule: text('source_module'),
    sourceId: text('source_id'),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedByName: text('applied_by_name'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('aid_cases_org_applied').on(t.orgId, t.appliedOn),
    index('aid_cases_org_member').on(t.orgId, t.memberId, t.kind),
    index('aid_cases_org_department').on(t.orgId, t.departmentId),
    index('aid_cases_org_state').on(t.orgId, t.state),
    check(
      'aid_cases_amounts',
      sql`${t.amountAskedFen} > 0 and (${t.amountGrantedFen} is null or (${t.amountGrantedFen} > 0 and ${t.amountGrantedFen} <= ${t.amountAskedFen}))`,
    ),
  ],
);

/** The timeline of a case: one row per step taken (who, when, from and to which state, a note). */
export const aidCaseEvents = pgTable(
  'aid_case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => aidCases.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aid_case_events_case').on(t.orgId, t.caseId, t.createdAt)],
);

/** Supporting materials, each filed under one checklist item of the case. */
export const aidCaseFiles = pgTable(
  'aid_case_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => aidCases.id),
    itemKey: text('item_key').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aid_case_files_case').on(t.orgId, t.caseId)],
);
