import { describe, expect, it } from 'vitest';
import { isValidPhone, maskPhone, normalizePhone } from './phone.js';

describe('isValidPhone', () => {
  it.each([
    ['13812345678', 'mobile'],
    ['19912345678', 'mobile, 19x'],
    [' 138 1234 5678 ', 'mobile with spaces'],
    ['010-12345678', 'landline, 3-digit area code, dash'],
    ['01012345678', 'landline without dash'],
    ['0755-1234567', 'landline, 4-digit area code, 7-digit number'],
    ['07551234567', 'landline, 4-digit area code, no dash'],
    ['010-12345678-123', 'landline with extension'],
    ['0571-87654321-1', 'landline with a one-digit extension'],
  ])('accepts %s (%s)', (p) => {
    expect(isValidPhone(p)).toBe(true);
  });

  it.each([
    ['12812345678', 'mobile must start 13-19'],
    ['1381234567', 'mobile too short'],
    ['138123456789', 'mobile too long'],
    ['+8613812345678', 'country code'],
    ['010-123456', 'landline number too short'],
    ['010-123456789', 'landline number too long'],
    ['10-12345678', 'area code must start with 0'],
    ['010-12345678-1234567', 'extension too long'],
    ['010-12345678-', 'empty extension'],
    ['010--12345678', 'double dash'],
    ['abc', 'letters'],
    ['', 'empty'],
  ])('rejects %s (%s)', (p) => {
    expect(isValidPhone(p)).toBe(false);
  });
});

describe('normalizePhone', () => {
  it('removes every space', () => {
    expect(normalizePhone(' 138 1234\t5678 ')).toBe('13812345678');
  });
});

describe('maskPhone', () => {
  it('masks a mobile as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });

  it('keeps a landline’s area code and last four digits', () => {
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('0755-1234567')).toBe('0755-***4567');
  });

  it('knows 010 and 02x are three-digit area codes when there is no dash', () => {
    expect(maskPhone('01012345678')).toBe('010****5678');
    expect(maskPhone('02187654321')).toBe('021****4321');
    expect(maskPhone('075512345678')).toBe('0755****5678');
  });

  it('never shows the middle of a number', () => {
    for (const p of ['13812345678', '010-12345678', '0755-1234567', '01012345678']) {
      const masked = maskPhone(p);
      expect(masked).toHaveLength(normalizePhone(p).length);
      expect(masked).toContain('*');
      expect(masked.slice(-4)).toBe(normalizePhone(p).slice(-4));
    }
  });

  it('hides very short input entirely', () => {
    expect(maskPhone('1234')).toBe('****');
  });
});
