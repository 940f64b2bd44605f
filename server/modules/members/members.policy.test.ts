import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../../common/permissions.js';
import { abilitiesOf, type MemberAccess, may, seesSensitive } from './members.policy.js';

const DEPT = 'd-own';
const OTHER = 'd-other';

function access(roles: Role[], scoped = false): MemberAccess {
  const scope = scoped ? new Set([DEPT]) : null;
  return {
    permissions: permissionsOf(roles),
    scopes: {
      'member:read': scope,
      'member:write': scope,
      'member:readSensitive': scope,
      'member:export': scope,
    },
  };
}

describe('member policy', () => {
  const cases: {
    who: string;
    a: MemberAccess;
    dept: string;
    edit: boolean;
    reveal: boolean;
    actions: string[];
  }[] = [
    {
      who: 'officer',
      a: access(['officer']),
      dept: OTHER,
      edit: true,
      reveal: true,
      actions: ['transferOut', 'leave', 'retire'],
    },
    {
      who: 'chair',
      a: access(['chair']),
      dept: DEPT,
      edit: true,
      reveal: true,
      actions: ['transferOut', 'leave', 'retire'],
    },
    { who: 'viceChair', a: access(['viceChair']), dept: DEPT, edit: false, reveal: false, actions: [] },
    {
      who: 'committeeMember',
      a: access(['committeeMember']),
      dept: DEPT,
      edit: false,
      reveal: false,
      actions: [],
    },
    {
      who: 'groupLeader',
      a: access(['groupLeader'], true),
      dept: DEPT,
      edit: false,
      reveal: false,
      actions: [],
    },
    // A hypothetical scoped writer: may act inside the scope only.
    {
      who: 'scoped officer, own dept',
      a: access(['officer'], true),
      dept: DEPT,
      edit: true,
      reveal: true,
      actions: ['transferOut', 'leave', 'retire'],
    },
    {
      who: 'scoped officer, other dept',
      a: access(['officer'], true),
      dept: OTHER,
      edit: false,
      reveal: false,
      actions: [],
    },
  ];

  it.each(cases)('$who', ({ a, dept, edit, reveal, actions }) => {
    const abilities = abilitiesOf(a, { departmentId: dept, status: 'member' });
    expect(abilities).toEqual({ edit, revealIdNumber: reveal, actions });
    expect(seesSensitive(a, { departmentId: dept })).toBe(reveal);
  });

  it('offers the actions of the current state', () => {
    const a = access(['officer']);
    expect(abilitiesOf(a, { departmentId: DEPT, status: 'applied' }).actions).toEqual(['approve', 'reject']);
    expect(abilitiesOf(a, { departmentId: DEPT, status: 'retired' }).actions).toEqual([]);
  });

  it('needs the permission itself before the scope', () => {
    expect(may(access(['viceChair']), 'member:export', { departmentId: OTHER })).toBe(true);
    expect(may(access(['committeeMember']), 'member:export', { departmentId: DEPT })).toBe(false);
    expect(may(access(['groupLeader'], true), 'member:read', { departmentId: OTHER })).toBe(false);
  });
});
