import { describe, expect, it } from 'vitest';
import { mayOpen } from './careLinks';

describe('mayOpen', () => {
  it('opens a list by its path and permission', () => {
    expect(mayOpen(['care:summary'], '/care/visits?reason=birthday')).toBe(true);
    expect(mayOpen(['care:summary'], '/care/hardship?activeOn=2025-12-31')).toBe(false);
    expect(mayOpen(['care:read'], '/care/hardship?activeOn=2025-12-31')).toBe(true);
    expect(mayOpen(['care:summary'], '/care/unknown')).toBe(false);
  });

  it('the claims tab needs care:read; the plans of the same page care:summary', () => {
    const claims = '/care/mutual-aid?tab=claims&year=2025&status=paid';
    expect(mayOpen(['care:summary'], claims)).toBe(false);
    expect(mayOpen(['care:summary', 'care:read'], claims)).toBe(true);
    expect(mayOpen(['care:summary'], '/care/mutual-aid?year=2025')).toBe(true);
    expect(mayOpen(['care:summary'], '/care/mutual-aid?tab=claimsX')).toBe(true);
  });
});
