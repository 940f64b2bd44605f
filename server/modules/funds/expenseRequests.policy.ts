import type { Permission, Role } from '../../../common/permissions.js';
import type { ApprovalStep } from '../../../common/schemas/funds.js';

// Who may take which step of an expense request. The route already required 'funds:approve';
// here the step decides the role: the officer reviews, the chair approves and records 集体研究.

export const STEP_ROLES: Record<ApprovalStep, readonly Role[]> = {
  officer: ['officer'],
  chair: ['chair'],
  committee: ['chair'],
};

export interface RequestActor {
  userId: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
}

/** The steps this user may decide. */
export function stepsOf(a: RequestActor): ApprovalStep[] {
  if (!a.permissions.has('funds:approve')) return [];
  return (Object.keys(STEP_ROLES) as ApprovalStep[]).filter((s) =>
    STEP_ROLES[s].some((r) => a.roles.includes(r)),
  );
}

/** Null when the user may decide this step of a request raised by `requestedBy`, else why not. */
export function stepRefusal(a: RequestActor, step: ApprovalStep, requestedBy: string): string | null {
  if (!stepsOf(a).includes(step)) return '当前审批环节不由您办理';
  // Separation of duties: nobody approves their own spending.
  if (a.userId === requestedBy) return '不能审批本人提交的经费申请';
  return null;
}

/** Whether the user sees every request (amounts and payees) or only their own. */
export function seesAllRequests(a: RequestActor): boolean {
  return a.permissions.has('funds:read') || a.permissions.has('funds:approve');
}
