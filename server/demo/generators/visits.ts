import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { VISIT_REASON_LABELS, type VisitReason } from '../../../common/schemas/care.js';
import { careEvents, hardshipFiles, visits } from '../../db/schema/index.js';
import { festivalDay } from '../../modules/careStats/careStats.festivals.js';
import { fundsPosting } from '../../modules/funds/funds.posting.js';
import { type WelfareRule, welfareRulesService } from '../../modules/welfareRules/welfareRules.service.js';
import { bulkInsert } from '../bulk.js';
import { addDays } from '../rng.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';

// A year of visits (慰问): birthday visits to most members whose birthday has passed, the 五必访
// visits (hospital, illness, wedding, birth, bereavement) most of them answering an event a group
// leader reported, the festival visits (春节 and 中秋) to hardship households and retirees, and a few events
// still open (some overdue) for the worklist. Cash follows the default rules and is posted per visit.
// Runs after hardship (it reads the active files) and before fundsClose (payments need open months).

type NewVisit = typeof visits.$inferInsert;
type NewEvent = typeof careEvents.$inferInsert;

const OCCASIONS: [VisitReason, number][] = [
  ['hospitalised', 40],
  ['illness', 20],
  ['wedding', 12],
  ['childbirth', 12],
  ['bereavement', 10],
];
const NOTES: Partial<Record<VisitReason, string[]>> = {
  hospitalised: ['骨折住院手术', '急性阑尾炎住院', '心脏支架术后住院观察', '肺炎住院治疗'],
  illness: ['确诊糖尿病，居家休养', '腰椎间盘突出，病休一个月', '术后居家康复'],
  wedding: ['本月举行婚礼'],
  childbirth: ['顺利生产，母子平安', '喜得千金'],
  bereavement: ['父亲病故', '母亲病故', '配偶父亲去世'],
};
const VISITORS = ['工会主席、工会干事', '工会副主席、小组长', '工会干事、科室主任', '小组长'];
/** At most this many visits of one festival pay cash: each posts its own entry, and the demo must stay quick. */
const FESTIVAL_CASH_MAX = 150;
const OCCASION_MAX = 100;

export const visitsGenerator: DemoGenerator = {
  name: 'visits',
  async run(ctx: DemoContext): Promise<Record<string, number>> {
    const { tx, rng, orgId, year, today, actor } = ctx;
    const officer = ctx.users.officer?.[0];
    const leaders = ctx.users.groupLeader ?? [];
    const byName = officer?.displayName ?? '工会干事';
    const rules = new Map<VisitReason, WelfareRule>();
    const rule = async (reason: VisitReason, date: string) => {
      if (!rules.has(reason))
        rules.set(reason, await welfareRulesService.inForce(tx, orgId, 'visit', reason, date));
      return rules.get(reason)!;
    };
    const leaderOf = (m: DemoMember) =>
      leaders.find((u) => u.departmentIds.includes(m.departmentId)) ?? leaders[0];
    const rows: NewVisit[] = [];
    const events: NewEvent[] = [];
    let posted = 0;

    /** A visit paying the rule's standard, or `extra.cashFen` (0: the gift alone). */
    const visit = async (m: DemoMember, reason: VisitReason, date: string, extra: Partial<NewVisit> = {}) => {
      const r = await rule(reason, date);
      const id = randomUUID();
      const cashFen = extra.cashFen ?? r.standardFen;
      let ledgerEntryId: string | null = null;
      if (cashFen > 0) {
        const entry = await fundsPosting.post(tx, actor, {
          orgId,
          source: { module: 'visit', id },
          categoryCode: r.categoryCode,
          amountFen: cashFen,
          date,
          kind: 'expense',
          payee: m.name,
          summary: `${extra.festival ?? VISIT_REASON_LABELS[reason]}慰问 ${m.name}`,
        });
        ledgerEntryId = entry.id;
        posted++;
      }
      rows.push({
        id,
        orgId,
        memberId: m.id,
        reason,
        visitDate: date,
        visitors: rng.pick(VISITORS),
        gift: r.giftNote,
        cashFen,
        ruleId: r.id,
        standardFen: r.standardFen,
        notes: null,
        festival: null,
        batchId: null,
        eventId: null,
        ledgerEntryId,
        status: 'done',
        createdBy: officer?.id ?? null,
        createdByName: byName,
        createdAt: new Date(`${date}T10:00:00+08:00`),
        ...extra,
      });
    };
    const event = (m: DemoMember, kind: VisitReason, date: string, e: Partial<NewEvent> = {}) => {
      const leader = leaderOf(m);
      const row: NewEvent = {
        id: randomUUID(),
        orgId,
        memberId: m.id,
        kind,
        eventDate: date,
        note: rng.pick(NOTES[kind] ?? ['']) || null,
        status: 'open',
        visitId: null,
        dismissReason: null,
        reportedBy: leader?.id ?? null,
        reportedByName: leader?.displayName ?? '工会小组长',
        closedBy: null,
        closedByName: null,
        closedAt: null,
        createdAt: new Date(`${date}T09:00:00+08:00`),
        ...e,
      };
      events.push(row);
      return row;
    };

    const members = ctx.members.filter((m) => m.status === 'member');

    // Birthdays so far this year: most members got the cake voucher and the card (no cash).
    for (const m of members) {
      const day = `${year}-${m.birthDate.slice(5) === '02-29' ? '02-28' : m.birthDate.slice(5)}`;
      if (day <= today && rng.chance(0.8)) await visit(m, 'birthday', day);
    }

    // 五必访 since February (January is closed by the dues generator): one occasion per person.
    const from = `${year}-02-01`;
    const lastVisit = addDays(today, -5);
    if (from <= lastVisit) {
      const people = rng.sample(
        members,
        Math.min(OCCASION_MAX, Math.max(10, Math.round(members.length * 0.03))),
      );
      for (const m of people) {
        const reason = rng.weighted(OCCASIONS);
        const date = rng.date(from, lastVisit);
        const visitDate = [addDays(date, rng.int(0, 3)), lastVisit].sort()[0];
        if (rng.chance(0.7)) {
          const e = event(m, reason, date, { status: 'visited', closedByName: byName });
          await visit(m, reason, visitDate, { eventId: e.id });
          e.visitId = rows[rows.length - 1].id;
          e.closedAt = new Date(`${visitDate}T10:00:00+08:00`);
        } else {
          await visit(m, reason, visitDate);
        }
      }
    }

    // The festival visits (两节慰问), a week before each festival of the year already past: every
    // hardship household on file, and the retirees of that day but a few not reached (away, in
    // hospital). The households and retirees of 80 and over (高龄) get the rule's cash, the oldest
    // first up to FESTIVAL_CASH_MAX; other retirees the gift alone.
    const active = await tx
      .select({ memberId: hardshipFiles.memberId })
      .from(hardshipFiles)
      .where(and(eq(hardshipFiles.orgId, orgId), eq(hardshipFiles.status, 'active')));
    const hardship = new Set(active.map((a) => a.memberId));
    let festival = 0;
    for (const name of ['春节', '中秋'] as const) {
      const day = festivalDay(year, name);
      const festivalDate = day && addDays(day, -7);
      if (!festivalDate || festivalDate > today) continue;
      const retirees = ctx.members
        .filter((m) => !hardship.has(m.id) && m.retiredOn && m.retiredOn < festivalDate && rng.chance(0.97))
        .sort((a, b) => a.birthDate.localeCompare(b.birthDate));
      const eighty = `${year - 80}${festivalDate.slice(4)}`;
      const due = [...ctx.members.filter((m) => hardship.has(m.id)), ...retirees];
      const batchId = randomUUID();
      let paid = 0;
      for (const m of due) {
        const cash = (hardship.has(m.id) || m.birthDate <= eighty) && paid < FESTIVAL_CASH_MAX;
        if (cash) paid++;
        await visit(m, 'holiday', festivalDate, {
          festival: `${year}${name}`,
          batchId,
          visitors: '工会领导班子',
          ...(cash ? {} : { cashFen: 0 }),
        });
        festival++;
      }
    }

    // Still open on the worklist: a few recent reports, some past the overdue line, one dismissed.
    const recent = rng.sample(members, 8);
    for (const [i, m] of recent.entries()) {
      const kind = rng.weighted(OCCASIONS);
      if (i === 7) {
        event(m, kind, addDays(today, -6), {
          status: 'dismissed',
          dismissReason: '已出院，电话慰问',
          closedByName: byName,
          closedAt: new Date(),
        });
      } else {
        event(m, kind, addDays(today, -rng.int(0, 8)));
      }
    }

    await bulkInsert(tx, careEvents, events);
    await bulkInsert(tx, visits, rows);
    return {
      visits: rows.length,
      festivalVisits: festival,
      reportedEvents: events.length,
      openEvents: events.filter((e) => e.status === 'open').length,
      visitPayments: posted,
    };
  },
};
