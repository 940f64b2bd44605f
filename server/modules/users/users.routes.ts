import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/schemas/shared.js';
import {
  memberOptionQuery,
  resetPasswordBody,
  userCreateBody,
  userListQuery,
  userUpdateBody,
} from '../../../common/schemas/user.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { usersService } from './users.service.js';

const perm = { permission: 'user:manage' as const };
const tags = ['users'];

export const userRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/users', { config: perm, schema: { tags, querystring: userListQuery } }, (req) =>
    usersService.list(deps, requireAuth(req), req.query),
  );

  // Account admins link an account to its member without reading the roster (三员分立).
  r.get(
    '/users/member-options',
    { config: perm, schema: { tags, querystring: memberOptionQuery } },
    async (req) => ({
      data: await usersService.memberOptions(deps, requireAuth(req), req.query),
    }),
  );

  r.post('/users', { config: perm, schema: { tags, body: userCreateBody } }, async (req, reply) => {
    const auth = requireAuth(req);
    const user = await deps.db.transaction((tx) =>
      usersService.create(tx, deps, { ...actorOf(req), orgId: auth.orgId }, req.body),
    );
    return reply.status(201).send({ data: user });
  });

  r.get('/users/:id', { config: perm, schema: { tags, params: idParams } }, async (req) => ({
    data: await usersService.get(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/users/:id',
    { config: perm, schema: { tags, params: idParams, body: userUpdateBody } },
    async (req) => {
      const auth = requireAuth(req);
      const actor = { ...actorOf(req), orgId: auth.orgId, userId: auth.userId };
      return { data: await usersService.update(deps, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/users/:id/password',
    { config: perm, schema: { tags, params: idParams, body: resetPasswordBody } },
    async (req) => {
      const auth = requireAuth(req);
      const actor = { ...actorOf(req), orgId: auth.orgId };
      return { data: await usersService.resetPassword(deps, actor, req.params.id, req.body.password) };
    },
  );
};
