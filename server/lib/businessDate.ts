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
