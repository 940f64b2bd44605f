import { AID_ACTIONS, type AidAction, type AidState } from '../../../common/schemas/aid.js';
import { AID_KINDS, type AidKind, VISIT_REASONS, type VisitReason } from '../../../common/schemas/care.js';
import {
  type CareFigure,
  type CareHome,
  type CareStats,
  type FestivalReminder,
  HOME_TOP_ROWS,
  type MemberCareHistory,
} from '../../../common/schemas/careStats.js';
import { HARDSHIP_LEVELS, type HardshipLevel } from '../../../common/schemas/hardship.js';
import { EVENT_OVERDUE_DAYS } from '../../../common/schemas/visit.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { mayTake } from '../aid/aid.policy.js';
import { aidViewer, caseFacts } from '../aid/aid.service.js';
import { percent } from '../democracyStats/democracyStats.service.js';
import { hardshipService } from '../hardship/hardship.service.js';
import type { OrgActor } from '../members/members.service.js';
import { careEventsService } from '../visits/careEvents.service.js';
import { visitsService } from '../visits/visits.service.js';
import { worklistsService } from '../visits/visits.worklists.js';
import { festivalDue } from './careStats.festivals.js';
import {
  APPROVED_AID_STATES,
  COUNTED_CHECKUP_STATUSES,
  COUNTED_DRIVE_STATUSES,
  careStatsRepository as repo,
} from './careStats.repository.js';

// The numbers for the year, the home screen's worklists and a member's care history. Each figure's
// href opens the list of exactly the records it counts: its rows, or rows whose counts and amounts add
// up to it.

/** A web route with its filters; empty filters are left out, a list of states keeps its commas. */
function href(path: string, filters: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString().replaceAll('%2C', ',');
  return s ? `${path}?${s}` : path;
}

/** Sums come back from PostgreSQL as bigint strings; fen totals of a year fit a JS number. */
const num = (v: unknown) => Number(v ?? 0);

const fig = (count: number, link: string, amountFen?: number): CareFigure =>
  amountFen === undefined ? { count, href: link } : { count, amountFen, href: link };

function byLevel(get: (level: HardshipLevel) => CareFigure): Record<HardshipLevel, CareFigure> {
  return Object.fromEntries(HARDSHIP_LEVELS.map((l) => [l, get(l)])) as Record<HardshipLevel, CareFigure>;
}

/** Steps that move a case on; refusing is possible at every step and does not make it "waiting". */
const FORWARD_ACTIONS = AID_ACTIONS.filter((a): a is Exclude<AidAction, 'refuse'> => a !== 'refuse');

export const careStatsService = {
  async stats(deps: Deps, auth: AuthContext, year: number): Promise<CareStats> {
    const db = deps.db;
    const orgId = auth.orgId;
    const now = today();
    // A year still running is counted as of today.
    const asOf = `${year}-12-31` < now ? `${year}-12-31` : now;
    const [visits, hardship, aid, donations, checkups, mutualAid] = await Promise.all([
      repo.visitsByReason(db, orgId, year),
      repo.hardshipByLevel(db, orgId, year, asOf),
      repo.aidByKind(db, orgId, year),
      repo.donations(db, orgId, year),
      repo.checkups(db, orgId, year),
      repo.mutualAid(db, orgId, year),
    ]);

    const range = { from: `${year}-01-01`, to: `${year}-12-31`, status: 'done' };
    const visitRow = (r: VisitReason) => visits.find((v) => v.reason === r);
    const byReason = VISIT_REASONS.map((reason) => ({
      reason,
      ...fig(
        visitRow(reason)?.n ?? 0,
        href('/care/visits', { reason, ...range }),
        num(visitRow(reason)?.fen),
      ),
    }));

    const level = (l: HardshipLevel) => hardship.find((h) => h.level === l);
    const sumOf = (k: 'active' | 'registered') => hardship.reduce((a, h) => a + h[k], 0);

    const aidRow = (k: AidKind) => aid.find((a) => a.kind === k);
    const aidFigures = (k?: AidKind) => {
      const rs = k ? aid.filter((a) => a.kind === k) : aid;
      const total = (f: Exclude<keyof (typeof aid)[number], 'kind'>) => rs.reduce((a, r) => a + num(r[f]), 0);
      const list = { year, kind: k };
      return {
        applied: fig(total('applied'), href('/care/aid', list), total('asked')),
        approved: fig(
          total('approved'),
          href('/care/aid', { ...list, state: APPROVED_AID_STATES.join(',') }),
          total('granted'),
        ),
        paid: fig(total('paid'), href('/care/aid', { ...list, state: 'paid' }), total('paid_fen')),
      };
    };

    // The year's drives without the cancelled ones: each row shows its donations and their total.
    const driveFilter = { year, status: COUNTED_DRIVE_STATUSES.join(',') };
    const drives = href('/care/donations', driveFilter);
    // Each row shows its programme's eligible list and attendance.
    const programmes = href('/care/checkups', { year, status: COUNTED_CHECKUP_STATUSES.join(',') });
    // Each row shows its plan's enrolments and premiums.
    const plans = href('/care/mutual-aid', { year });
    const claims = (status?: string) => href('/care/mutual-aid', { tab: 'claims', year, status });
    const active = (level?: HardshipLevel) => href('/care/hardship', { activeOn: asOf, level });
    const registered = (level?: HardshipLevel) => href('/care/hardship', { registeredYear: year, level });
    return {
      year,
      visits: {
        total: fig(
          byReason.reduce((a, r) => a + r.count, 0),
          href('/care/visits', range),
          byReason.reduce((a, r) => a + (r.amountFen ?? 0), 0),
        ),
        byReason,
      },
      hardship: {
        activeAtYearEnd: {
          ...fig(sumOf('active'), active()),
          byLevel: byLevel((l) => fig(level(l)?.active ?? 0, active(l))),
        },
        registered: {
          ...fig(sumOf('registered'), registered()),
          byLevel: byLevel((l) => fig(level(l)?.registered ?? 0, registered(l))),
        },
      },
      aid: {
        byKind: AID_KINDS.filter((k) => aidRow(k)).map((kind) => ({ kind, ...aidFigures(kind) })),
        total: aidFigures(),
      },
      donations: {
        drives: fig(donations.drives, drives),
        // Who gave to those drives, each once (one who gave to two drives is one row).
        donors: fig(donations.donors, href('/care/donations', { tab: 'donors', ...driveFilter })),
        raised: fig(donations.donations, drives, num(donations.raised)),
        handedOver: fig(
          donations.handed_over,
          href('/care/donations', { year, status: 'handedOver' }),
          num(donations.handover_fen),
        ),
      },
      checkups: {
        programmes: fig(checkups.programmes, programmes),
        eligible: fig(checkups.eligible, programmes),
        attended: fig(checkups.attended, programmes),
        coverage: percent(checkups.attended, checkups.eligible),
      },
      mutualAid: {
        plans: fig(mutualAid.plans, plans),
        enrolled: fig(mutualAid.enrolled, plans, num(mutualAid.premium_fen)),
        claims: fig(mutualAid.claims, claims(), num(mutualAid.claimed_fen)),
        paid: fig(mutualAid.paid, claims('paid'), num(mutualAid.payout_fen)),
      },
    };
  },

  async home(deps: Deps, auth: AuthContext): Promise<CareHome> {
    const db = deps.db;
    const now = today();
    const month = now.slice(0, 7);
    const mayReadFiles = auth.permissions.has('care:read');
    const [birthdays, events, openEvents, hardship, hardshipRows, aidWaiting, festival] = await Promise.all([
      worklistsService.birthdayPage(deps, auth, { month, visited: 'no', page: 1, pageSize: HOME_TOP_ROWS }),
      careEventsService.list(deps, auth, { status: 'open', page: 1, pageSize: HOME_TOP_ROWS }),
      repo.openEvents(db, auth.orgId, now, EVENT_OVERDUE_DAYS),
      hardshipService.summary(deps, auth),
      mayReadFiles
        ? hardshipService.list(deps, auth, {
            status: 'active',
            reviewDue: true,
            page: 1,
            pageSize: HOME_TOP_ROWS,
          })
        : null,
      this.aidWaiting(deps, auth),
      this.festivalReminder(deps, auth, now),
    ]);
    return {
      today: now,
      birthdays: {
        month,
        total: birthdays.counts.total,
        count: birthdays.page.total,
        rows: birthdays.data.map((b) => ({
          memberId: b.memberId,
          name: b.name,
          departmentName: b.departmentName,
          birthDate: b.birthDate,
        })),
      },
      events: { count: openEvents.open, overdue: openEvents.overdue, rows: events.data },
      hardshipReviews: { count: hardship.reviewDue, rows: hardshipRows?.data ?? null },
      aidWaiting: { count: aidWaiting.length, rows: aidWaiting.slice(0, HOME_TOP_ROWS) },
      festival,
    };
  },

  /** The festival within reach of `on`, with how many retirees and hardship households await its visit. */
  async festivalReminder(deps: Deps, auth: AuthContext, on: string): Promise<FestivalReminder | null> {
    const due = festivalDue(on);
    if (!due) return null;
    return { ...due, pending: await worklistsService.festivalCount(deps, auth, due.festival) };
  },

  /** Open aid cases whose next step is the user's to take (the aid module's own rules decide). */
  async aidWaiting(deps: Deps, auth: AuthContext) {
    const [viewer, open] = await Promise.all([
      aidViewer(deps.db, auth),
      repo.openAidCases(deps.db, auth.orgId),
    ]);
    return open
      .filter((r) => FORWARD_ACTIONS.some((a) => mayTake(viewer, caseFacts(r.aid), a)))
      .map((r) => ({
        id: r.aid.id,
        memberName: r.memberName,
        departmentName: r.departmentName,
        kind: r.aid.kind as AidKind,
        state: r.aid.state as AidState,
        appliedOn: r.aid.appliedOn,
      }));
  },

  /**
   * The visits a member received (cash only for care:read), and with care:read their aid cases:
   * that look at a member's aid is audited.
   */
  async memberHistory(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    memberId: string,
  ): Promise<MemberCareHistory> {
    if (!(await repo.memberExists(deps.db, auth.orgId, memberId))) throw notFound('MEMBER_NOT_FOUND');
    const visits = await visitsService.list(deps, auth, {
      memberId,
      status: 'done',
      page: 1,
      pageSize: 200,
    });
    if (!auth.permissions.has('care:read')) return { visits: visits.data, aid: null };
    const aid = await repo.memberAid(deps.db, auth.orgId, memberId);
    await writeAudit(deps.db, actor, {
      action: 'care.memberHistory.view',
      objectType: 'member',
      objectId: memberId,
    });
    return {
      visits: visits.data,
      aid: aid.map((a) => ({ ...a, kind: a.kind as AidKind, state: a.state as AidState })),
    };
  },
};
