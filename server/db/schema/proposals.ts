import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { congressMeetings } from './congress.js';
import { members } from './members.js';
import { orgs } from './organisation.js';

// Proposals (提案) of a congress meeting: written by a delegate, co-signed, reviewed by the proposal
// committee, merged into topics (并案) and handled through the handling loop (the topic is the subject).

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** The submission window and rules of one meeting; also holds the number sequence. */
export const proposalWindows = pgTable(
  'proposal_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => congressMeetings.id),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    minCosigners: integer('min_cosigners').notNull().default(2),
    categories: text('categories')
      .array()
      .notNull()
      .default(sql`array['医疗管理','后勤保障','职工福利','人事薪酬','其他']::text[]`),
    // The last number given out; incremented under the row lock at submission, so numbers have no gaps.
    lastSeq: integer('last_seq').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('proposal_windows_org_meeting').on(t.orgId, t.meetingId),
    check('proposal_windows_dates', sql`${t.opensOn} <= ${t.closesOn}`),
  ],
);

/** Several accepted proposals handled as one (并案); a single proposal gets a topic of its own. */
export const proposalTopics = pgTable(
  'proposal_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => congressMeetings.id),
    title: text('title').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_topics_org_meeting').on(t.orgId, t.meetingId)],
);

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => congressMeetings.id),
    /** 三届二次-001, given at submission. */
    number: text('number'),
    seq: integer('seq'),
    title: text('title').notNull(),
    reasons: text('reasons').notNull(),
    measures: text('measures').notNull(),
    category: text('category').notNull(),
    proposerMemberId: uuid('proposer_member_id')
      .notNull()
      .references(() => members.id),
    state: text('state').notNull().default('draft'),
    reviewNote: text('review_note'),
    // Not accepted, and the committee asked for it to be handled as a staff suggestion instead.
    convertedToSuggestion: boolean('converted_to_suggestion').notNull().default(false),
    topicId: uuid('topic_id').references(() => proposalTopics.id),
    /** The proposer's latest rating of the answer. */
    satisfaction: text('satisfaction'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('proposals_org_meeting_seq').on(t.orgId, t.meetingId, t.seq),
    index('proposals_org_created').on(t.orgId, t.createdAt),
    index('proposals_org_state').on(t.orgId, t.state),
    index('proposals_org_topic').on(t.orgId, t.topicId),
    index('proposals_org_proposer').on(t.orgId, t.proposerMemberId),
  ],
);

/** 附议: the delegates the proposer asked, and whether they confirmed. */
export const proposalCosigners = pgTable(
  'proposal_cosigners',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    state: text('state', { enum: ['invited', 'confirmed', 'declined'] })
      .notNull()
      .default('invited'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'proposal_cosigners_pk', columns: [t.orgId, t.proposalId, t.memberId] }),
    index('proposal_cosigners_org_member').on(t.orgId, t.memberId, t.state),
  ],
);

export const proposalEvents = pgTable(
  'proposal_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [index('proposal_events_proposal').on(t.orgId, t.proposalId, t.createdAt)],
);

/** Files attached by the proposer, kept in the database so backups carry them. */
export const proposalAttachments = pgTable(
  'proposal_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_attachments_proposal').on(t.orgId, t.proposalId)],
);
