import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden, unauthenticated } from './errors.js';
import { loadSession, SESSION_COOKIE } from './session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// A signed-in user who must change the password may do only this much first.
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

/**
 * The first layer of authorization, run before the body is validated so that an unauthenticated
 * or unauthorised caller learns nothing from validation errors: CSRF origin check, session, permission.
 */
export function registerGuard(app: FastifyInstance, db: Db, config: Config) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const permission = req.routeOptions.config.permission;
    // Only API routes are guarded; an unknown /api/ path falls to the web app's file route and gets a 404.
    if (!req.url.startsWith('/api/') || !req.routeOptions.url?.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(req.method)) checkOrigin(req, config);
    if (permission === 'public' && !req.cookies[SESSION_COOKIE]) return;
    try {
      req.auth = await loadSession(db, config, req.cookies[SESSION_COOKIE]);
    } catch (e) {
      if (permission === 'public') return;
      throw e;
    }
    if (permission === 'public') return;
    if (!req.auth) throw unauthenticated();
    const path = req.routeOptions.url ?? '';
    if (req.auth.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
      throw forbidden('PASSWORD_CHANGE_REQUIRED');
    }
    if (permission === 'authenticated') return;
    // A route without a declared permission is closed, not open; the route test catches it earlier.
    if (!permission || !req.auth.permissions.has(permission)) throw forbidden();
  });
}

/**
 * State-changing requests must come from our own pages. Browsers send Origin on every POST/PUT/
 * PATCH/DELETE; without one we fall back to Referer, and refuse when neither is there.
 */
function checkOrigin(req: FastifyRequest, config: Config) {
  const source = req.headers.origin ?? refererOrigin(req.headers.referer);
  const host = req.headers.host;
  const allowed = new Set([config.publicUrl, `http://${host}`, `https://${host}`]);
  if (!source || !allowed.has(source)) throw forbidden('CSRF_REJECTED');
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
