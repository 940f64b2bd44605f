// The union's business date: Asia/Shanghai, whatever the server's time zone. The formatter is built
// once: building one per call showed in the profile of the care home (each list row asks for it).
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The date of `at` in Asia/Shanghai, as YYYY-MM-DD. */
export function businessDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}

/** Today's business date in Asia/Shanghai. */
export function today(): string {
  return businessDate(new Date());
}

/** The ISO date `days` after `isoDate` (before, when negative). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
