import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { congressDelegates, congressMeetings } from './congress.js';
import { members } from './members.js';
import { orgs } from './organisation.js';

// Polls (表决) and elections (选举) at a congress meeting.
//
// Secret ballots: `poll_voters` records THAT a delegate voted (one row per delegate, its key makes a
// second vote impossible) and `poll_ballots` holds WHAT was voted, with no delegate column, no time,
// no sequence and a random id. A check constraint keeps the voter row of a secret poll from pointing
// at its ballot; closing the poll rewrites the ballots in random order (see polls.tally.ts).

export const polls = pgTable(
  'polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => congressMeetings.id),
    title: text('title').notNull(),
    subject: text('subject', { enum: ['report', 'resolution', 'contract', 'election'] }).notNull(),
    secret: boolean('secret').notNull(),
    mode: text('mode', { enum: ['electronic', 'paper'] }).notNull(),
    /** What the required majority is counted of. */
    base: text('base', { enum: ['fullDelegates', 'present', 'votesCast'] }).notNull(),
    threshold: text('threshold', { enum: ['moreThanHalf', 'twoThirds'] }).notNull(),
    /** Electronic votes only from delegates signed in at the meeting. */
    requiresCheckIn: boolean('requires_check_in').notNull().default(true),
    // Elections: seats to fill, write-ins (另选他人) allowed, the round and the round before it.
    seats: integer('seats'),
    allowWriteIn: boolean('allow_write_in').notNull().default(false),
    round: integer('round').notNull().default(1),
    previousPollId: uuid('previous_poll_id'),
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    // Paper polls: the tellers' (计票人) counts.
    paperFor: integer('paper_for'),
    paperAgainst: integer('paper_against'),
    paperAbstain: integer('paper_abstain'),
    paperInvalid: integer('paper_invalid'),
    /** Paper elections: valid ballots collected. */
    paperBallots: integer('paper_ballots'),
    // Frozen when the poll opens (voter list) and closes (present).
    entitledCount: integer('entitled_count'),
    presentCount: integer('present_count'),
    passed: boolean('passed'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('polls_org_meeting').on(t.orgId, t.meetingId),
    // Target of the voters' composite key: a voter row always carries its poll's secrecy.
    unique('polls_id_secret').on(t.id, t.secret),
    foreignKey({ name: 'polls_previous_fk', columns: [t.previousPollId], foreignColumns: [t.id] }),
  ],
);

export const pollCandidates = pgTable(
  'poll_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => members.id),
    name: text('name').notNull(),
    sort: integer('sort').notNull().default(0),
    /** Added by the tellers from write-ins on paper ballots. */
    writeIn: boolean('write_in').notNull().default(false),
    paperVotes: integer('paper_votes'),
  },
  (t) => [unique('poll_candidates_org_poll_name').on(t.orgId, t.pollId, t.name)],
);

/** The voter list, frozen when the poll opens: the term's full delegates at that moment. */
export const pollVoterList = pgTable(
  'poll_voter_list',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id')
      .notNull()
      .references(() => congressDelegates.id),
  },
  (t) => [primaryKey({ name: 'poll_voter_list_pk', columns: [t.orgId, t.pollId, t.delegateId] })],
);

export const pollBallots = pgTable(
  'poll_ballots',
  {
    // Random, so neither the id nor its order says when or by whom the ballot was cast.
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    /** Motions: for / against / abstain. */
    choice: text('choice', { enum: ['for', 'against', 'abstain'] }),
    /** Elections: the candidates marked, and names written in. */
    candidateIds: uuid('candidate_ids').array(),
    writeIns: text('write_ins').array(),
  },
  (t) => [index('poll_ballots_org_poll').on(t.orgId, t.pollId)],
);

/** THAT a delegate voted. Named polls also keep which ballot is theirs; secret polls cannot. */
export const pollVoters = pgTable(
  'poll_voters',
  {
    orgId: uuid('org_id').notNull(),
    pollId: uuid('poll_id').notNull(),
    delegateId: uuid('delegate_id').notNull(),
    secret: boolean('secret').notNull(),
    ballotId: uuid('ballot_id').references(() => pollBallots.id),
  },
  (t) => [
    // One vote per delegate and poll, whatever races the requests run.
    primaryKey({ name: 'poll_voters_pk', columns: [t.orgId, t.pollId, t.delegateId] }),
    foreignKey({
      name: 'poll_voters_on_list_fk',
      columns: [t.orgId, t.pollId, t.delegateId],
      foreignColumns: [pollVoterList.orgId, pollVoterList.pollId, pollVoterList.delegateId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'poll_voters_poll_secret_fk',
      columns: [t.pollId, t.secret],
      foreignColumns: [polls.id, polls.secret],
    }).onDelete('cascade'),
    check('poll_voters_secret_unlinked', sql`not ${t.secret} or ${t.ballotId} is null`),
  ],
);
