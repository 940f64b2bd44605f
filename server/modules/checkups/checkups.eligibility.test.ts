import { describe, expect, it } from 'vitest';
import { eligibilityBounds, yearsBefore } from './checkups.eligibility.js';

describe('yearsBefore', () => {
  it.each([
    ['2026-01-01', 5, '2021-01-01'],
    ['2026-03-15', 40, '1986-03-15'],
    ['2024-02-29', 1, '2023-02-28'],
    ['2024-02-29', 4, '2020-02-29'],
    ['2026-02-28', 18, '2008-02-28'],
  ])('%s minus %i years is %s', (date, n, expected) => {
    expect(yearsBefore(date, n)).toBe(expected);
  });
});

describe('eligibilityBounds', () => {
  const rules = { referenceDate: '2026-01-01' };
  it.each([
    [
      { minAge: 40, maxAge: null, minServiceYears: null },
      { bornOnOrBefore: '1986-01-01', bornAfter: null, hiredOnOrBefore: null },
    ],
    [
      { minAge: null, maxAge: 50, minServiceYears: null },
      { bornOnOrBefore: null, bornAfter: '1975-01-01', hiredOnOrBefore: null },
    ],
    [
      { minAge: null, maxAge: null, minServiceYears: 5 },
      { bornOnOrBefore: null, bornAfter: null, hiredOnOrBefore: '2021-01-01' },
    ],
    [
      { minAge: null, maxAge: null, minServiceYears: null },
      { bornOnOrBefore: null, bornAfter: null, hiredOnOrBefore: null },
    ],
  ])('%o gives %o', (r, expected) => {
    expect(eligibilityBounds({ ...rules, ...r })).toEqual(expected);
  });
});
