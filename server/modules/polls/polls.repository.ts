import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  congressCheckIns,
  congressDelegates,
  pollBallots,
  pollCandidates,
  polls,
  pollVoterList,
  pollVoters,
} from '../../db/schema/index.js';

// The only place poll SQL lives; every query is filtered by org.

export type PollRow = typeof polls.$inferSelect;
export type NewPoll = typeof polls.$inferInsert;
export type CandidateRow = typeof pollCandidates.$inferSelect;
export type BallotValues = Pick<typeof pollBallots.$inferInsert, 'choice' | 'candidateIds' | 'writeIns'>;

const pollWhere = (orgId: string, id: string) => and(eq(polls.orgId, orgId), eq(polls.id, id));

export const pollsRepository = {
  /** A poll by id; `update` locks it for a state change. */
  async find(exec: Executor, orgId: string, id: string, lock?: 'update'): Promise<PollRow | undefined> {
    const q = exec.select().from(polls).where(pollWhere(orgId, id));
    const [row] = await (lock ? q.for(lock) : q);
    return row;
  },

  /**
   * Votes take a shared advisory lock on the poll and a closing takes it exclusively: a closing waits
   * for the votes in flight, and every later vote sees the poll closed. (A shared row lock would do the
   * same, but thousands of concurrent row lockers each create a MultiXact and slow voting down.)
   */
  async lockForVote(exec: Executor, pollId: string): Promise<void> {
    await exec.execute(sql`select pg_advisory_xact_lock_shared(hashtextextended(${pollId}, 0))`);
  },

  async lockForClose(exec: Executor, pollId: string): Promise<void> {
    await exec.execute(sql`select pg_advisory_xact_lock(hashtextextended(${pollId}, 0))`);
  },

  /** In one round trip: is the delegate on the voter list, signed in at the meeting, already voted? */
  async eligibility(
    exec: Executor,
    orgId: string,
    poll: { id: string; meetingId: string },
    delegateId: string,
  ) {
    const { rows } = await exec.execute<{ on_list: boolean; checked_in: boolean; voted: boolean }>(sql`
      select
        exists (select 1 from ${pollVoterList} where org_id = ${orgId} and poll_id = ${poll.id} and delegate_id = ${delegateId}) as on_list,
        exists (select 1 from ${congressCheckIns} where org_id = ${orgId} and meeting_id = ${poll.meetingId} and delegate_id = ${delegateId}) as checked_in,
        exists (select 1 from ${pollVoters} where org_id = ${orgId} and poll_id = ${poll.id} and delegate_id = ${delegateId}) as voted`);
    const r = rows[0];
    return { onList: r.on_list, checkedIn: r.checked_in, voted: r.voted };
  },

  async listByMeeting(exec: Executor, orgId: string, meetingId: string): Promise<PollRow[]> {
    return exec
      .select()
      .from(polls)
      .where(and(eq(polls.orgId, orgId), eq(polls.meetingId, meetingId)))
      .orderBy(asc(polls.createdAt));
  },

  async countOpen(exec: Executor, orgId: string, meetingId: string): Promise<number> {
    const [row] = await exec
      .select({ n: count() })
      .from(polls)
      .where(and(eq(polls.orgId, orgId), eq(polls.meetingId, meetingId), eq(polls.status, 'open')));
    return row.n;
  },

  async findNextRound(exec: Executor, orgId: string, id: string): Promise<string | undefined> {
    const [row] = await exec
      .select({ id: polls.id })
      .from(polls)
      .where(and(eq(polls.orgId, orgId), eq(polls.previousPollId, id)));
    return row?.id;
  },

  async insert(exec: Executor, values: NewPoll): Promise<PollRow> {
    const [row] = await exec.insert(polls).values(values).returning();
    return row;
  },

  async update(
    exec: Executor,
    orgId: string,
    id: string,
    version: number,
    values: Partial<NewPoll>,
  ): Promise<PollRow | undefined> {
    const [row] = await exec
      .update(polls)
      .set({ ...values, version: sql`${polls.version} + 1`, updatedAt: new Date() })
      .where(and(pollWhere(orgId, id), eq(polls.version, version)))
      .returning();
    return row;
  },

  async delete(exec: Executor, orgId: string, id: string): Promise<void> {
    await exec.delete(polls).where(pollWhere(orgId, id));
  },

  async candidates(exec: Executor, orgId: string, pollId: string): Promise<CandidateRow[]> {
    return exec
      .select()
      .from(pollCandidates)
      .where(and(eq(pollCandidates.orgId, orgId), eq(pollCandidates.pollId, pollId)))
      .orderBy(asc(pollCandidates.writeIn), asc(pollCandidates.sort), asc(pollCandidates.name));
  },

  /** Replaces the candidates (or only the write-ins) of a poll. */
  async replaceCandidates(
    exec: Executor,
    orgId: string,
    pollId: string,
    rows: Omit<typeof pollCandidates.$inferInsert, 'orgId' | 'pollId'>[],
    opts: { writeInsOnly?: boolean } = {},
  ): Promise<void> {
    await exec
      .delete(pollCandidates)
      .where(
        and(
          eq(pollCandidates.orgId, orgId),
          eq(pollCandidates.pollId, pollId),
          opts.writeInsOnly ? eq(pollCandidates.writeIn, true) : undefined,
        ),
      );
    if (rows.length) {
      await exec.insert(pollCandidates).values(rows.map((r) => ({ ...r, orgId, pollId })));
    }
  },

  async setPaperVotes(exec: Executor, orgId: string, candidateId: string, votes: number): Promise<void> {
    await exec
      .update(pollCandidates)
      .set({ paperVotes: votes })
      .where(and(eq(pollCandidates.orgId, orgId), eq(pollCandidates.id, candidateId)));
  },

  /** Freezes the voter list: the term's full delegates now. Returns its size. */
  async freezeVoterList(exec: Executor, orgId: string, pollId: string, termId: string): Promise<number> {
    const out = await exec
      .insert(pollVoterList)
      .select(
        exec
          .select({
            orgId: congressDelegates.orgId,
            pollId: sql<string>`${pollId}::uuid`.as('poll_id'),
            delegateId: congressDelegates.id,
          })
          .from(congressDelegates)
          .where(
            and(
              eq(congressDelegates.orgId, orgId),
              eq(congressDelegates.termId, termId),
              eq(congressDelegates.kind, 'full'),
            ),
          ),
      )
      .returning({ id: pollVoterList.delegateId });
    return out.length;
  },

  /** Delegates on the voter list who signed in at the meeting. */
  async presentOnList(exec: Executor, orgId: string, pollId: string, meetingId: string): Promise<number> {
    const [row] = await exec
      .select({ n: count() })
      .from(pollVoterList)
      .innerJoin(
        congressCheckIns,
        and(
          eq(congressCheckIns.orgId, orgId),
          eq(congressCheckIns.meetingId, meetingId),
          eq(congressCheckIns.delegateId, pollVoterList.delegateId),
        ),
      )
      .where(and(eq(pollVoterList.orgId, orgId), eq(pollVoterList.pollId, pollId)));
    return row.n;
  },

  async hasVoted(exec: Executor, orgId: string, pollId: string, delegateId: string): Promise<boolean> {
    const [row] = await exec
      .select({ id: pollVoters.delegateId })
      .from(pollVoters)
      .where(
        and(
          eq(pollVoters.orgId, orgId),
          eq(pollVoters.pollId, pollId),
          eq(pollVoters.delegateId, delegateId),
        ),
      );
    return !!row;
  },

  async votedCount(exec: Executor, orgId: string, pollId: string): Promise<number> {
    const [row] = await exec
      .select({ n: count() })
      .from(pollVoters)
      .where(and(eq(pollVoters.orgId, orgId), eq(pollVoters.pollId, pollId)));
    return row.n;
  },

  /**
   * Records a vote: THAT the delegate voted, and the ballot. A secret ballot gets no link back; a
   * named one is referenced from the voter row. False when the delegate has already voted (the
   * primary key decides, also between requests racing each other).
   */
  async castVote(
    exec: Executor,
    orgId: string,
    pollId: string,
    delegateId: string,
    secret: boolean,
    ballot: BallotValues,
  ): Promise<boolean> {
    if (secret) {
      const voter = await exec
        .insert(pollVoters)
        .values({ orgId, pollId, delegateId, secret: true, ballotId: null })
        .onConflictDoNothing()
        .returning({ id: pollVoters.delegateId });
      if (voter.length === 0) return false;
      await exec.insert(pollBallots).values({ orgId, pollId, ...ballot });
      return true;
    }
    const ballotId = randomUUID();
    await exec.insert(pollBallots).values({ id: ballotId, orgId, pollId, ...ballot });
    const voter = await exec
      .insert(pollVoters)
      .values({ orgId, pollId, delegateId, secret: false, ballotId })
      .onConflictDoNothing()
      .returning({ id: pollVoters.delegateId });
    return voter.length > 0;
  },

  /**
   * Shakes the ballot box of a secret poll at its close: every ballot is written again with a new
   * random id, in random order, by this one transaction, so neither the physical order nor the
   * writing transaction of a ballot can be matched with its voter's row any more.
   */
  async shuffleBallots(exec: Executor, orgId: string, pollId: string): Promise<void> {
    await exec.execute(sql`
      with old as (
        delete from ${pollBallots}
        where ${pollBallots.orgId} = ${orgId} and ${pollBallots.pollId} = ${pollId}
        returning choice, candidate_ids, write_ins
      )
      insert into ${pollBallots} (id, org_id, poll_id, choice, candidate_ids, write_ins)
      select gen_random_uuid(), ${orgId}::uuid, ${pollId}::uuid, choice, candidate_ids, write_ins
      from old order by random()`);
  },

  async choiceCounts(exec: Executor, orgId: string, pollId: string) {
    return exec
      .select({ choice: pollBallots.choice, n: count() })
      .from(pollBallots)
      .where(and(eq(pollBallots.orgId, orgId), eq(pollBallots.pollId, pollId)))
      .groupBy(pollBallots.choice);
  },

  /** Election ballots: how many, votes per candidate id, votes per written-in name. */
  async electionCounts(exec: Executor, orgId: string, pollId: string) {
    const where = sql`org_id = ${orgId} and poll_id = ${pollId}`;
    const [ballots, perCandidate, perWriteIn] = await Promise.all([
      exec
        .select({ n: count() })
        .from(pollBallots)
        .where(and(eq(pollBallots.orgId, orgId), eq(pollBallots.pollId, pollId))),
      exec.execute<{ id: string; n: number }>(
        sql`select c as id, count(*)::int as n from poll_ballots, unnest(candidate_ids) c where ${where} group by c`,
      ),
      exec.execute<{ name: string; n: number }>(
        sql`select w as name, count(*)::int as n from poll_ballots, unnest(write_ins) w where ${where} group by w`,
      ),
    ]);
    return { ballots: ballots[0].n, perCandidate: perCandidate.rows, perWriteIn: perWriteIn.rows };
  },
};
