import type { MembershipStatus } from '../../../common/enums.js';
import type { Permission } from '../../../common/permissions.js';
import type { MemberView } from '../../../common/schemas/member.js';
import { allowedActions } from './members.state.js';

// Record-level rules: what this user may do with this member. The route has already checked the
// permission code; here the department scope of each permission and the member's state decide.

export type MemberPermission = 'member:read' | 'member:write' | 'member:readSensitive' | 'member:export';

export interface MemberAccess {
  permissions: ReadonlySet<Permission>;
  /** Departments the user may act on, per permission; null means the whole org. */
  scopes: Readonly<Record<MemberPermission, ReadonlySet<string> | null>>;
}

export interface MemberFacts {
  departmentId: string;
  status: MembershipStatus;
}

/** Holds the permission, and the member is inside its department scope. */
export function may(
  access: MemberAccess,
  permission: MemberPermission,
  m: Pick<MemberFacts, 'departmentId'>,
) {
  if (!access.permissions.has(permission)) return false;
  const scope = access.scopes[permission];
  return scope === null || scope.has(m.departmentId);
}

export function abilitiesOf(access: MemberAccess, m: MemberFacts): MemberView['abilities'] {
  const edit = may(access, 'member:write', m);
  return {
    edit,
    revealIdNumber: may(access, 'member:readSensitive', m),
    actions: edit ? allowedActions(m.status) : [],
  };
}

/** Phone numbers and full ID numbers are shown only to holders of member:readSensitive. */
export function seesSensitive(access: MemberAccess, m: Pick<MemberFacts, 'departmentId'>) {
  return may(access, 'member:readSensitive', m);
}
