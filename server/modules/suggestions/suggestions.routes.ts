import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rateBody } from '../../../common/schemas/handling.js';
import { idParams } from '../../../common/schemas/shared.js';
import {
  suggestionAssignBody,
  suggestionCloseBody,
  suggestionCreateBody,
  suggestionDecideBody,
  suggestionListQuery,
  suggestionRewardBody,
} from '../../../common/schemas/suggestion.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { suggestionsService as service } from './suggestions.service.js';

const tags = ['suggestions'];
// Every member sends and follows their own; the committee (suggestion:manage) sees and decides all.
const submit = { permission: 'suggestion:submit' as const };
const manage = { permission: 'suggestion:manage' as const };

function who(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const suggestionRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/suggestions', { config: submit, schema: { tags, querystring: suggestionListQuery } }, (req) =>
    service.list(deps, requireAuth(req), req.query),
  );

  r.post(
    '/suggestions',
    { config: submit, schema: { tags, body: suggestionCreateBody } },
    async (req, reply) => {
      const { auth, actor } = who(req);
      return reply.status(201).send({ data: await service.create(deps, auth, actor, req.body) });
    },
  );

  r.get('/suggestions/:id', { config: submit, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.get(deps, requireAuth(req), req.params.id),
  }));

  for (const action of ['adopt', 'decline'] as const) {
    r.post(
      `/suggestions/:id/${action}`,
      { config: manage, schema: { tags, params: idParams, body: suggestionDecideBody } },
      async (req) => {
        const { auth, actor } = who(req);
        return { data: await service.decide(deps, auth, actor, req.params.id, action, req.body) };
      },
    );
  }

  r.post(
    '/suggestions/:id/assign',
    { config: manage, schema: { tags, params: idParams, body: suggestionAssignBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.assign(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/suggestions/:id/rate',
    { config: submit, schema: { tags, params: idParams, body: rateBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.rate(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/suggestions/:id/close',
    { config: manage, schema: { tags, params: idParams, body: suggestionCloseBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.close(deps, auth, actor, req.params.id, req.body.version) };
    },
  );

  r.put(
    '/suggestions/:id/reward',
    { config: manage, schema: { tags, params: idParams, body: suggestionRewardBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.reward(deps, auth, actor, req.params.id, req.body) };
    },
  );
};
