import { describe, expect, it } from 'vitest';
import { checkChar, idNumberError, idNumberInfo, maskIdNumber, normalizeIdNumber } from './idNumber.js';

// Check characters below were computed by hand from GB 11643-1999 (weights 7,9,10,5,8,4,2,1,6,3…; mod 11).
describe('idNumberError', () => {
  it.each([
    ['11010519491231002X', 'X check character (the standard’s own example)'],
    ['11010519491231002x', 'lower-case x'],
    ['11010519900106123X', 'X check character'],
    ['110105199003071239', 'digit check character'],
    ['110105200002290013', '29 February of a leap year'],
    [' 320102198506152036 ', 'surrounding spaces'],
  ])('accepts %s (%s)', (id) => {
    expect(idNumberError(id)).toBeNull();
  });

  it.each([
    ['110105199003071230', '身份证号校验位错误'],
    ['11010519491231002Y', '身份证号应为18位，前17位为数字，末位为数字或X'],
    ['110105199002300012', '身份证号中的出生日期无效'], // 30 February
    ['110105190002290017', '身份证号中的出生日期无效'], // 1900 was not a leap year
    ['110105199013010012', '身份证号中的出生日期无效'], // month 13
    ['110105199001000012', '身份证号中的出生日期无效'], // day 0
    ['440524188001010014', '身份证号中的出生日期无效'], // before 1900
    [`110105${new Date().getFullYear() + 1}0101123`.padEnd(18, '0'), '身份证号中的出生日期无效'], // in the future
    ['11010519900307123', '身份证号应为18位，前17位为数字，末位为数字或X'],
    ['1101051990030712399', '身份证号应为18位，前17位为数字，末位为数字或X'],
    ['110105199003071', '身份证号应为18位，前17位为数字，末位为数字或X'],
    ['11010519900307123９', '身份证号应为18位，前17位为数字，末位为数字或X'], // full-width digit
    ['1101051990X307123X', '身份证号应为18位，前17位为数字，末位为数字或X'],
    ['', '身份证号应为18位，前17位为数字，末位为数字或X'],
  ])('rejects %s: %s', (id, message) => {
    expect(idNumberError(id)).toBe(message);
  });

  it('reports the bad birth date before the check character', () => {
    // 19900230 with its correctly computed check character is still refused for the date.
    const first17 = '11010519900230001';
    expect(idNumberError(first17 + checkChar(first17))).toBe('身份证号中的出生日期无效');
  });
});

describe('checkChar', () => {
  it('computes the check character, X for 10', () => {
    expect(checkChar('11010519491231002')).toBe('X');
    expect(checkChar('11010519900307123')).toBe('9');
    expect(checkChar('32010219850615203')).toBe('6');
  });
});

describe('normalizeIdNumber', () => {
  it('trims and upper-cases', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});

describe('idNumberInfo', () => {
  it('derives birth date and gender (17th digit odd = male, even = female)', () => {
    expect(idNumberInfo('11010519900106123X')).toEqual({ birthDate: '1990-01-06', gender: 'male' });
    expect(idNumberInfo('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
    expect(idNumberInfo('110105200002290013')).toEqual({ birthDate: '2000-02-29', gender: 'male' });
  });

  it('gives null for an invalid number', () => {
    expect(idNumberInfo('110105199003071230')).toBeNull();
    expect(idNumberInfo('110105199002300012')).toBeNull();
    expect(idNumberInfo('abc')).toBeNull();
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last four: 110105********123X', () => {
    expect(maskIdNumber('11010519900106123X')).toBe('110105********123X');
    expect(maskIdNumber('11010519900106123x')).toBe('110105********123X');
    expect(maskIdNumber('110105199003071239')).toBe('110105********1239');
  });

  it('hides the birth date and never shows more than the last four', () => {
    const masked = maskIdNumber('110105199003071239');
    expect(masked).not.toContain('19900307');
    expect(masked).toHaveLength(18);
  });

  it('hides short input entirely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
