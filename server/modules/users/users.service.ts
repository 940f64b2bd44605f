import { permissionsOf, type Role, roleConflict } from '../../../common/permissions.js';
import type { UserView } from '../../../common/schemas/user.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { assertPasswordAllowed, hashPassword } from '../../lib/password.js';
import { deleteUserSessions } from '../../lib/session.js';
import { sessionCache } from '../../lib/sessionCache.js';
import { membersRepository } from '../members/members.repository.js';
import { organisationService } from '../organisation/organisation.service.js';
import { type UserRow, usersRepository } from './users.repository.js';

export function present(u: UserRow, lockedUntil: Date | null = null): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles as Role[],
    departmentIds: u.departmentIds,
    memberId: u.memberId,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: lockedUntil && lockedUntil > new Date() ? lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** A unique-index violation, whether raised by pg directly or wrapped by drizzle (cause). */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}

function uniqueConstraintOf(e: unknown): string | undefined {
  const err = e as { constraint?: string; cause?: { constraint?: string } } | null;
  return err?.constraint ?? err?.cause?.constraint;
}

interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  departmentIds: string[];
  memberId: string | null;
}

function assertRoles(roles: Role[], departmentIds: string[]) {
  const clash = roleConflict(roles);
  if (clash) throw invalid([{ path: 'roles', message: clash }]);
  if (roles.includes('groupLeader') && departmentIds.length === 0) {
    throw invalid([{ path: 'departmentIds', message: '工会小组长须指定负责的科室' }]);
  }
  if (roles.includes('handler') && departmentIds.length === 0) {
    throw invalid([{ path: 'departmentIds', message: '承办部门联系人须指定所在科室' }]);
  }
}

const memberTaken = () =>
  conflict('DUPLICATE', '该会员已关联其他账户', [{ path: 'memberId', message: '该会员已关联其他账户' }]);

async function assertMemberLinkable(exec: Executor, orgId: string, memberId: string | null, userId?: string) {
  if (!memberId) return;
  if (!(await membersRepository.existsInOrg(exec, orgId, memberId))) {
    throw invalid([{ path: 'memberId', message: '关联会员不存在' }]);
  }
  const holder = await usersRepository.findByMember(exec, orgId, memberId);
  if (holder && holder.id !== userId) throw memberTaken();
}

export const usersService = {
  /**
   * Creates an account in the actor's org. `mustChangePassword` is true for accounts an admin creates:
   * the admin knows the first password, so the owner must replace it.
   */
  async create(
    exec: Executor,
    deps: Deps,
    actor: Actor & { orgId: string },
    input: UserInput,
    mustChangePassword = true,
  ) {
    assertPasswordAllowed(deps.config, input.password, input.username);
    assertRoles(input.roles, input.departmentIds);
    await organisationService.assertDepartmentsExist(exec, actor.orgId, input.departmentIds);
    await assertMemberLinkable(exec, actor.orgId, input.memberId);
    const taken = () =>
      conflict('DUPLICATE', '用户名已被使用', [{ path: 'username', message: '用户名已被使用' }]);
    if (await usersRepository.findByUsername(exec, input.username)) throw taken();
    const passwordHash = await hashPassword(input.password);
    // Two admins creating the same name at once: the unique index decides, and the loser gets the 409.
    const row = await usersRepository
      .insert(exec, {
        orgId: actor.orgId,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        departmentIds: input.departmentIds,
        memberId: input.memberId,
        mustChangePassword,
      })
      .catch((e: unknown) => {
        if (!isUniqueViolation(e)) throw e;
        throw uniqueConstraintOf(e) === 'users_org_member' ? memberTaken() : taken();
      });
    await writeAudit(exec, actor, {
      action: 'user.create',
      objectType: 'user',
      objectId: row.id,
      detail: { username: row.username, roles: row.roles, memberId: row.memberId },
    });
    return present(row);
  },

  async list(deps: Deps, auth: AuthContext, q: { q?: string; page: number; pageSize: number }) {
    const { rows, total } = await usersRepository.list(deps.db, auth.orgId, {
      q: q.q,
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return paged(
      rows.map((r) => present(r.user, r.lockedUntil)),
      total,
      q,
    );
  },

  async get(deps: Deps, auth: AuthContext, id: string) {
    const u = await usersRepository.findById(deps.db, auth.orgId, id);
    if (!u) throw notFound('USER_NOT_FOUND');
    return present(u, await usersRepository.lockedUntil(deps.db, u.username));
  },

  async update(
    deps: Deps,
    actor: Actor & { orgId: string; userId: string },
    id: string,
    input: {
      displayName: string;
      roles: Role[];
      departmentIds: string[];
      memberId: string | null;
      disabled: boolean;
    },
  ) {
    assertRoles(input.roles, input.departmentIds);
    const view = await deps.db.transaction(async (tx) => {
      const before = await usersRepository.findById(tx, actor.orgId, id);
      if (!before) throw notFound('USER_NOT_FOUND');
      // An admin cannot lock themselves out: someone must be left who can manage accounts. This holds
      // for every role that manages accounts (system and security administrator alike).
      const dropsOwnAdmin = !permissionsOf(input.roles).has('user:manage');
      if (id === actor.userId && (input.disabled || dropsOwnAdmin)) {
        throw conflict('CONFLICT', '不能停用自己的账户或取消自己的用户管理角色');
      }
      await organisationService.assertDepartmentsExist(tx, actor.orgId, input.departmentIds);
      await assertMemberLinkable(tx, actor.orgId, input.memberId, id);
      const row = (await usersRepository.update(tx, actor.orgId, id, input).catch((e: unknown) => {
        throw isUniqueViolation(e) ? memberTaken() : e;
      }))!;
      // Changed roles or a disabled account take effect now, not when the session would have expired.
      if (
        input.disabled ||
        before.roles.join() !== row.roles.join() ||
        before.departmentIds.join() !== row.departmentIds.join() ||
        before.memberId !== row.memberId
      ) {
        await deleteUserSessions(tx, id);
      }
      await writeAudit(tx, actor, {
        action: 'user.update',
        objectType: 'user',
        objectId: id,
        detail: {
          before: {
            displayName: before.displayName,
            roles: before.roles,
            departmentIds: before.departmentIds,
            memberId: before.memberId,
            disabled: before.disabled,
          },
          after: {
            displayName: row.displayName,
            roles: row.roles,
            departmentIds: row.departmentIds,
            memberId: row.memberId,
            disabled: row.disabled,
          },
        },
      });
      return present(row);
    });
    sessionCache.forgetUser(id);
    return view;
  },

  /** An admin sets a new first password; the owner must change it at next login. Also lifts a lockout. */
  async resetPassword(deps: Deps, actor: Actor & { orgId: string }, id: string, password: string) {
    const view = await deps.db.transaction(async (tx) => {
      const u = await usersRepository.findById(tx, actor.orgId, id);
      if (!u) throw notFound('USER_NOT_FOUND');
      assertPasswordAllowed(deps.config, password, u.username);
      const row = (await usersRepository.update(tx, actor.orgId, id, {
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      }))!;
      await usersRepository.clearThrottle(tx, u.username);
      await deleteUserSessions(tx, id);
      await writeAudit(tx, actor, { action: 'user.resetPassword', objectType: 'user', objectId: id });
      return present(row);
    });
    sessionCache.forgetUser(id);
    return view;
  },

  memberOptions(deps: Deps, auth: AuthContext, q: { q: string; id?: string }) {
    return usersRepository.memberOptions(deps.db, auth.orgId, q);
  },

  findByUsername: usersRepository.findByUsername,
  findById: usersRepository.findById,
  setFields: usersRepository.update,
  countAll: usersRepository.countAll,
  lockedUntil: usersRepository.lockedUntil,
  clearThrottle: usersRepository.clearThrottle,
};
