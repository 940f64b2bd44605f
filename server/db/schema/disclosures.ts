import { customType, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './organisation.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// 院务公开. Category and channel are codes from the union's own lists (disclosure_settings).
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    category: text('category').notNull(),
    channel: text('channel').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    state: text('state', { enum: ['draft', 'published', 'withdrawn'] })
      .notNull()
      .default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('disclosures_org_state_date').on(t.orgId, t.state, t.date),
    index('disclosures_org_category_date').on(t.orgId, t.category, t.date),
  ],
);

// Small files kept in the database: a scan of the notice board, the document made public.
// Size and type are limited at upload (common/schemas/disclosure.ts).
export const disclosureAttachments = pgTable(
  'disclosure_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    disclosureId: uuid('disclosure_id')
      .notNull()
      .references(() => disclosures.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_attachments_item').on(t.orgId, t.disclosureId)],
);

// The union's category and channel lists; no row means the defaults.
export const disclosureSettings = pgTable('disclosure_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id),
  categories: jsonb('categories').notNull(),
  channels: jsonb('channels').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
