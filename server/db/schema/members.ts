import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, orgs, unionGroups } from './organisation.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    // AES-256-GCM ciphertext; the keyed hash finds duplicates, the masked form fills lists.
    idNumberEnc: bytea('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    ethnicity: text('ethnicity'),
    politicalStatus: text('political_status'),
    education: text('education'),
    phone: text('phone'),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    unionGroupId: uuid('union_group_id').references(() => unionGroups.id, { onDelete: 'set null' }),
    jobTitle: text('job_title'),
    employmentType: text('employment_type').notNull(),
    hireDate: date('hire_date', { mode: 'string' }),
    joinedAt: date('joined_at', { mode: 'string' }),
    memberNo: text('member_no'),
    status: text('status').notNull().default('nonMember'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('members_org_id_number').on(t.orgId, t.idNumberHash),
    unique('members_org_member_no').on(t.orgId, t.memberNo),
    index('members_org_created').on(t.orgId, t.createdAt),
    index('members_org_department').on(t.orgId, t.departmentId),
    index('members_org_name').on(t.orgId, t.name),
    // The roster's default screen, members by name: the page's ids come from this index alone.
    index('members_org_status').on(t.orgId, t.status, t.name, t.id),
    index('members_org_phone').on(t.orgId, t.phone),
    // The birthday worklist (待慰问) asks for one month's birthdays among all staff.
    index('members_org_birth_month').on(t.orgId, sql`extract(month from ${t.birthDate})`),
    // The festival worklist (两节慰问) starts from the retirees: a few hundred of thousands.
    index('members_org_retiree')
      .on(t.orgId)
      .where(sql`${t.status} = 'retired' or ${t.employmentType} = 'retired'`),
  ],
);

export const membershipEvents = pgTable(
  'membership_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_events_member').on(t.orgId, t.memberId, t.createdAt)],
);

// An uploaded roster between preview and commit; rows are stored encrypted (they hold ID numbers).
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  userId: uuid('user_id').notNull(),
  fileName: text('file_name').notNull(),
  mode: text('mode', { enum: ['create', 'upsert'] }).notNull(),
  payloadEnc: bytea('payload_enc').notNull(),
  summary: jsonb('summary').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
});
