import { describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../../common/permissions.js';
import type { AidAction, AidApprovalLevel, AidState } from '../../../common/schemas/aid.js';
import { type AidCaseFacts, type AidViewer, mayTake, mayUpload, sightOf } from './aid.policy.js';

const DEPT = 'dept-internal';
const viewer = (roles: Role[], extra: Partial<AidViewer> = {}): AidViewer => ({
  permissions: permissionsOf(roles),
  roles,
  userId: 'u-viewer',
  memberId: null,
  reportDepartments: roles.includes('groupLeader') ? new Set([DEPT]) : null,
  ...extra,
});
const facts = (state: AidState, approvalLevel: AidApprovalLevel | null = null): AidCaseFacts => ({
  memberId: 'm-applicant',
  departmentId: DEPT,
  appliedBy: 'u-applicant',
  state,
  approvalLevel,
});

const officer = viewer(['officer']);
const chair = viewer(['chair']);
const committee = viewer(['committeeMember']);
const leader = viewer(['groupLeader']);
const otherLeader = viewer(['groupLeader'], { reportDepartments: new Set(['dept-surgery']) });
const applicant = viewer(['member'], { memberId: 'm-applicant' });
const filer = viewer(['member'], { userId: 'u-applicant' });
const stranger = viewer(['member'], { memberId: 'm-other' });
const viceChair = viewer(['viceChair']);

describe('who sees how much of a case', () => {
  it.each([
    ['officer', officer, 'full'],
    ['chair', chair, 'full'],
    ['the applicant', applicant, 'full'],
    ['a committee member', committee, 'approver'],
    ['the department’s group leader', leader, 'status'],
    ['whoever filed it', filer, 'status'],
    ['another department’s group leader', otherLeader, null],
    ['another member', stranger, null],
    ['a vice chair (totals only)', viceChair, null],
  ] as const)('%s: %s', (_who, v, sight) => {
    expect(sightOf(v, facts('submitted'))).toBe(sight);
  });
});

describe('who takes which step', () => {
  // [who, viewer, state, level, action, allowed]
  const table: [string, AidViewer, AidState, AidApprovalLevel | null, AidAction, boolean][] = [
    ['leader', leader, 'submitted', null, 'recommend', true],
    ['other leader', otherLeader, 'submitted', null, 'recommend', false],
    ['officer', officer, 'submitted', null, 'recommend', true],
    ['member', stranger, 'submitted', null, 'recommend', false],
    ['officer', officer, 'recommended', null, 'review', true],
    ['leader', leader, 'recommended', null, 'review', false],
    ['officer', officer, 'submitted', null, 'review', false],
    ['chair', chair, 'reviewed', 'chair', 'approve', true],
    ['committee member', committee, 'reviewed', 'chair', 'approve', false],
    ['committee member', committee, 'reviewed', 'committee', 'approve', true],
    ['officer', officer, 'reviewed', 'chair', 'approve', false],
    ['chair', chair, 'recommended', null, 'approve', false],
    ['officer', officer, 'approved', 'chair', 'notice', true],
    ['officer', officer, 'approved', 'chair', 'pay', true],
    ['officer', officer, 'noticed', 'chair', 'pay', true],
    ['chair (holds care:write)', chair, 'approved', 'chair', 'pay', true],
    ['committee member', committee, 'approved', 'committee', 'pay', false],
    ['officer', officer, 'paid', 'chair', 'refuse', false],
    ['officer', officer, 'noticed', 'chair', 'refuse', true],
    ['committee member at approval', committee, 'reviewed', 'committee', 'refuse', true],
    ['committee member after approval', committee, 'approved', 'committee', 'refuse', false],
    ['leader', leader, 'submitted', null, 'refuse', false],
    ['the applicant', applicant, 'submitted', null, 'refuse', false],
  ];
  it.each(table)('%s at %s/%s: %s → %s', (_who, v, state, level, action, allowed) => {
    expect(mayTake(v, facts(state, level), action)).toBe(allowed);
  });

  it('nobody takes a step on their own case, not even the chair', () => {
    const chairApplicant = viewer(['chair'], { memberId: 'm-applicant' });
    expect(mayTake(chairApplicant, facts('reviewed', 'chair'), 'approve')).toBe(false);
    expect(mayTake(chairApplicant, facts('recommended'), 'review')).toBe(false);
  });

  it.each([
    ['the applicant before review', applicant, 'recommended', true],
    ['whoever filed it', filer, 'submitted', true],
    ['an officer', officer, 'recommended', true],
    ['the group leader', leader, 'submitted', false],
    ['the applicant after review', applicant, 'reviewed', false],
  ] as const)('uploads materials: %s → %s', (_who, v, state, allowed) => {
    expect(mayUpload(v, facts(state))).toBe(allowed);
  });
});
