import { z } from 'zod';
import type { AidState } from './aid.js';
import type { AidKind, VisitReason } from './care.js';
import type { HardshipLevel, HardshipListItem } from './hardship.js';
import { yearQuery } from './suggestion.js';
import type { CareEventView, VisitView } from './visit.js';

// The care home screen (关爱首页), the numbers for the year (年度关爱统计) and a member's care
// history. Every figure is a count of records with the list that shows them (`href`): the web
// opens that list when the figure is clicked. Amounts are totals in fen (care:summary may see
// totals, never an individual's amount).

export const careStatsQuery = z.strictObject({ year: yearQuery });

/** A count of records, their total in fen where money is involved, and the list behind them. */
export interface CareFigure {
  count: number;
  amountFen?: number;
  /**
   * The web route with the filters that list exactly these records: as many rows, or rows whose
   * counts and amounts add up to the figure.
   */
  href: string;
}

export interface CareStats {
  year: number;
  /** Visits made in the year (not cancelled), by occasion, with the cash paid. */
  visits: {
    total: CareFigure;
    byReason: (CareFigure & { reason: VisitReason })[];
  };
  /** Households on file: still active on 31 December (today for the current year), and registered in the year. */
  hardship: {
    activeAtYearEnd: CareFigure & { byLevel: Record<HardshipLevel, CareFigure> };
    registered: CareFigure & { byLevel: Record<HardshipLevel, CareFigure> };
  };
  /**
   * Aid cases applied for in the year, by kind: applied (amount asked), approved (approved, in
   * notice or paid: amount granted) and paid (amount granted and paid).
   */
  aid: {
    byKind: { kind: AidKind; applied: CareFigure; approved: CareFigure; paid: CareFigure }[];
    total: { applied: CareFigure; approved: CareFigure; paid: CareFigure };
  };
  /** Drives started in the year (not cancelled): donations kept (not removed), donors, handovers. */
  donations: {
    drives: CareFigure;
    /** Distinct donors: members by id, others by name. */
    donors: CareFigure;
    raised: CareFigure;
    handedOver: CareFigure;
  };
  /** Checkup programmes of the year that were published: the eligible list and who attended. */
  checkups: {
    programmes: CareFigure;
    eligible: CareFigure;
    attended: CareFigure;
    /** Attended among eligible, in percent with one decimal; null with nobody eligible. */
    coverage: number | null;
  };
  /** Mutual aid plans of the year: enrolments (premiums), claims (amount claimed) and payouts. */
  mutualAid: {
    plans: CareFigure;
    enrolled: CareFigure;
    claims: CareFigure;
    paid: CareFigure;
  };
}

// Care home

/** A birthday of this month without this year's birthday visit. */
export interface HomeBirthdayRow {
  memberId: string;
  name: string;
  departmentName: string | null;
  birthDate: string;
}

/** An aid case waiting for the signed-in user's step. */
export interface HomeAidRow {
  id: string;
  memberName: string;
  departmentName: string;
  kind: AidKind;
  state: AidState;
  appliedOn: string;
}

/** 春节 or 中秋 within FESTIVAL_REMINDER_DAYS: who is still to be visited for it. */
export interface FestivalReminder {
  /** The name visits are filed under, e.g. 2027春节. */
  festival: string;
  date: string;
  daysLeft: number;
  /** Retirees and hardship households without a visit for it yet. */
  pending: number;
}

export const FESTIVAL_REMINDER_DAYS = 30;
/** Rows shown per worklist on the home screen; the worklist page has the rest. */
export const HOME_TOP_ROWS = 5;

export interface CareHome {
  today: string;
  birthdays: { month: string; total: number; count: number; rows: HomeBirthdayRow[] };
  events: { count: number; overdue: number; rows: CareEventView[] };
  /** Rows (names) only for care:read: being on the hardship file is family finances. */
  hardshipReviews: { count: number; rows: HardshipListItem[] | null };
  aidWaiting: { count: number; rows: HomeAidRow[] };
  festival: FestivalReminder | null;
}

// A member's care history

export interface MemberAidRow {
  id: string;
  kind: AidKind;
  state: AidState;
  appliedOn: string;
  amountAskedFen: number;
  amountGrantedFen: number | null;
  paidOn: string | null;
}

export interface MemberCareHistory {
  /** Visits made (cancelled ones left out); cash is null without care:read. */
  visits: VisitView[];
  /** Aid cases: null without care:read (their existence is a health or family matter). */
  aid: MemberAidRow[] | null;
}
