import { describe, expect, it } from 'vitest';
import { alternationRatio, percentile } from './lib/stats.js';

describe('alternationRatio', () => {
  it('divides each scenario run by the mean of the ceiling runs on either side', () => {
    // 50 / mean(100, 200) = 1/3 and 100 / mean(200, 200) = 1/2: mean 5/12.
    expect(alternationRatio([100, 200, 200], [50, 100])).toBeCloseTo(5 / 12, 10);
  });

  it('cancels a ceiling drift that a single ceiling run would not', () => {
    // The machine slows down steadily; the scenario keeps half of whatever the machine gives.
    expect(alternationRatio([1000, 800, 600], [450, 350])).toBeCloseTo(0.5, 10);
  });

  it('refuses runs that were not alternated', () => {
    expect(() => alternationRatio([100, 100], [50, 50])).toThrow(/n\+1 ceiling runs/);
    expect(() => alternationRatio([100], [])).toThrow();
  });
});

describe('percentile', () => {
  const samples = Array.from({ length: 100 }, (_, i) => i + 1);
  it('is nearest-rank', () => {
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });
  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});
