// Who is eligible for a checkup programme, as date bounds the roster query can use directly.
// Age and years of service are whole years on the programme's reference date; service years count
// from the member's 入职日期 (`hireDate`), so a member without one never meets a service-years rule.

export interface EligibilityRules {
  referenceDate: string;
  minServiceYears: number | null;
  minAge: number | null;
  maxAge: number | null;
}

export interface DateBounds {
  /** age ≥ minAge: born on or before this day. */
  bornOnOrBefore: string | null;
  /** age ≤ maxAge: born after this day. */
  bornAfter: string | null;
  /** service ≥ N years: hired on or before this day. */
  hiredOnOrBefore: string | null;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The same day `n` years earlier. 29 February becomes 28 February in a common year, so someone born
 * on 29 February turns a year older on 1 March in common years (as PostgreSQL's age() counts).
 */
export function yearsBefore(date: string, n: number): string {
  const y = Number(date.slice(0, 4)) - n;
  let md = date.slice(5);
  if (md === '02-29' && !isLeap(y)) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}

export function eligibilityBounds(rules: EligibilityRules): DateBounds {
  const ref = rules.referenceDate;
  return {
    bornOnOrBefore: rules.minAge === null ? null : yearsBefore(ref, rules.minAge),
    bornAfter: rules.maxAge === null ? null : yearsBefore(ref, rules.maxAge + 1),
    hiredOnOrBefore: rules.minServiceYears === null ? null : yearsBefore(ref, rules.minServiceYears),
  };
}
