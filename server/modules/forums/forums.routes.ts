import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  forumCreateBody,
  forumIssueAssignBody,
  forumIssueCreateBody,
  forumIssueListQuery,
  forumIssueResolveBody,
  forumListQuery,
  forumUpdateBody,
} from '../../../common/schemas/forum.js';
import { rateBody } from '../../../common/schemas/handling.js';
import { idParams } from '../../../common/schemas/shared.js';
import { suggestionCloseBody } from '../../../common/schemas/suggestion.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { forumsService as service } from './forums.service.js';

const tags = ['forums'];
// Forums are run and recorded by the union office; departments answer through /handling.
const manage = { permission: 'forum:manage' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { ...actorOf(req), orgId: auth.orgId };
}
const orgOf = (req: FastifyRequest) => requireAuth(req).orgId;

export const forumRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/forums', { config: manage, schema: { tags, querystring: forumListQuery } }, (req) =>
    service.list(deps, orgOf(req), req.query),
  );
  r.post('/forums', { config: manage, schema: { tags, body: forumCreateBody } }, async (req, reply) =>
    reply.status(201).send({ data: await service.create(deps, actorFor(req), req.body) }),
  );
  r.get('/forums/:id', { config: manage, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.get(deps, orgOf(req), req.params.id),
  }));
  r.put(
    '/forums/:id',
    { config: manage, schema: { tags, params: idParams, body: forumUpdateBody } },
    async (req) => ({
      data: await service.update(deps, actorFor(req), req.params.id, req.body),
    }),
  );
  r.post(
    '/forums/:id/issues',
    { config: manage, schema: { tags, params: idParams, body: forumIssueCreateBody } },
    async (req, reply) =>
      reply.status(201).send({ data: await service.addIssue(deps, actorFor(req), req.params.id, req.body) }),
  );

  r.get('/forum-issues', { config: manage, schema: { tags, querystring: forumIssueListQuery } }, (req) =>
    service.issues(deps, orgOf(req), req.query),
  );
  r.get('/forum-issues/:id', { config: manage, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.issue(deps, orgOf(req), req.params.id),
  }));
  r.post(
    '/forum-issues/:id/resolve-on-spot',
    { config: manage, schema: { tags, params: idParams, body: forumIssueResolveBody } },
    async (req) => ({ data: await service.resolveOnSpot(deps, actorFor(req), req.params.id, req.body) }),
  );
  r.post(
    '/forum-issues/:id/assign',
    { config: manage, schema: { tags, params: idParams, body: forumIssueAssignBody } },
    async (req) => ({ data: await service.assign(deps, actorFor(req), req.params.id, req.body) }),
  );
  r.post(
    '/forum-issues/:id/rate',
    { config: manage, schema: { tags, params: idParams, body: rateBody } },
    async (req) => ({ data: await service.rate(deps, actorFor(req), req.params.id, req.body) }),
  );
  r.post(
    '/forum-issues/:id/close',
    { config: manage, schema: { tags, params: idParams, body: suggestionCloseBody } },
    async (req) => ({ data: await service.close(deps, actorFor(req), req.params.id, req.body.version) }),
  );
};
