import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { orgs } from './organisation.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * 困难职工档案. The household and its income are family finances: they live sealed in `details_enc`
 * (JSON: household, monthly income per head in fen, situation note); only status, level, reasons
 * and dates stay plain so lists, counts and worklists need no decryption. A member has at most one
 * active file (partial unique index); a closed file is kept and a later hardship opens a new one.
 */
export const hardshipFiles = pgTable(
  'hardship_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    level: text('level', { enum: ['general', 'special', 'deep'] }).notNull(),
    reasons: text('reasons').array().notNull(),
    detailsEnc: bytea('details_enc').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    nextReviewOn: date('next_review_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hardship_files_one_active').on(t.orgId, t.memberId).where(sql`${t.status} = 'active'`),
    index('hardship_files_org_member').on(t.orgId, t.memberId),
    index('hardship_files_org_status_review').on(t.orgId, t.status, t.nextReviewOn),
  ],
);

/**
 * The history of a file: registered, updated, reviewed (outcome continue/close), closed, documents.
 * The note may describe the family's situation, so it is sealed too.
 */
export const hardshipEvents = pgTable(
  'hardship_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    kind: text('kind', {
      enum: ['registered', 'updated', 'reviewed', 'closed', 'documentAdded', 'documentRemoved'],
    }).notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    outcome: text('outcome', { enum: ['continue', 'close'] }),
    levelFrom: text('level_from'),
    levelTo: text('level_to'),
    noteEnc: bytea('note_enc'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_events_file').on(t.orgId, t.fileId, t.createdAt)],
);

/** Supporting documents (income certificates, medical records): sealed at rest like the details. */
export const hardshipDocuments = pgTable(
  'hardship_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => hardshipFiles.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    contentEnc: bytea('content_enc').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_documents_file').on(t.orgId, t.fileId)],
);
