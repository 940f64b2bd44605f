import { FESTIVAL_REMINDER_DAYS } from '../../../common/schemas/careStats.js';
import { daysBetween } from '../../lib/businessDate.js';

// The two festivals of 两节慰问 follow the lunar calendar. Rather than carry a lunar calendar for
// two dates a year, the Gregorian dates are listed here (from the published calendar, 2024–2030);
// extend the table when the years run out — a year missing from it simply gives no reminder.
const FESTIVAL_DATES: Record<number, { 春节: string; 中秋: string }> = {
  2024: { 春节: '2024-02-10', 中秋: '2024-09-17' },
  2025: { 春节: '2025-01-29', 中秋: '2025-10-06' },
  2026: { 春节: '2026-02-17', 中秋: '2026-09-25' },
  2027: { 春节: '2027-02-06', 中秋: '2027-09-15' },
  2028: { 春节: '2028-01-26', 中秋: '2028-10-03' },
  2029: { 春节: '2029-02-13', 中秋: '2029-09-22' },
  2030: { 春节: '2030-02-03', 中秋: '2030-09-12' },
};

/** The day of 春节 or 中秋 in `year`, or null when the table does not reach that year. */
export function festivalDay(year: number, name: '春节' | '中秋'): string | null {
  return FESTIVAL_DATES[year]?.[name] ?? null;
}

/**
 * The festival due within FESTIVAL_REMINDER_DAYS of `today` (the festival day itself included), named
 * as festival visits are filed (e.g. 2027春节), or null.
 */
export function festivalDue(today: string): { festival: string; date: string; daysLeft: number } | null {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const dates = FESTIVAL_DATES[y];
    if (!dates) continue;
    for (const name of ['春节', '中秋'] as const) {
      const daysLeft = daysBetween(today, dates[name]);
      if (daysLeft >= 0 && daysLeft <= FESTIVAL_REMINDER_DAYS) {
        return { festival: `${y}${name}`, date: dates[name], daysLeft };
      }
    }
  }
  return null;
}
