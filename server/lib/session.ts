import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { permissionsOf, type Role } from '../../common/permissions.js';
import type { Config } from '../config.js';
import type { Db, Executor } from '../db/client.js';
import { orgs, sessions, users } from '../db/schema/index.js';
import type { AuthContext } from './context.js';
import { randomToken, sha256 } from './crypto.js';
import { unauthenticated } from './errors.js';
import { type CachedSession, sessionCache } from './sessionCache.js';

export const SESSION_COOKIE = 'gh_session';
// Writing last_seen_at on every request would turn each read into a write; a minute's slack is enough.
const TOUCH_EVERY_MS = 60_000;

export async function createSession(exec: Executor, user: { id: string; orgId: string }, ip: string) {
  const token = randomToken();
  await exec.insert(sessions).values({ id: sha256(token), userId: user.id, orgId: user.orgId, ip });
  return token;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Resolves the session cookie to an AuthContext, enforcing the idle and absolute timeouts on the
 * server. Returns null without a cookie; throws 401 SESSION_EXPIRED for a dead one.
 */
export async function loadSession(
  db: Db,
  config: Config,
  token: string | undefined,
): Promise<AuthContext | null> {
  if (!token) return null;
  const id = sha256(token);
  const now = Date.now();
  const cached = config.session.cacheMs > 0 ? sessionCache.get(id, config.session.cacheMs, now) : undefined;
  const s = cached ?? (await readSession(db, id, now));
  if (!s) throw unauthenticated('SESSION_EXPIRED');
  const idle = now - s.lastSeenAt > config.session.idleMs;
  const tooOld = now - s.createdAt > config.session.absoluteMs;
  if (idle || tooOld) {
    sessionCache.forgetSession(id);
    await db.delete(sessions).where(eq(sessions.id, id));
    throw unauthenticated('SESSION_EXPIRED');
  }
  if (now - s.lastSeenAt > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
    s.lastSeenAt = now;
  }
  if (!cached && config.session.cacheMs > 0) sessionCache.set(id, s);
  return s.auth;
}

/** The session row and its account; a disabled account has no live session. */
async function readSession(db: Db, id: string, now: number): Promise<CachedSession | undefined> {
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      orgId: users.orgId,
      orgName: orgs.name,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      departmentIds: users.departmentIds,
      memberId: users.memberId,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(sessions.id, id));
  if (!row) return undefined;
  if (row.disabled) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return undefined;
  }
  const roles = row.roles as Role[];
  return {
    auth: {
      sessionId: id,
      userId: row.userId,
      orgId: row.orgId,
      orgName: row.orgName,
      username: row.username,
      displayName: row.displayName,
      roles,
      permissions: permissionsOf(roles),
      departmentIds: row.departmentIds,
      memberId: row.memberId,
      mustChangePassword: row.mustChangePassword,
    },
    createdAt: row.createdAt.getTime(),
    lastSeenAt: row.lastSeenAt.getTime(),
    cachedAt: now,
  };
}

export async function deleteSession(exec: Executor, sessionId: string) {
  sessionCache.forgetSession(sessionId);
  await exec.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (password reset, disabling), optionally keeping the current one. */
export async function deleteUserSessions(exec: Executor, userId: string, keep?: string) {
  sessionCache.forgetUser(userId);
  await exec
    .delete(sessions)
    .where(
      keep ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keep}`) : eq(sessions.userId, userId),
    );
}

export async function purgeExpiredSessions(db: Db, config: Config) {
  const cutoff = new Date(Date.now() - config.session.idleMs);
  await db.delete(sessions).where(lt(sessions.lastSeenAt, cutoff));
}
