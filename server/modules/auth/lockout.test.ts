import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, type LockoutRule, type ThrottleState } from './lockout.js';

const MIN = 60_000;
const RULE: LockoutRule = { maxFailures: 5, windowMs: 15 * MIN, lockMs: 30 * MIN };
const T0 = new Date('2024-05-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MIN);

/** Runs failures at the given minutes after T0 and returns the state after each. */
function run(minutes: number[], rule = RULE): ThrottleState[] {
  const states: ThrottleState[] = [];
  let s: ThrottleState | undefined;
  for (const m of minutes) {
    s = afterFailure(s, at(m), rule);
    states.push(s);
  }
  return states;
}

describe('afterFailure', () => {
  it.each([
    // [failure times in minutes, failures counted after the last, locked after the last]
    { name: 'one failure', times: [0], failures: 1, locked: false },
    { name: 'four failures in the window', times: [0, 1, 2, 3], failures: 4, locked: false },
    { name: 'the 5th failure in the window locks', times: [0, 1, 2, 3, 4], failures: 0, locked: true },
    { name: 'the 5th just inside 15 minutes locks', times: [0, 5, 10, 14, 15], failures: 0, locked: true },
    {
      name: 'a failure after 15 minutes starts a new window',
      times: [0, 1, 2, 3, 15.01],
      failures: 1,
      locked: false,
    },
    {
      name: 'failures spread over 40 minutes never lock',
      times: [0, 10, 20, 30, 40],
      failures: 1,
      locked: false,
    },
  ])('$name', ({ times, failures, locked }) => {
    const last = run(times).at(-1)!;
    expect(last.failures).toBe(failures);
    expect(isLocked(last.lockedUntil, at(times.at(-1)!))).toBe(locked);
  });

  it('starts the window at the first failure and keeps it while inside', () => {
    const states = run([0, 3, 7]);
    expect(states.map((s) => s.windowStart)).toEqual([at(0), at(0), at(0)]);
    expect(run([0, 16])[1].windowStart).toEqual(at(16));
  });

  it('locks for 30 minutes from the locking failure', () => {
    const locked = run([0, 1, 2, 3, 4]).at(-1)!;
    expect(locked.lockedUntil).toEqual(at(34));
    expect(isLocked(locked.lockedUntil, at(4))).toBe(true);
    expect(isLocked(locked.lockedUntil, at(33.99))).toBe(true);
    expect(isLocked(locked.lockedUntil, at(34))).toBe(false);
    expect(isLocked(locked.lockedUntil, at(60))).toBe(false);
  });

  it('a failure during the lock counts from zero again but keeps the lock', () => {
    const states = run([0, 1, 2, 3, 4, 10]);
    const last = states.at(-1)!;
    expect(last.failures).toBe(1);
    expect(last.lockedUntil).toEqual(at(34));
  });

  it('follows a configured rule', () => {
    const rule = { maxFailures: 3, windowMs: 5 * MIN, lockMs: 10 * MIN };
    const last = run([0, 1, 2], rule).at(-1)!;
    expect(last.lockedUntil).toEqual(at(12));
    expect(run([0, 1, 6], rule).at(-1)!.lockedUntil).toBeNull();
  });
});

describe('isLocked', () => {
  it.each([
    { lockedUntil: null, now: 0, locked: false },
    { lockedUntil: 10, now: 0, locked: true },
    { lockedUntil: 10, now: 9.99, locked: true },
    { lockedUntil: 10, now: 10, locked: false },
    { lockedUntil: 10, now: 11, locked: false },
  ])('until $lockedUntil at $now → $locked', ({ lockedUntil, now, locked }) => {
    expect(isLocked(lockedUntil === null ? null : at(lockedUntil), at(now))).toBe(locked);
  });
});
