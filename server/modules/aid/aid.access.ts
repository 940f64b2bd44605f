import { isScopedFor } from '../../../common/permissions.js';
import type { AidApprovalLevel, AidState } from '../../../common/schemas/aid.js';
import type { Executor } from '../../db/client.js';
import type { AuthContext } from '../../lib/context.js';
import { organisationService } from '../organisation/organisation.service.js';
import type { AidCaseFacts, AidViewer } from './aid.policy.js';
import type { AidCase } from './aid.repository.js';

// The two inputs of the aid policy: who is asking (with their group leader scope, read once per
// request) and the facts of the case that the rules look at.

export async function aidViewer(exec: Executor, auth: AuthContext): Promise<AidViewer> {
  const scoped = auth.permissions.has('care:report') && isScopedFor(auth.roles, 'care:report');
  return {
    permissions: auth.permissions,
    roles: auth.roles,
    userId: auth.userId,
    memberId: auth.memberId,
    reportDepartments: scoped
      ? new Set(await organisationService.scopeDepartments(exec, auth.orgId, auth.departmentIds))
      : null,
  };
}

export const caseFacts = (c: AidCase): AidCaseFacts => ({
  memberId: c.memberId,
  departmentId: c.departmentId,
  appliedBy: c.appliedBy,
  state: c.state as AidState,
  approvalLevel: c.approvalLevel as AidApprovalLevel | null,
});
