import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './members.js';
import { orgs } from './organisation.js';

// 合理化建议: sent by a member as themselves. Once adopted, handling (assign → answer → rate)
// lives in handling_items with subject type 'suggestion'.
export const suggestions = pgTable(
  'suggestions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    title: text('title').notNull(),
    content: text('content').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    state: text('state', { enum: ['submitted', 'adopted', 'declined'] })
      .notNull()
      .default('submitted'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    // A proposal the committee did not accept, turned into a suggestion (不立案转意见建议).
    proposalId: uuid('proposal_id'),
    rewardNote: text('reward_note'),
    rewardFen: integer('reward_fen'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('suggestions_org_state_submitted').on(t.orgId, t.state, t.submittedOn),
    index('suggestions_org_member').on(t.orgId, t.memberId),
    // A proposal becomes at most one suggestion, even when two reviewers convert it at once.
    uniqueIndex('suggestions_org_proposal').on(t.orgId, t.proposalId).where(sql`${t.proposalId} is not null`),
  ],
);
