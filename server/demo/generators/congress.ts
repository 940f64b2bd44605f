import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { defaultMeetingTitle } from '../../../common/chineseNumber.js';
import type { Choice } from '../../../common/schemas/poll.js';
import type { Tx } from '../../db/client.js';
import {
  congressCheckIns,
  congressDelegates,
  congressMeetings,
  congressTerms,
  pollBallots,
  pollCandidates,
  polls,
  pollVoterList,
  pollVoters,
} from '../../db/schema/index.js';
import { computeResult } from '../../modules/polls/polls.result.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';

// The workers' congress of the demo year: the third term, its second meeting this year with about a
// hundred delegates by delegation, nearly all signed in, three polls on the reports and a resolution
// and one by-election, all closed with realistic counts. Rows are written the way the polls module
// writes them (secret ballots with no link to their voters).

const TERM = 3;
const MEETING = 2;
const CHUNK = 500;

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

interface DemoPoll {
  title: string;
  subject: 'report' | 'resolution' | 'election';
  secret: boolean;
  mode: 'electronic' | 'paper';
  /** Share of voters for / against (the rest abstain). */
  forShare: number;
  againstShare: number;
}

const MOTIONS: DemoPoll[] = [
  {
    title: '院长工作报告',
    subject: 'report',
    secret: true,
    mode: 'electronic',
    forShare: 0.93,
    againstShare: 0.02,
  },
  {
    title: '财务工作报告',
    subject: 'report',
    secret: true,
    mode: 'electronic',
    forShare: 0.9,
    againstShare: 0.03,
  },
  {
    title: '工会工作报告',
    subject: 'report',
    secret: true,
    mode: 'paper',
    forShare: 0.95,
    againstShare: 0.01,
  },
  {
    title: '关于提案工作情况的决议',
    subject: 'resolution',
    secret: false,
    mode: 'electronic',
    forShare: 0.96,
    againstShare: 0.0,
  },
];

export const congressGenerator: DemoGenerator = {
  name: 'congress',
  async run(ctx: DemoContext) {
    const { tx, rng, orgId } = ctx;
    const joined = ctx.members.filter((m) => m.status === 'member');
    // The demo delegate accounts must be full delegates, so they see their congress.
    const accounts = new Set((ctx.users.delegate ?? []).map((u) => u.memberId));
    const ordered = [
      ...joined.filter((m) => accounts.has(m.id)),
      ...rng.shuffle(joined.filter((m) => !accounts.has(m.id))),
    ];
    const size = Math.min(100, ordered.length);
    const chosen = ordered.slice(0, size);
    const fullCount = Math.round(size * 0.86);
    const observers = Math.round(size * 0.09);
    const deptById = new Map(ctx.departments.map((d) => [d.id, d]));
    const delegationOf = (m: DemoMember) => {
      const d = deptById.get(m.departmentId);
      const top = d?.parentId ? deptById.get(d.parentId) : d;
      return `${top?.name ?? '机关'}代表团`;
    };

    const [term] = await tx
      .insert(congressTerms)
      .values({ orgId, number: TERM, startDate: `${ctx.year - 2}-03-01`, endDate: `${ctx.year + 2}-02-28` })
      .returning();
    const date = ctx.today < `${ctx.year}-03-20` ? ctx.today : `${ctx.year}-03-20`;
    const [meeting] = await tx
      .insert(congressMeetings)
      .values({
        orgId,
        termId: term.id,
        number: MEETING,
        title: defaultMeetingTitle(TERM, MEETING),
        date,
        place: '门诊楼十二楼学术报告厅',
        agenda:
          '一、听取和审议院长工作报告\n二、审议财务工作报告\n三、审议工会工作报告\n四、通过提案工作决议\n五、增补工会委员',
        status: 'closed',
      })
      .returning();

    const delegates = chosen.map((m, i) => ({
      id: randomUUID(),
      orgId,
      termId: term.id,
      memberId: m.id,
      kind:
        i < fullCount
          ? ('full' as const)
          : i < fullCount + observers
            ? ('observer' as const)
            : ('invited' as const),
      delegation: delegationOf(m),
    }));
    await insertChunks(delegates, (c) => tx.insert(congressDelegates).values(c));
    const full = delegates.filter((d) => d.kind === 'full');
    const present = delegates.filter((d) => d.kind !== 'full' || rng.chance(0.93));
    const presentFull = present.filter((d) => d.kind === 'full');
    const signIn = new Date(`${date}T08:${String(rng.int(0, 29)).padStart(2, '0')}:00+08:00`);
    await insertChunks(present, (c) =>
      tx.insert(congressCheckIns).values(
        c.map((d) => ({
          orgId,
          meetingId: meeting.id,
          delegateId: d.id,
          method: rng.chance(0.7) ? ('self' as const) : ('officer' as const),
          checkedInAt: new Date(signIn.getTime() + rng.int(0, 1800) * 1000),
        })),
      ),
    );

    const closedAt = new Date(`${date}T11:30:00+08:00`);
    const openPoll = async (
      values: Partial<typeof polls.$inferInsert> & { title: string; subject: DemoPoll['subject'] },
    ) => {
      const [poll] = await tx
        .insert(polls)
        .values({
          orgId,
          meetingId: meeting.id,
          secret: true,
          mode: 'electronic',
          base: 'fullDelegates',
          threshold: 'moreThanHalf',
          status: 'closed',
          entitledCount: full.length,
          presentCount: presentFull.length,
          openedAt: new Date(closedAt.getTime() - 3_600_000),
          closedAt,
          ...values,
        })
        .returning();
      await insertChunks(full, (c) =>
        tx.insert(pollVoterList).values(c.map((d) => ({ orgId, pollId: poll.id, delegateId: d.id }))),
      );
      return poll;
    };

    let ballots = 0;
    const voters = presentFull.filter(() => rng.chance(0.98));
    for (const m of MOTIONS) {
      const choices: Choice[] = voters.map(() => {
        const x = rng.next();
        return x < m.forShare ? 'for' : x < m.forShare + m.againstShare ? 'against' : 'abstain';
      });
      const count = (c: Choice) => choices.filter((x) => x === c).length;
      const poll = await openPoll({
        title: m.title,
        subject: m.subject,
        secret: m.secret,
        mode: m.mode,
        ...(m.mode === 'paper'
          ? {
              paperFor: count('for'),
              paperAgainst: count('against'),
              paperAbstain: count('abstain'),
              paperInvalid: 1,
            }
          : {}),
      });
      if (m.mode === 'electronic') {
        ballots += await castAll(
          tx,
          orgId,
          poll.id,
          m.secret,
          voters.map((d, i) => ({ delegateId: d.id, choice: choices[i] })),
        );
      }
      await settle(tx, poll.id);
    }

    // A by-election: three candidates for two seats (差额), write-ins allowed.
    const candidates = rng.sample(
      joined.filter((m) => !accounts.has(m.id)),
      3,
    );
    const election = await openPoll({
      title: '增补工会委员',
      subject: 'election',
      seats: 2,
      allowWriteIn: true,
    });
    const ids = candidates.map(() => randomUUID());
    await tx.insert(pollCandidates).values(
      candidates.map((c, i) => ({
        id: ids[i],
        orgId,
        pollId: election.id,
        memberId: c.id,
        name: c.name,
        sort: i,
      })),
    );
    const weights = [0.88, 0.8, 0.25];
    const marks = voters.map(() => {
      const picked = ids.filter((_, i) => rng.chance(weights[i])).slice(0, 2);
      const writeIns = picked.length < 2 && rng.chance(0.03) ? [rng.pick(joined).name] : [];
      return {
        candidateIds: picked,
        writeIns: writeIns.filter((w) => !candidates.some((c) => c.name === w)),
      };
    });
    ballots += await castAll(
      tx,
      orgId,
      election.id,
      true,
      voters.map((d, i) => ({ delegateId: d.id, ...marks[i] })),
    );
    await settle(tx, election.id);

    ctx.log(
      `职代会：${meeting.title}，代表 ${delegates.length} 人，到会正式代表 ${presentFull.length}/${full.length}`,
    );
    return { delegates: delegates.length, checkIns: present.length, polls: MOTIONS.length + 1, ballots };
  },
};

type Vote = { delegateId: string; choice?: Choice; candidateIds?: string[]; writeIns?: string[] };

/** Voter rows and ballots; secret ballots in an order unrelated to the voters, as a closed poll keeps them. */
async function castAll(
  tx: Tx,
  orgId: string,
  pollId: string,
  secret: boolean,
  votes: Vote[],
): Promise<number> {
  const ballots = votes.map((v) => ({
    id: randomUUID(),
    orgId,
    pollId,
    choice: v.choice ?? null,
    candidateIds: v.candidateIds ?? null,
    writeIns: v.writeIns ?? null,
  }));
  const box = secret ? [...ballots].sort((a, b) => a.id.localeCompare(b.id)) : ballots;
  await insertChunks(box, (c) => tx.insert(pollBallots).values(c));
  await insertChunks(
    votes.map((v, i) => ({
      orgId,
      pollId,
      delegateId: v.delegateId,
      secret,
      ballotId: secret ? null : ballots[i].id,
    })),
    (c) => tx.insert(pollVoters).values(c),
  );
  return ballots.length;
}

/** Stores whether the poll passed, from the same tally the app computes. */
async function settle(tx: Tx, pollId: string) {
  const [poll] = await tx.select().from(polls).where(eq(polls.id, pollId));
  const candidates = await tx.select().from(pollCandidates).where(eq(pollCandidates.pollId, pollId));
  const result = await computeResult(tx, poll, candidates, poll.presentCount ?? 0);
  await tx.update(polls).set({ passed: result.passed }).where(eq(polls.id, pollId));
}
