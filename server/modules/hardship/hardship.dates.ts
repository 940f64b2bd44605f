import { HARDSHIP_REVIEW_DUE_DAYS } from '../../../common/schemas/hardship.js';
import { addDays } from '../../lib/businessDate.js';

// Date arithmetic on YYYY-MM-DD business dates, in UTC so no timezone shifts a day.

/** The same day a year later; 29 February becomes 28 February. */
export function oneYearAfter(date: string): string {
  const [y, m, d] = date.split('-');
  const next = `${Number(y) + 1}-${m}-${d}`;
  return m === '02' && d === '29' ? `${Number(y) + 1}-02-28` : next;
}

/** Files whose next review is on or before this date are due (30 days ahead, and overdue ones). */
export function reviewDueBy(today: string): string {
  return addDays(today, HARDSHIP_REVIEW_DUE_DAYS);
}
