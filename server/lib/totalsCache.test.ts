import { describe, expect, it } from 'vitest';
import { totalsCache } from './totalsCache.js';

describe('totalsCache', () => {
  it('reuses a value until its scope is written, then computes it again', async () => {
    let n = 0;
    const count = async () => ++n;
    expect(await totalsCache.get('s1', 'k', 60_000, count)).toBe(1);
    expect(await totalsCache.get('s1', 'k', 60_000, count)).toBe(1);
    totalsCache.invalidate('s1');
    expect(await totalsCache.get('s1', 'k', 60_000, count)).toBe(2);
  });

  it('does not keep a value computed while a write to its scope ended', async () => {
    let n = 0;
    const racing = async () => {
      totalsCache.invalidate('s2'); // a roster write commits while the count runs
      return ++n;
    };
    expect(await totalsCache.get('s2', 'k', 60_000, racing)).toBe(1);
    expect(await totalsCache.get('s2', 'k', 60_000, async () => ++n)).toBe(2);
  });

  it('keeps nothing with a zero lifetime and keeps scopes apart', async () => {
    let n = 0;
    expect(await totalsCache.get('s3', 'k', 0, async () => ++n)).toBe(1);
    expect(await totalsCache.get('s3', 'k', 0, async () => ++n)).toBe(2);
    await totalsCache.get('s4', 'k', 60_000, async () => 10);
    totalsCache.invalidate('s5');
    expect(await totalsCache.get('s4', 'k', 60_000, async () => 11)).toBe(10);
  });
});
