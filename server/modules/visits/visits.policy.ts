import type { Executor } from '../../db/client.js';
import type { AuthContext } from '../../lib/context.js';
import { forbidden } from '../../lib/errors.js';
import { organisationService } from '../organisation/organisation.service.js';
import type { Scope } from './visits.repository.js';

// Who sees which visits and reported events, and whether they see the money.
// care:summary (chair, vice-chairs, officers, committee) sees the whole union; a group leader
// (care:report, department-scoped) sees only the members of their departments; anyone else: 403.

export async function careScope(exec: Executor, auth: AuthContext): Promise<Scope> {
  if (auth.permissions.has('care:summary')) return null;
  if (auth.permissions.has('care:report')) {
    return organisationService.scopeDepartments(exec, auth.orgId, auth.departmentIds);
  }
  throw forbidden();
}

/** Amounts paid are care details: only care:read (chair, officers) sees them. */
export function seesAmounts(auth: AuthContext): boolean {
  return auth.permissions.has('care:read');
}
