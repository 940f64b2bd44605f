import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, loginBody, setupBody } from '../../../common/schemas/auth.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { clearSessionCookie, createSession, setSessionCookie } from '../../lib/session.js';
import type { ModulePlugin } from '../plugin.js';
import { authService, meOf, meOfAuth } from './auth.service.js';
import { setupService } from './setup.service.js';

const tags = ['auth'];

export const authRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const loginLimit = { max: deps.config.login.ratePerMinute, timeWindow: '1 minute' };

  r.post(
    '/auth/login',
    { config: { permission: 'public', rateLimit: loginLimit }, schema: { tags, body: loginBody } },
    async (req, reply) => {
      const { token, me } = await authService.login(deps, req.body, req.ip);
      setSessionCookie(req, reply, token);
      return { data: me };
    },
  );

  r.post(
    '/auth/logout',
    { config: { permission: 'authenticated' }, schema: { tags } },
    async (req, reply) => {
      await authService.logout(deps, requireAuth(req), actorOf(req));
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  r.get('/auth/me', { config: { permission: 'authenticated' }, schema: { tags } }, async (req) => {
    return { data: meOfAuth(requireAuth(req)) };
  });

  r.post(
    '/auth/password',
    { config: { permission: 'authenticated' }, schema: { tags, body: changePasswordBody } },
    async (req) => ({
      data: await authService.changePassword(deps, requireAuth(req), actorOf(req), req.body),
    }),
  );

  r.get(
    '/setup/status',
    {
      config: { permission: 'public' },
      schema: { tags, response: { 200: z.object({ needed: z.boolean() }) } },
    },
    async () => ({ needed: await setupService.needed(deps.db) }),
  );

  r.post(
    '/setup',
    { config: { permission: 'public', rateLimit: loginLimit }, schema: { tags, body: setupBody } },
    async (req, reply) => {
      const { token, ...input } = req.body;
      const { org, user } = await setupService.createOrgWithAdmin(deps, input, { token, ip: req.ip });
      const sessionToken = await createSession(deps.db, { id: user.id, orgId: org.id }, req.ip);
      setSessionCookie(req, reply, sessionToken);
      return reply.status(201).send({ data: await meOf(deps.db, user.id, org.id) });
    },
  );
};
