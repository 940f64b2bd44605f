// Roles and permission codes: the one place that says who may do what.
// The server checks these on every route; the web only uses them to hide what is forbidden.

export const PERMISSIONS = [
  'org:read',
  'org:manage',
  'member:read',
  'member:write',
  'member:readSensitive',
  'member:import',
  'member:export',
  'user:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'sysAdmin',
  'securityAdmin',
  'auditor',
  'chair',
  'viceChair',
  'officer',
  'committeeMember',
  'groupLeader',
  'delegate',
  'member',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sysAdmin: '系统管理员',
  securityAdmin: '安全管理员',
  auditor: '安全审计员',
  chair: '工会主席',
  viceChair: '工会副主席',
  officer: '专职干部',
  committeeMember: '工会委员',
  groupLeader: '工会小组长',
  delegate: '职工代表',
  member: '会员',
};

// The three administrators (三员) are kept apart: an account holding one of them holds no other role,
// so the admin cannot read the audit log and the auditor cannot change anything.
export const SEPARATED_ROLES: readonly Role[] = ['sysAdmin', 'securityAdmin', 'auditor'];

// Roles whose member data is limited to the departments assigned to the account.
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['groupLeader'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysAdmin: ['org:read', 'org:manage', 'user:manage'],
  securityAdmin: ['org:read', 'user:manage'],
  auditor: ['org:read', 'audit:read'],
  chair: [
    'org:read',
    'org:manage',
    'member:read',
    'member:write',
    'member:readSensitive',
    'member:import',
    'member:export',
  ],
  viceChair: ['org:read', 'member:read', 'member:export'],
  officer: [
    'org:read',
    'org:manage',
    'member:read',
    'member:write',
    'member:readSensitive',
    'member:import',
    'member:export',
  ],
  committeeMember: ['org:read', 'member:read'],
  groupLeader: ['org:read', 'member:read', 'member:export'],
  delegate: ['org:read'],
  member: ['org:read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}

/**
 * A permission is department-scoped when every role that grants it is scoped:
 * an officer who is also a group leader still sees the whole union.
 */
export function isScopedFor(roles: readonly Role[], permission: Permission): boolean {
  const granting = roles.filter((r) => ROLE_PERMISSIONS[r].includes(permission));
  return granting.length > 0 && granting.every((r) => DEPARTMENT_SCOPED_ROLES.includes(r));
}

/** Returns a Chinese message when a role set breaks the separation of duties, else null. */
export function roleConflict(roles: readonly Role[]): string | null {
  const separated = roles.filter((r) => SEPARATED_ROLES.includes(r));
  if (separated.length > 0 && roles.length > 1) {
    return `${ROLE_LABELS[separated[0]]}不能与其他角色兼任（三员分立）`;
  }
  return null;
}
