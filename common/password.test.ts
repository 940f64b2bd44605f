import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from './password.js';

const CLASSES = '密码需包含大写字母、小写字母、数字、符号中的至少3类';

describe('passwordProblems with the default policy (10 characters, 3 classes)', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({ minLength: 10, minClasses: 3 });
  });

  it.each([
    ['Abcdefgh12', 'upper, lower, digit'],
    ['abcdefgh1!', 'lower, digit, symbol'],
    ['ABCDEFGH!!1', 'upper, symbol, digit'],
    ['Correct-Horse-Battery', 'upper, lower, symbol'],
    ['密码Abcdefg1', 'Chinese characters count as symbols'],
  ])('accepts %s (%s)', (pw) => {
    expect(passwordProblems(pw, 'zhangsan')).toEqual([]);
  });

  it('refuses a short password', () => {
    expect(passwordProblems('Ab1!', 'zhangsan')).toEqual(['密码至少10位']);
    expect(passwordProblems('Abcdefg1!', 'zhangsan')).toEqual(['密码至少10位']);
  });

  it('refuses too few character classes', () => {
    expect(passwordProblems('abcdefghij', 'zhangsan')).toEqual([CLASSES]);
    expect(passwordProblems('abcdefghi1', 'zhangsan')).toEqual([CLASSES]);
    expect(passwordProblems('ABCDEFGHI!', 'zhangsan')).toEqual([CLASSES]);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblems('Zhangsan-2024', 'zhangsan')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('xx-ZHANGSAN-1a', 'ZhangSan')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('Zhangsan-2024', '')).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('admin', 'admin')).toEqual(['密码至少10位', CLASSES, '密码不能包含用户名']);
  });
});

describe('passwordProblems with a custom policy', () => {
  it('uses the given length and class count in the rule and the message', () => {
    const policy = { minLength: 6, minClasses: 2 };
    expect(passwordProblems('abc12', 'u', policy)).toEqual(['密码至少6位']);
    expect(passwordProblems('abcdef', 'u', policy)).toEqual([
      '密码需包含大写字母、小写字母、数字、符号中的至少2类',
    ]);
    expect(passwordProblems('abcde1', 'x', policy)).toEqual([]);
  });

  it('can demand all four classes', () => {
    const policy = { minLength: 12, minClasses: 4 };
    expect(passwordProblems('Abcdefghijk1', 'u', policy)).toHaveLength(1);
    expect(passwordProblems('Abcdefghij1!', 'u', policy)).toEqual([]);
  });
});
