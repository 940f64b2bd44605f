import { randomUUID } from 'node:crypto';
import type { AidState } from '../../../common/schemas/aid.js';
import { AID_KIND_LABELS, type AidKind } from '../../../common/schemas/care.js';
import { aidCaseEvents, aidCaseFiles, aidCases } from '../../db/schema/index.js';
import { addDays } from '../../lib/businessDate.js';
import { AID_MATERIALS } from '../../modules/aid/aid.service.js';
import { fundsPosting } from '../../modules/funds/funds.posting.js';
import { ledgerRepository } from '../../modules/funds/ledger.repository.js';
import { approverFor, welfareRulesService } from '../../modules/welfareRules/welfareRules.service.js';
import { bulkInsert } from '../bulk.js';
import type { DemoContext, DemoGenerator } from '../types.js';

// A year of aid cases (救助) at every step: most paid (one ledger entry each, in open periods: runs
// before fundsCloseGenerator), some approved or on public notice, some waiting for review or
// recommendation, a few refused. One case per member, granted within the rule in force on its date.

const KINDS: [AidKind, number][] = [
  ['illness', 40],
  ['education', 25],
  ['accident', 15],
  ['disaster', 10],
  ['other', 10],
];
const REASONS: Record<AidKind, string[]> = {
  illness: [
    '确诊肺癌，需化疗',
    '肾移植手术，医疗费用高',
    '本人患乳腺癌，术后放疗',
    '配偶重病住院，家庭负担重',
  ],
  education: ['子女考入大学，学费困难', '子女考入高职，家庭收入低'],
  accident: ['交通事故受伤住院', '家中老人摔伤手术'],
  disaster: ['家中失火，财物受损', '暴雨致房屋进水受损'],
  other: ['单亲家庭，子女患病', '配偶失业，家庭生活困难'],
};
const STATES: [AidState, number][] = [
  ['paid', 55],
  ['approved', 6],
  ['noticed', 5],
  ['reviewed', 8],
  ['recommended', 10],
  ['submitted', 6],
  ['refused', 10],
];
const ORDER: AidState[] = ['submitted', 'recommended', 'reviewed', 'approved', 'noticed', 'paid'];
const ACTION: Partial<Record<AidState, string>> = {
  recommended: 'recommend',
  reviewed: 'review',
  approved: 'approve',
  noticed: 'notice',
  paid: 'pay',
};
const PDF = Buffer.from('%PDF-1.4\n% demo material\n');

const earliest = (a: string, b: string) => (a < b ? a : b);
const latest = (a: string, b: string) => (a > b ? a : b);

export const aidGenerator: DemoGenerator = {
  name: 'aid',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, actor } = ctx;
    const officer = ctx.users.officer?.[0]?.displayName ?? '工会干事';
    const chair = ctx.users.chair?.[0]?.displayName ?? '工会主席';
    const count = Math.min(80, Math.max(12, Math.round(ctx.staff / 150)));
    const people = rng.sample(
      ctx.members.filter((m) => m.status === 'member'),
      count,
    );
    const closed = (await ledgerRepository.closedPeriods(tx, orgId, ctx.year)).map((p) => p.period).sort();
    const lastClosed = closed.at(-1);
    const openFrom = lastClosed ? `${addDays(`${lastClosed}-01`, 31).slice(0, 8)}01` : `${ctx.year}-01-01`;
    const cases: (typeof aidCases.$inferInsert)[] = [];
    const events: (typeof aidCaseEvents.$inferInsert)[] = [];
    const files: (typeof aidCaseFiles.$inferInsert)[] = [];
    let paidFen = 0;
    for (const m of people) {
      const id = randomUUID();
      const kind = rng.weighted(KINDS);
      let state = rng.weighted(STATES);
      // Cases on notice were applied for in the last weeks and are on notice today; others anywhere
      // in the year so far.
      const yearStart = `${ctx.year}-01-01`;
      const appliedOn =
        state === 'noticed'
          ? latest(yearStart, addDays(ctx.today, -rng.int(8, 20)))
          : rng.date(yearStart, ctx.today);
      const rule = await welfareRulesService.inForce(tx, orgId, 'aid', kind, appliedOn);
      const cap = rule.yearlyCapFen ?? rule.standardFen * 4;
      const asked = Math.min(cap, rule.standardFen * rng.int(1, 4)) + rng.int(0, 10) * 10_000;
      const granted = Math.min(asked, cap, rule.standardFen * rng.int(1, 3));
      let reached = state === 'refused' ? ORDER[rng.int(0, 3)] : state;
      let at = ORDER.indexOf(reached);
      const level = at >= 2 ? (approverFor(rule, granted) === 'committee' ? 'committee' : 'chair') : null;
      const checklist = AID_MATERIALS[kind].map((i) => ({ ...i }));
      const stepDays: Partial<Record<AidState, string>> = { submitted: appliedOn };
      let day = appliedOn;
      for (const s of ORDER.slice(1, Math.min(at, 3) + 1)) {
        day = earliest(addDays(day, rng.int(1, 2)), ctx.today);
        stepDays[s] = day;
      }
      if (reached === 'noticed') {
        day = latest(day, addDays(ctx.today, -2));
        stepDays.noticed = day;
      } else if (reached === 'paid') {
        // A third of the payments went on a five-day public notice first.
        if (rng.chance(0.3) && addDays(day, 6) <= ctx.today) {
          stepDays.noticed = day;
          day = addDays(day, 5);
        }
        day = earliest(addDays(day, rng.int(1, 5)), ctx.today);
        // Payments go into open periods only (dues closes January before this runs).
        if (day < openFrom) day = openFrom;
        if (day <= ctx.today) stepDays.paid = day;
        else {
          state = reached = 'approved';
          at = ORDER.indexOf(reached);
          stepDays.noticed = undefined;
        }
      }
      const noticed = stepDays.noticed ?? null;
      let ledgerEntryId: string | null = null;
      if (state === 'paid') {
        const entry = await fundsPosting.post(tx, actor, {
          orgId,
          source: { module: 'aid', id },
          categoryCode: rule.categoryCode,
          amountFen: granted,
          date: stepDays.paid ?? appliedOn,
          kind: 'expense',
          payee: m.name,
          summary: `${AID_KIND_LABELS[kind]} ${m.name}`,
          payMethod: 'transfer',
          approvedInWorkflow: true,
        });
        ledgerEntryId = entry.id;
        paidFen += granted;
      }
      cases.push({
        id,
        orgId,
        memberId: m.id,
        departmentId: m.departmentId,
        kind,
        ruleId: rule.id,
        appliedOn,
        amountAskedFen: asked,
        amountGrantedFen: at >= 2 ? granted : null,
        reasonEnc: ctx.deps.sealer.seal(rng.pick(REASONS[kind])),
        checklist,
        state,
        approvalLevel: level,
        committeeMeetingOn: level === 'committee' && at >= 3 ? (stepDays.approved ?? null) : null,
        committeeResolution: level === 'committee' && at >= 3 ? '经工会委员会集体研究，同意救助' : null,
        noticeFrom: noticed,
        noticeUntil: noticed ? addDays(noticed, 4) : null,
        paidOn: state === 'paid' ? (stepDays.paid ?? null) : null,
        ledgerEntryId,
        refusedReason: state === 'refused' ? '经核实不符合救助条件' : null,
        appliedByName: officer,
        createdAt: new Date(`${appliedOn}T09:00:00+08:00`),
        updatedAt: new Date(`${day}T15:00:00+08:00`),
      });
      const event = (
        action: string,
        from: AidState | null,
        to: AidState,
        on: string,
        name: string,
        note: string | null,
      ) =>
        events.push({
          id: randomUUID(),
          orgId,
          caseId: id,
          action,
          fromState: from,
          toState: to,
          note,
          actorId: null,
          actorName: name,
          createdAt: new Date(`${on}T10:00:00+08:00`),
        });
      event('apply', null, 'submitted', appliedOn, officer, null);
      let prev: AidState = 'submitted';
      for (const s of ORDER.slice(1, at + 1)) {
        if (s === 'noticed' && !noticed) continue;
        const name = s === 'approved' ? chair : officer;
        event(ACTION[s] ?? s, prev, s, stepDays[s] ?? day, name, null);
        prev = s;
      }
      if (state === 'refused') event('refuse', reached, 'refused', day, officer, '经核实不符合救助条件');
      if (at >= 2) {
        for (const item of checklist.filter((i) => i.required)) {
          files.push({
            id: randomUUID(),
            orgId,
            caseId: id,
            itemKey: item.key,
            fileName: `${item.label}.pdf`,
            mimeType: 'application/pdf',
            sizeBytes: PDF.length,
            content: PDF,
            uploadedBy: null,
            uploadedByName: officer,
            createdAt: new Date(`${appliedOn}T11:00:00+08:00`),
          });
        }
      }
    }
    if (cases.length) await tx.insert(aidCases).values(cases);
    await bulkInsert(tx, aidCaseEvents, events);
    await bulkInsert(tx, aidCaseFiles, files);
    return { aidCases: cases.length, aidPaidYuan: Math.round(paidFen / 100) };
  },
};
