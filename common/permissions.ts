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
  // Democratic management
  'congress:read',
  'congress:manage',
  'congress:vote',
  'proposal:read',
  'proposal:submit',
  'proposal:manage',
  'proposal:handle',
  'suggestion:submit',
  'suggestion:manage',
  'forum:manage',
  'disclosure:read',
  'disclosure:manage',
  // Funds: amounts and payees are for funds roles; 'funds:summary' sees totals only.
  'funds:summary',
  'funds:read',
  'funds:request',
  'funds:approve',
  'funds:write',
  'funds:review',
  // Care: 'care:read' opens health and family-finance details (hardship files, aid cases, claims);
  // 'care:summary' sees counts and totals only. Group leaders report events and recommend aid in
  // their departments ('care:report'); every member may apply for aid for themselves ('care:apply'),
  // which also opens their own care records (我的体检).
  'care:summary',
  'care:read',
  'care:write',
  'care:approve',
  'care:report',
  'care:apply',
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
  'handler',
  'treasurer',
  'fundAuditor',
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
  handler: '承办部门联系人',
  treasurer: '工会会计',
  fundAuditor: '经审委员',
  member: '会员',
};

// The three administrators (三员) are kept apart: an account holding one of them holds no other role,
// so the admin cannot read the audit log and the auditor cannot change anything.
export const SEPARATED_ROLES: readonly Role[] = ['sysAdmin', 'securityAdmin', 'auditor'];

// Roles whose member data is limited to the departments assigned to the account.
// A handler sees and answers only what is assigned to its (functional office) departments.
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['groupLeader', 'handler'];

// What every union member may do whatever else they hold: read disclosures, send suggestions,
// apply for aid for themselves.
const MEMBER_BASE: readonly Permission[] = ['org:read', 'disclosure:read', 'suggestion:submit', 'care:apply'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sysAdmin: ['org:read', 'org:manage', 'user:manage'],
  securityAdmin: ['org:read', 'user:manage'],
  auditor: ['org:read', 'audit:read'],
  chair: [
    ...MEMBER_BASE,
    'org:manage',
    'member:read',
    'member:write',
    'member:readSensitive',
    'member:import',
    'member:export',
    'congress:read',
    'congress:manage',
    'proposal:read',
    'proposal:manage',
    'suggestion:manage',
    'forum:manage',
    'disclosure:manage',
    'funds:summary',
    'funds:read',
    'funds:request',
    'funds:approve',
    'care:summary',
    'care:read',
    'care:write',
    'care:approve',
  ],
  viceChair: [
    ...MEMBER_BASE,
    'member:read',
    'member:export',
    'congress:read',
    'proposal:read',
    'funds:summary',
    'funds:request',
    'care:summary',
  ],
  officer: [
    ...MEMBER_BASE,
    'org:manage',
    'member:read',
    'member:write',
    'member:readSensitive',
    'member:import',
    'member:export',
    'congress:read',
    'congress:manage',
    'proposal:read',
    'proposal:manage',
    'suggestion:manage',
    'forum:manage',
    'disclosure:manage',
    'funds:summary',
    'funds:request',
    'funds:approve',
    'care:summary',
    'care:read',
    'care:write',
  ],
  committeeMember: [
    ...MEMBER_BASE,
    'member:read',
    'congress:read',
    'proposal:read',
    'proposal:manage',
    'funds:summary',
    'care:summary',
    'care:approve',
  ],
  groupLeader: [...MEMBER_BASE, 'member:read', 'member:export', 'care:report'],
  delegate: [...MEMBER_BASE, 'congress:read', 'congress:vote', 'proposal:read', 'proposal:submit'],
  handler: [...MEMBER_BASE, 'proposal:read', 'proposal:handle'],
  treasurer: [...MEMBER_BASE, 'funds:summary', 'funds:read', 'funds:request', 'funds:write'],
  fundAuditor: [...MEMBER_BASE, 'funds:summary', 'funds:read', 'funds:review'],
  member: [...MEMBER_BASE],
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
