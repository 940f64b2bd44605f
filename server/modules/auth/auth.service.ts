import { permissionsOf, type Role } from '../../../common/permissions.js';
import type { Me } from '../../../common/schemas/auth.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { AppError, invalid } from '../../lib/errors.js';
import { assertPasswordAllowed, hashPassword, verifyPassword } from '../../lib/password.js';
import { createSession, deleteSession, deleteUserSessions } from '../../lib/session.js';
import { sessionCache } from '../../lib/sessionCache.js';
import { organisationService } from '../organisation/organisation.service.js';
import { usersService } from '../users/users.service.js';
import { isLocked, recordFailure } from './lockout.js';

export async function meOf(exec: Executor, userId: string, orgId: string): Promise<Me> {
  const u = (await usersService.findById(exec, orgId, userId))!;
  const org = await organisationService.getOrg(exec, orgId);
  const roles = u.roles as Role[];
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId,
    orgName: org.name,
    roles,
    permissions: [...permissionsOf(roles)],
    departmentIds: u.departmentIds,
    memberId: u.memberId,
    mustChangePassword: u.mustChangePassword,
  };
}

/** The signed-in user as the session already knows them: /auth/me costs no query. */
export function meOfAuth(auth: AuthContext): Me {
  return {
    id: auth.userId,
    username: auth.username,
    displayName: auth.displayName,
    orgId: auth.orgId,
    orgName: auth.orgName,
    roles: auth.roles,
    permissions: [...auth.permissions],
    departmentIds: auth.departmentIds,
    memberId: auth.memberId,
    mustChangePassword: auth.mustChangePassword,
  };
}

export const authService = {
  /**
   * Checks the lock before the password, counts failures per username whether or not it exists,
   * and gives one message for a wrong name and a wrong password.
   */
  async login(deps: Deps, input: { username: string; password: string }, ip: string) {
    const { db, config } = deps;
    const anonymous: Actor = { orgId: null, userId: null, name: input.username, roles: '', ip };
    if (isLocked(await usersService.lockedUntil(db, input.username), new Date())) {
      await writeAudit(db, anonymous, {
        action: 'auth.login',
        result: 'failure',
        detail: { reason: 'locked' },
      });
      throw new AppError(401, 'LOGIN_LOCKED');
    }
    const user = await usersService.findByUsername(db, input.username);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok || user.disabled) {
      const locked = await db.transaction(async (tx) => {
        const nowLocked = await recordFailure(tx, input.username, config.login);
        const actor = user
          ? { ...anonymous, orgId: user.orgId, userId: user.id, name: user.displayName }
          : anonymous;
        const reason = !user ? 'unknownUser' : user.disabled ? 'disabled' : 'badPassword';
        await writeAudit(tx, actor, {
          action: 'auth.login',
          result: 'failure',
          detail: { reason, username: input.username },
        });
        return nowLocked;
      });
      throw new AppError(401, locked ? 'LOGIN_LOCKED' : 'LOGIN_FAILED');
    }
    return db.transaction(async (tx) => {
      await usersService.clearThrottle(tx, user.username);
      await usersService.setFields(tx, user.orgId, user.id, { lastLoginAt: new Date() });
      const token = await createSession(tx, user, ip);
      const actor = {
        orgId: user.orgId,
        userId: user.id,
        name: user.displayName,
        roles: user.roles.join(','),
        ip,
      };
      await writeAudit(tx, actor, { action: 'auth.login', objectType: 'user', objectId: user.id });
      return { token, me: await meOf(tx, user.id, user.orgId) };
    });
  },

  async logout(deps: Deps, auth: AuthContext, actor: Actor) {
    await deps.db.transaction(async (tx) => {
      await deleteSession(tx, auth.sessionId);
      await writeAudit(tx, actor, { action: 'auth.logout', objectType: 'user', objectId: auth.userId });
    });
    sessionCache.forgetSession(auth.sessionId);
  },

  /** Own password change; other sessions of the user end, this one stays. */
  async changePassword(
    deps: Deps,
    auth: AuthContext,
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
  ) {
    const user = (await usersService.findById(deps.db, auth.orgId, auth.userId))!;
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw invalid([{ path: 'currentPassword', message: '当前密码不正确' }]);
    }
    assertPasswordAllowed(deps.config, input.newPassword, user.username, 'newPassword');
    if (await verifyPassword(user.passwordHash, input.newPassword)) {
      throw invalid([{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
    }
    const passwordHash = await hashPassword(input.newPassword);
    await deps.db.transaction(async (tx) => {
      await usersService.setFields(tx, auth.orgId, auth.userId, { passwordHash, mustChangePassword: false });
      await deleteUserSessions(tx, auth.userId, auth.sessionId);
      await writeAudit(tx, actor, {
        action: 'auth.passwordChange',
        objectType: 'user',
        objectId: auth.userId,
      });
    });
    sessionCache.forgetUser(auth.userId);
    return meOf(deps.db, auth.userId, auth.orgId);
  },
};
