import { describe, expect, it } from 'vitest';
import {
  isScopedFor,
  PERMISSIONS,
  permissionsOf,
  ROLE_LABELS,
  ROLE_PERMISSIONS,
  ROLES,
  roleConflict,
  SEPARATED_ROLES,
} from './permissions.js';

describe('roleConflict (三员分立)', () => {
  it.each([
    [['auditor', 'chair'], '安全审计员不能与其他角色兼任（三员分立）'],
    [['chair', 'auditor'], '安全审计员不能与其他角色兼任（三员分立）'],
    [['sysAdmin', 'member'], '系统管理员不能与其他角色兼任（三员分立）'],
    [['securityAdmin', 'officer'], '安全管理员不能与其他角色兼任（三员分立）'],
    [['sysAdmin', 'auditor'], '系统管理员不能与其他角色兼任（三员分立）'],
  ] as const)('refuses %j', (roles, message) => {
    expect(roleConflict(roles)).toBe(message);
  });

  it.each([
    [['sysAdmin']],
    [['securityAdmin']],
    [['auditor']],
    [['chair', 'officer', 'delegate']],
    [['groupLeader', 'member']],
    [[]],
  ] as const)('allows %j', (roles) => {
    expect(roleConflict(roles)).toBeNull();
  });
});

describe('permissionsOf', () => {
  it('gives the auditor only audit:read and org:read', () => {
    expect([...permissionsOf(['auditor'])].sort()).toEqual(['audit:read', 'org:read']);
  });

  it('gives the system administrator neither the audit log nor member data', () => {
    const p = permissionsOf(['sysAdmin']);
    expect(p.has('audit:read')).toBe(false);
    expect(p.has('member:read')).toBe(false);
    expect(p.has('user:manage')).toBe(true);
  });

  it('keeps amounts and payees to the funds roles, and lets only the treasurer record money', () => {
    expect(ROLES.filter((r) => permissionsOf([r]).has('funds:read'))).toEqual([
      'chair',
      'treasurer',
      'fundAuditor',
    ]);
    expect(ROLES.filter((r) => permissionsOf([r]).has('funds:write'))).toEqual(['treasurer']);
    expect(permissionsOf(['fundAuditor']).has('funds:request')).toBe(false);
  });

  it('keeps health and family finances to those who handle care, and lets group leaders only report', () => {
    expect(ROLES.filter((r) => permissionsOf([r]).has('care:read'))).toEqual(['chair', 'officer']);
    expect(ROLES.filter((r) => permissionsOf([r]).has('care:approve'))).toEqual(['chair', 'committeeMember']);
    expect(ROLES.filter((r) => permissionsOf([r]).has('care:report'))).toEqual(['groupLeader']);
    expect(isScopedFor(['groupLeader'], 'care:report')).toBe(true);
    for (const role of SEPARATED_ROLES) expect(permissionsOf([role]).has('care:apply'), role).toBe(false);
    expect(permissionsOf(['member']).has('care:apply')).toBe(true);
  });

  it('grants audit:read to the auditor alone', () => {
    const readers = ROLES.filter((r) => permissionsOf([r]).has('audit:read'));
    expect(readers).toEqual(['auditor']);
  });

  it('keeps sensitive member data from the three administrators', () => {
    for (const role of SEPARATED_ROLES) {
      const p = permissionsOf([role]);
      expect(p.has('member:readSensitive'), role).toBe(false);
      expect(p.has('member:write'), role).toBe(false);
    }
  });

  it('is the union of the roles’ permissions', () => {
    const p = permissionsOf(['treasurer', 'groupLeader']);
    expect([...p].sort()).toEqual([
      'care:apply',
      'care:report',
      'disclosure:read',
      'funds:read',
      'funds:request',
      'funds:summary',
      'funds:write',
      'member:export',
      'member:read',
      'org:read',
      'suggestion:submit',
    ]);
    expect(permissionsOf([]).size).toBe(0);
  });

  it('lets every role read the organisation and uses only known codes and labelled roles', () => {
    for (const role of ROLES) {
      expect(ROLE_LABELS[role], role).toBeTruthy();
      expect(ROLE_PERMISSIONS[role], role).toContain('org:read');
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });
});

describe('isScopedFor', () => {
  it.each([
    [['groupLeader'], 'member:read', true],
    [['groupLeader', 'delegate'], 'member:read', true],
    [['groupLeader', 'officer'], 'member:read', false],
    [['groupLeader', 'committeeMember'], 'member:read', false],
    [['officer'], 'member:read', false],
    [['groupLeader'], 'member:write', false],
    [['member'], 'member:read', false],
    [['groupLeader'], 'member:export', true],
    [['groupLeader', 'viceChair'], 'member:export', false],
  ] as const)('%j for %s → %s', (roles, permission, scoped) => {
    expect(isScopedFor(roles, permission)).toBe(scoped);
  });
});
