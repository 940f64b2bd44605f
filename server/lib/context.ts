import type { FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../common/permissions.js';
import { unauthenticated } from './errors.js';

/** Who is asking: loaded from the session cookie on every request. */
export interface AuthContext {
  sessionId: string;
  userId: string;
  orgId: string;
  orgName: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** Departments assigned to the account (group leaders); scope is applied per permission. */
  departmentIds: string[];
  /** The member record behind the account, if linked (delegates, proposers, members). */
  memberId: string | null;
  mustChangePassword: boolean;
}

/** What an audit row needs to know about who acted and from where. */
export interface Actor {
  orgId: string | null;
  userId: string | null;
  name: string | null;
  roles: string;
  ip: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** Every route says who may call it: a permission code, any signed-in user, or anyone. */
    permission?: Permission | 'authenticated' | 'public';
  }
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}

export function actorOf(req: FastifyRequest): Actor {
  const a = req.auth;
  return {
    orgId: a?.orgId ?? null,
    userId: a?.userId ?? null,
    name: a?.displayName ?? null,
    roles: a?.roles.join(',') ?? '',
    ip: req.ip ?? null,
  };
}
