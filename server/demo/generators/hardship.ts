import { randomUUID } from 'node:crypto';
import type { HardshipLevel, HardshipReason } from '../../../common/schemas/hardship.js';
import { hardshipEvents, hardshipFiles } from '../../db/schema/index.js';
import { oneYearAfter } from '../../modules/hardship/hardship.dates.js';
import { bulkInsert } from '../bulk.js';
import { personName } from '../people.js';
import { addDays } from '../rng.js';
import type { DemoContext, DemoGenerator } from '../types.js';

// 困难职工档案: about 1.5% of the members on file at the three levels, registered over the last two
// years (so some reviews are due or overdue and some files were reviewed already), a few closed.
// The household and income are sealed as the service seals them.

const LEVELS: [HardshipLevel, number][] = [
  ['general', 60],
  ['special', 30],
  ['deep', 10],
];
const REASONS: [HardshipReason, number][] = [
  ['illness', 40],
  ['childrenInSchool', 20],
  ['singleParent', 15],
  ['disability', 10],
  ['disaster', 5],
  ['other', 10],
];
const SITUATIONS: Record<HardshipReason, string> = {
  illness: '家庭成员患重病，长期治疗，医疗支出大',
  disability: '家庭成员残疾，需长期照护',
  disaster: '家中遭受火灾或水灾，财产损失较大',
  childrenInSchool: '子女在校就读，教育支出较大',
  singleParent: '单亲家庭，独自抚养子女',
  other: '配偶失业，家庭收入低',
};

export const hardshipGenerator: DemoGenerator = {
  name: 'hardship',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, deps } = ctx;
    const members = ctx.members.filter((m) => m.status === 'member');
    const people = rng.sample(members, Math.max(3, Math.round(members.length * 0.015)));
    const officer = ctx.users.officer?.[0];
    const files: (typeof hardshipFiles.$inferInsert)[] = [];
    const events: (typeof hardshipEvents.$inferInsert)[] = [];
    const event = (fileId: string, e: Partial<typeof hardshipEvents.$inferInsert>) =>
      events.push({
        id: randomUUID(),
        orgId,
        fileId,
        kind: 'registered',
        on: ctx.today,
        outcome: null,
        levelFrom: null,
        levelTo: null,
        noteEnc: null,
        actorId: officer?.id ?? null,
        actorName: officer?.displayName ?? '工会干事',
        createdAt: new Date(),
        ...e,
      });
    let closed = 0;
    for (const m of people) {
      const id = randomUUID();
      const level = rng.weighted(LEVELS);
      const first = rng.weighted(REASONS);
      const second = rng.chance(0.3) ? rng.weighted(REASONS) : first;
      const reasons = [...new Set([first, second])];
      const registeredOn = rng.date(`${ctx.year - 1}-01-01`, ctx.today);
      const household = [
        {
          name: personName(rng, rng.chance(0.5) ? 'male' : 'female'),
          relation: '配偶',
          age: rng.int(28, 60),
          situation: first === 'illness' ? '患病治疗中' : '务农',
        },
        ...Array.from({ length: rng.int(0, 2) }, () => ({
          name: personName(rng, rng.chance(0.5) ? 'male' : 'female'),
          relation: '子女',
          age: rng.int(3, 22),
          situation: '在校就读',
        })),
      ];
      const income = rng.int(6, 25) * 10_000;
      let nextReviewOn = oneYearAfter(registeredOn);
      let status: 'active' | 'closed' = 'active';
      let closedOn: string | null = null;
      let closeReason: string | null = null;
      event(id, {
        kind: 'registered',
        on: registeredOn,
        levelTo: level,
        createdAt: new Date(`${registeredOn}T02:00:00Z`),
      });
      // Files a year old were mostly reviewed on time; a few reviews are still outstanding (overdue).
      if (nextReviewOn <= ctx.today && rng.chance(0.8)) {
        const reviewedOn = addDays(nextReviewOn, -rng.int(0, 20));
        const close = rng.chance(0.2);
        event(id, {
          kind: 'reviewed',
          on: reviewedOn,
          outcome: close ? 'close' : 'continue',
          levelFrom: level,
          levelTo: level,
          noteEnc: deps.sealer.seal(close ? '家庭收入改善，已脱困' : '困难情况未改变，继续保留'),
          createdAt: new Date(`${reviewedOn}T02:00:00Z`),
        });
        if (close) {
          status = 'closed';
          closedOn = reviewedOn;
          closeReason = '家庭收入改善，已脱困';
          closed++;
        } else nextReviewOn = oneYearAfter(reviewedOn);
      }
      files.push({
        id,
        orgId,
        memberId: m.id,
        status,
        level,
        reasons,
        detailsEnc: deps.sealer.seal(
          JSON.stringify({ household, monthlyIncomePerHeadFen: income, situation: SITUATIONS[first] }),
        ),
        registeredOn,
        nextReviewOn,
        closedOn,
        closeReason,
        createdBy: officer?.id ?? null,
        createdByName: officer?.displayName ?? '工会干事',
      });
    }
    // reasons is an array column, which bulkInsert cannot unnest; the files are few.
    for (let i = 0; i < files.length; i += 500)
      await tx.insert(hardshipFiles).values(files.slice(i, i + 500));
    await bulkInsert(tx, hardshipEvents, events);
    const due = files.filter((f) => f.status === 'active' && f.nextReviewOn <= addDays(ctx.today, 30)).length;
    return { hardshipFiles: files.length, hardshipClosed: closed, hardshipReviewsDue: due };
  },
};
