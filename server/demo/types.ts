import type { EmploymentType, Gender, MembershipStatus } from '../../common/enums.js';
import type { Role } from '../../common/permissions.js';
import type { Deps } from '../app.js';
import type { Tx } from '../db/client.js';
import type { Actor } from '../lib/context.js';
import type { Rng } from './rng.js';

// The demo union is built by one generator per module, run in order in one transaction
// (generators.ts). A module adds its year of records by writing `<module>.demo.ts` in its own folder
// and appending it to the registry; it reads what earlier generators made from the context.

export const DEMO_ORG_NAME = '示范市人民医院工会';

/** office = functional office (职能处室, a proposal handler); parent = a grouping node without staff. */
export type DemoDepartmentKind = 'office' | 'clinical' | 'technical' | 'parent';

export interface DemoDepartment {
  id: string;
  name: string;
  parentId: string | null;
  kind: DemoDepartmentKind;
}

export interface DemoUnionGroup {
  id: string;
  name: string;
  departmentIds: string[];
  /** The member who leads the group (set by the members generator; null while the group has none). */
  leaderMemberId: string | null;
}

export interface DemoMember {
  id: string;
  name: string;
  gender: Gender;
  birthDate: string;
  departmentId: string;
  unionGroupId: string | null;
  employmentType: EmploymentType;
  jobTitle: string;
  hireDate: string;
  /** Status 'member': a current member (joinedAt set). False for retirees, who joined long ago. */
  joined: boolean;
  joinedAt: string | null;
  status: MembershipStatus;
  /** When a retiree retired (status 'retired'); null for everyone else. */
  retiredOn: string | null;
}

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The staff record the account belongs to; null for the three administrators. */
  memberId: string | null;
  departmentIds: string[];
}

/** A demo login, printed once by the CLI; the password is random and never stored in clear. */
export interface DemoCredential {
  role: Role;
  label: string;
  username: string;
  password: string;
  displayName: string;
}

export interface DemoContext {
  /** The one transaction of the whole run: write only through it. */
  tx: Tx;
  /**
   * Deps whose `db` is the transaction, so a service function that opens `deps.db.transaction(...)`
   * runs as a savepoint inside the demo run instead of committing on its own.
   */
  deps: Deps;
  orgId: string;
  /** Who wrote the demo records: for audit rows, actorName columns and the like. */
  actor: Actor & { orgId: string; userId: null };
  /** This generator's own stream, derived from the seed and the generator's name. */
  rng: Rng;
  seed: number;
  /** The demo year: the current year (Asia/Shanghai); records fall between its 1 January and `today`. */
  year: number;
  today: string;
  /** Staff size asked for (--staff). */
  staff: number;
  log(line: string): void;

  // Filled by earlier generators, read by later ones.
  departments: DemoDepartment[];
  unionGroups: DemoUnionGroup[];
  members: DemoMember[];
  users: Partial<Record<Role, DemoUser[]>>;
  credentials: DemoCredential[];
}

export interface DemoGenerator {
  /** Short English name (module name): labels the counts and seeds the generator's stream. */
  name: string;
  /** Writes its records through ctx.tx; returns counts to print, e.g. { proposals: 56 }. */
  run(ctx: DemoContext): Promise<Record<string, number> | undefined>;
}
