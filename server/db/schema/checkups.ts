import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { members } from './members.js';
import { departments, orgs } from './organisation.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * 健康体检: one programme per checkup round of a year. The eligibility rules live on the programme
 * and may change only while it is a draft; publishing freezes the eligible list as participant rows.
 */
export const checkupProgrammes = pgTable(
  'checkup_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    provider: text('provider'),
    budgetPerPersonFen: bigint('budget_per_person_fen', { mode: 'number' }),
    /** Age and years of service are counted on this date. */
    referenceDate: date('reference_date', { mode: 'string' }).notNull(),
    /** Empty: every employment type. */
    employmentTypes: text('employment_types').array().notNull().default([]),
    minServiceYears: integer('min_service_years'),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    statuses: text('statuses').array().notNull().default(['member']),
    womenExtraItems: text('women_extra_items').array().notNull().default([]),
    status: text('status', { enum: ['draft', 'published', 'closed'] })
      .notNull()
      .default('draft'),
    eligibleCount: integer('eligible_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('checkup_programmes_name').on(t.orgId, t.year, t.name),
    index('checkup_programmes_org_year').on(t.orgId, t.year),
    check(
      'checkup_programmes_rules',
      sql`coalesce(${t.minAge}, 0) <= coalesce(${t.maxAge}, 200) and coalesce(${t.budgetPerPersonFen}, 0) >= 0`,
    ),
  ],
);

/** A day and place the checkup centre receives a group of people. */
export const checkupBatches = pgTable(
  'checkup_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => checkupProgrammes.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    timeSlot: text('time_slot').notNull(),
    place: text('place').notNull(),
    capacity: integer('capacity').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('checkup_batches_programme').on(t.orgId, t.programmeId, t.date),
    check('checkup_batches_capacity', sql`${t.capacity} > 0`),
  ],
);

/**
 * One person on a published programme's eligible list. Name, gender, age, department and extra items
 * are copied at publish so later roster changes leave the list as it was published. The ID number is
 * read from the roster at export time: it identifies the person, and a corrected number must reach
 * the checkup centre. No diagnosis is ever stored: only a follow-up flag and a short note (encrypted).
 */
export const checkupParticipants = pgTable(
  'checkup_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => checkupProgrammes.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    age: integer('age').notNull(),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id),
    departmentName: text('department_name').notNull(),
    employmentType: text('employment_type').notNull(),
    extraItems: text('extra_items').array().notNull().default([]),
    batchId: uuid('batch_id').references(() => checkupBatches.id, { onDelete: 'set null' }),
    attendance: text('attendance', { enum: ['pending', 'attended', 'absent', 'rescheduled'] })
      .notNull()
      .default('pending'),
    attendanceAt: timestamp('attendance_at', { withTimezone: true }),
    followUp: boolean('follow_up').notNull().default(false),
    followUpNoteEnc: bytea('follow_up_note_enc'),
    followUpAt: timestamp('follow_up_at', { withTimezone: true }),
    followUpByName: text('follow_up_by_name'),
    aidCaseId: uuid('aid_case_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('checkup_participants_member').on(t.orgId, t.programmeId, t.memberId),
    index('checkup_participants_department').on(t.orgId, t.programmeId, t.departmentName, t.name),
    index('checkup_participants_batch').on(t.orgId, t.programmeId, t.batchId),
    index('checkup_participants_of_member').on(t.orgId, t.memberId),
  ],
);
