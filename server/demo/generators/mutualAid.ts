import { randomUUID } from 'node:crypto';
import type { ClaimKind, ClaimStatus } from '../../../common/schemas/mutualAid.js';
import { mutualAidClaims, mutualAidPlans } from '../../db/schema/index.js';
import { categoriesRepository } from '../../modules/funds/categories.repository.js';
import { expenseRequestsRepository } from '../../modules/funds/expenseRequests.repository.js';
import { stepsFor } from '../../modules/funds/expenseRequests.state.js';
import { DEFAULT_FUND_SETTINGS } from '../../modules/funds/funds.settings.js';
import { mutualAidRepository } from '../../modules/mutualAid/mutualAid.repository.js';
import { MUTUAL_AID_CATEGORY, payPremiumsOf } from '../../modules/mutualAid/mutualAid.service.js';
import { bulkInsert } from '../bulk.js';
import { addDays } from '../rng.js';
import type { DemoContext, DemoGenerator } from '../types.js';

// 职工互助保障: this year's 在职职工住院医疗互助保障, every member enrolled on 1 January, the premiums
// paid by the union as one entry settling an approved 经费申请 (the total is above the direct limit),
// and a few claims at each step. Runs before fundsCloseGenerator: the premium is paid in an open month.

const PREMIUM_FEN = 3_000;
const CLAIMS: [ClaimStatus, number][] = [
  ['paid', 60],
  ['approved', 15],
  ['submitted', 15],
  ['refused', 10],
];
const KINDS: [ClaimKind, number][] = [
  ['hospitalisation', 70],
  ['criticalIllness', 15],
  ['accident', 15],
];

export const mutualAidGenerator: DemoGenerator = {
  name: 'mutualAid',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, actor, deps } = ctx;
    const officer = ctx.users.officer?.[0];
    if (!officer) throw new Error('mutual aid demo: the users generator made no officer');
    const planId = randomUUID();
    const start = `${ctx.year}-01-01`;
    const [plan] = await tx
      .insert(mutualAidPlans)
      .values({
        id: planId,
        orgId,
        year: ctx.year,
        name: '在职职工住院医疗互助保障',
        premiumFen: PREMIUM_FEN,
        payer: 'union',
        periodStart: start,
        periodEnd: `${ctx.year}-12-31`,
        note: '市总工会职工互助保障，工会统一为在职会员缴纳',
      })
      .returning();
    const enrolled = await mutualAidRepository.enrol(
      tx,
      { orgId, planId, premiumFen: PREMIUM_FEN, enrolledOn: start, createdBy: officer.id },
      { activeOnly: true },
    );
    let premiumFen = 0;
    if (enrolled > 0) {
      const amountFen = enrolled * PREMIUM_FEN;
      const category = await categoriesRepository.findByCode(tx, orgId, MUTUAL_AID_CATEGORY);
      if (!category) throw new Error('mutual aid demo: the funds generator made no chart');
      const steps = stepsFor(amountFen, DEFAULT_FUND_SETTINGS);
      const raisedOn = ctx.today;
      const request = await expenseRequestsRepository.insert(tx, {
        orgId,
        no: await expenseRequestsRepository.nextNo(tx, orgId, ctx.year),
        year: ctx.year,
        purpose: `${ctx.year}年在职职工住院医疗互助保障保费（${enrolled}人）`,
        categoryId: category.id,
        amountFen,
        payee: '互助保障承办机构',
        status: 'approved',
        steps,
        step: steps.length,
        committeeMeetingDate: steps.includes('committee') ? raisedOn : null,
        committeeMinutesRef: steps.includes('committee') ? `工会委员会纪要〔${ctx.year}〕互助保障` : null,
        requestedBy: officer.id,
        requestedByName: officer.displayName,
        submittedAt: new Date(`${raisedOn}T09:00:00+08:00`),
        createdAt: new Date(`${raisedOn}T08:30:00+08:00`),
      });
      // The request's history: raised and submitted by the officer, each approval step taken.
      const history = [
        { action: 'create', step: null, fromStatus: null, toStatus: 'draft' },
        { action: 'submit', step: null, fromStatus: 'draft', toStatus: 'pending' },
        ...steps.map((step, i) => ({
          action: 'approve',
          step,
          fromStatus: 'pending',
          toStatus: i === steps.length - 1 ? 'approved' : 'pending',
        })),
      ];
      for (const [i, e] of history.entries()) {
        await expenseRequestsRepository.insertEvent(tx, {
          orgId,
          requestId: request.id,
          ...e,
          actorName:
            e.action === 'approve' && e.step !== 'officer'
              ? (ctx.users.chair?.[0]?.displayName ?? '工会主席')
              : officer.displayName,
          createdAt: new Date(`${raisedOn}T${String(9 + i).padStart(2, '0')}:00:00+08:00`),
        });
      }
      const paid = await payPremiumsOf(tx, actor, plan!, {
        paidOn: ctx.today,
        voucherNo: null,
        expenseRequestId: request.id,
      });
      premiumFen = paid.amountFen;
    }

    const people = rng.sample(
      ctx.members.filter((m) => m.status === 'member'),
      Math.min(40, Math.max(4, Math.round(ctx.staff / 250))),
    );
    const claims: (typeof mutualAidClaims.$inferInsert)[] = people.map((m) => {
      const status = rng.weighted(CLAIMS);
      const occurredOn = rng.date(start, ctx.today);
      const claimedFen = rng.int(5, 80) * 10_000;
      const approvedFen = status === 'paid' || status === 'approved' ? Math.round(claimedFen * 0.6) : null;
      const paidOn = status === 'paid' ? [addDays(occurredOn, rng.int(10, 40)), ctx.today].sort()[0]! : null;
      return {
        id: randomUUID(),
        orgId,
        planId,
        memberId: m.id,
        occurredOn,
        kind: rng.weighted(KINDS),
        claimedFen,
        noteEnc: deps.sealer.seal('住院治疗，附住院发票及出院小结'),
        status,
        approvedFen,
        refuseReason: status === 'refused' ? '不在保障责任范围内' : null,
        decidedBy: status === 'submitted' ? null : officer.id,
        decidedByName: status === 'submitted' ? null : officer.displayName,
        decidedAt: status === 'submitted' ? null : new Date(`${occurredOn}T10:00:00+08:00`),
        payoutFen: status === 'paid' ? approvedFen : null,
        paidOn,
        payoutRef: status === 'paid' ? `互助金给付-${occurredOn.slice(5, 7)}${rng.int(10, 99)}` : null,
        version: 1,
        createdBy: officer.id,
        createdByName: officer.displayName,
        createdAt: new Date(`${occurredOn}T09:00:00+08:00`),
        updatedAt: new Date(`${occurredOn}T09:00:00+08:00`),
      };
    });
    await bulkInsert(tx, mutualAidClaims, claims);
    return { mutualAidEnrolled: enrolled, mutualAidPremiumFen: premiumFen, mutualAidClaims: claims.length };
  },
};
