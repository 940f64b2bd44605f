import { randomInt } from 'node:crypto';
import { passwordProblems } from '../../../common/password.js';
import {
  DEPARTMENT_SCOPED_ROLES,
  ROLE_LABELS,
  ROLES,
  type Role,
  SEPARATED_ROLES,
} from '../../../common/permissions.js';
import { usersService } from '../../modules/users/users.service.js';
import { personName } from '../people.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';

// One account for every role, created by the users module's own create (password rule, role rules,
// argon2 hash, audit row). Passwords are random (not from the seed): they are printed once and a
// demo left running must not be open to anyone who knows the seed.

const ALPHABET = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
};

/** Groups of four like "Kq7m-x3Pa-9tRw": easy to type, meets the configured rule. */
export function demoPassword(minLength: number): string {
  const all = ALPHABET.lower + ALPHABET.upper + ALPHABET.digit;
  const groups = Math.max(3, Math.ceil((minLength + 1) / 5));
  for (;;) {
    const parts = Array.from({ length: groups }, () =>
      Array.from({ length: 4 }, () => all[randomInt(all.length)]).join(''),
    );
    const p = parts.join('-');
    if (/[a-z]/.test(p) && /[A-Z]/.test(p) && /\d/.test(p)) return p;
  }
}

/** Which staff member holds each role: the union's cadres sit in the offices, the rest on the wards. */
const HOLDER: Partial<Record<Role, (m: DemoMember, dept: string) => boolean>> = {
  chair: (m, d) => d === '党委办公室' && m.employmentType === 'permanent',
  viceChair: (m, d) => d === '院办公室' && m.employmentType === 'permanent',
  officer: (_m, d) => d === '人事科' || d === '院办公室',
  committeeMember: (_m, d) => d === '心血管内科' || d === '急诊科',
  delegate: (_m, d) => d === '骨科' || d === '妇产科',
  member: (m) => m.employmentType === 'contract' && m.jobTitle.includes('护'),
  handler: (_m, d) => d === '总务科',
  treasurer: (_m, d) => d === '财务科',
  fundAuditor: (_m, d) => d === '检验科' || d === '财务科',
};

function holderOf(ctx: DemoContext, role: Role, used: Set<string>): DemoMember | undefined {
  const nameOf = new Map(ctx.departments.map((d) => [d.id, d.name]));
  // Current members only: not an applicant, and not a retiree (who holds no union post).
  const free = ctx.members.filter((m) => m.status === 'member' && !used.has(m.id));
  if (role === 'groupLeader') {
    // The leader of the largest clinical group, so the scoped view has something to show.
    const leaders = new Set(ctx.unionGroups.map((g) => g.leaderMemberId));
    return (
      free.find((m) => leaders.has(m.id) && nameOf.get(m.departmentId) === '心血管内科') ??
      free.find((m) => leaders.has(m.id)) ??
      free[0]
    );
  }
  const fits = HOLDER[role];
  const pick = fits ? free.find((m) => fits(m, nameOf.get(m.departmentId) ?? '')) : undefined;
  return pick ?? free[0];
}

function departmentIdsFor(ctx: DemoContext, role: Role, holder: DemoMember | undefined): string[] {
  if (!DEPARTMENT_SCOPED_ROLES.includes(role) || !holder) return [];
  const group = ctx.unionGroups.find((g) => g.id === holder.unionGroupId);
  return role === 'groupLeader' && group ? group.departmentIds : [holder.departmentId];
}

export const usersGenerator: DemoGenerator = {
  name: 'users',
  async run(ctx) {
    const used = new Set<string>();
    const policy = ctx.deps.config.password;
    for (const role of ROLES) {
      // The three administrators are IT staff accounts, not tied to a union member.
      const holder = SEPARATED_ROLES.includes(role) ? undefined : holderOf(ctx, role, used);
      if (holder) used.add(holder.id);
      const username = `demo-${role.toLowerCase()}`;
      let password = demoPassword(policy.minLength);
      while (passwordProblems(password, username, policy).length) password = demoPassword(policy.minLength);
      const displayName = holder?.name ?? personName(ctx.rng, ctx.rng.chance(0.5) ? 'male' : 'female');
      const departmentIds = departmentIdsFor(ctx, role, holder);
      const user = await usersService.create(
        ctx.tx,
        ctx.deps,
        ctx.actor,
        { username, displayName, password, roles: [role], departmentIds, memberId: holder?.id ?? null },
        false,
      );
      ctx.users[role] = [
        ...(ctx.users[role] ?? []),
        {
          id: user.id,
          username,
          displayName,
          role,
          memberId: holder?.id ?? null,
          departmentIds,
        },
      ];
      ctx.credentials.push({ role, label: ROLE_LABELS[role], username, password, displayName });
    }
    return { users: ctx.credentials.length };
  },
};
