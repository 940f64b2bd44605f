import type { Permission, Role } from '../../../common/permissions.js';
import type { AidAbilities, AidAction, AidApprovalLevel, AidState } from '../../../common/schemas/aid.js';
import { nextState } from './aid.state.js';

// Record-level rules for aid cases: who sees how much of a case, and who may take which step.
// The route has checked the permission code; here the department scope, the person and the
// case's state decide.

export interface AidViewer {
  permissions: ReadonlySet<Permission>;
  roles: readonly Role[];
  userId: string;
  memberId: string | null;
  /** Departments (with their sub-departments) of a scoped `care:report`; null when not scoped. */
  reportDepartments: ReadonlySet<string> | null;
}

export interface AidCaseFacts {
  memberId: string;
  departmentId: string;
  appliedBy: string | null;
  state: AidState;
  approvalLevel: AidApprovalLevel | null;
}

/**
 * How much of a case a viewer sees: `full` (reason, materials, amounts: care:read and the applicant
 * themself), `approver` (amounts and steps, no reason or materials: those who approve it), `status`
 * (state and timeline without amounts or notes: the group leader of the department and whoever filed
 * it for the member), or nothing (the case is a 404 to them).
 */
export type AidSight = 'full' | 'approver' | 'status';

export function isOwnCase(v: AidViewer, c: Pick<AidCaseFacts, 'memberId'>): boolean {
  return v.memberId !== null && v.memberId === c.memberId;
}

/** The case's department is inside the viewer's care:report scope. */
export function reportsFor(v: AidViewer, departmentId: string): boolean {
  if (!v.permissions.has('care:report')) return false;
  return v.reportDepartments === null || v.reportDepartments.has(departmentId);
}

export function sightOf(v: AidViewer, c: AidCaseFacts): AidSight | null {
  if (v.permissions.has('care:read') || isOwnCase(v, c)) return 'full';
  if (v.permissions.has('care:approve')) return 'approver';
  if (reportsFor(v, c.departmentId) || (c.appliedBy !== null && c.appliedBy === v.userId)) return 'status';
  return null;
}

function mayApprove(v: AidViewer, c: AidCaseFacts): boolean {
  if (!v.permissions.has('care:approve')) return false;
  // Above the rule's threshold the committee decides and any of its members records the decision;
  // otherwise the chair approves in person.
  return c.approvalLevel === 'committee' || v.roles.includes('chair');
}

/**
 * Whether the viewer is the one to take `action` on the case in its current state. Nobody decides
 * on their own application: a chair or officer who applies for aid goes through the others.
 */
export function mayTake(v: AidViewer, c: AidCaseFacts, action: AidAction): boolean {
  if (nextState(c.state, action) === null || isOwnCase(v, c)) return false;
  const write = v.permissions.has('care:write');
  switch (action) {
    case 'recommend':
      return write || reportsFor(v, c.departmentId);
    case 'review':
    case 'notice':
    case 'pay':
      return write;
    case 'approve':
      return mayApprove(v, c);
    case 'refuse':
      return write || (c.state === 'reviewed' && mayApprove(v, c));
  }
}

/** Materials are added before the review, by the applicant, whoever filed the case, or an officer. */
export function mayUpload(v: AidViewer, c: AidCaseFacts): boolean {
  if (c.state !== 'submitted' && c.state !== 'recommended') return false;
  return (
    v.permissions.has('care:write') || isOwnCase(v, c) || (c.appliedBy !== null && c.appliedBy === v.userId)
  );
}

export function abilitiesOf(v: AidViewer, c: AidCaseFacts): AidAbilities {
  return {
    recommend: mayTake(v, c, 'recommend'),
    review: mayTake(v, c, 'review'),
    approve: mayTake(v, c, 'approve'),
    notice: mayTake(v, c, 'notice'),
    pay: mayTake(v, c, 'pay'),
    refuse: mayTake(v, c, 'refuse'),
    upload: mayUpload(v, c),
  };
}
