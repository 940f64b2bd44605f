import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loginThrottle } from '../../db/schema/index.js';

export interface LockoutRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

/**
 * The lockout rule as a pure step: N failures inside the window lock the name for lockMs.
 * A failure outside the window starts a new one.
 */
export function afterFailure(state: ThrottleState | undefined, now: Date, rule: LockoutRule): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() > rule.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  if (failures >= rule.maxFailures) {
    return { failures: 0, windowStart: now, lockedUntil: new Date(now.getTime() + rule.lockMs) };
  }
  return { failures, windowStart, lockedUntil: state?.lockedUntil ?? null };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** Records one failed login for a username (existing or not) and returns whether it is now locked. */
export async function recordFailure(exec: Executor, username: string, rule: LockoutRule): Promise<boolean> {
  const key = username.toLowerCase();
  const now = new Date();
  // Row lock: concurrent failures for one name must all count.
  const [row] = await exec.select().from(loginThrottle).where(eq(loginThrottle.username, key)).for('update');
  const next = afterFailure(row, now, rule);
  await exec
    .insert(loginThrottle)
    .values({ username: key, ...next })
    .onConflictDoUpdate({
      target: loginThrottle.username,
      set: {
        failures: next.failures,
        windowStart: next.windowStart,
        lockedUntil: next.lockedUntil ?? sql`null`,
      },
    });
  return isLocked(next.lockedUntil, now);
}
