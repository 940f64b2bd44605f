import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { welfareRuleCreateBody, welfareRuleListQuery } from '../../../common/schemas/care.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { welfareRulesService } from './welfareRules.service.js';

const tags = ['care'];

export const welfareRuleRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/care/rules',
    { config: { permission: 'care:summary' }, schema: { tags, querystring: welfareRuleListQuery } },
    async (req) => ({ data: await welfareRulesService.list(deps, requireAuth(req), req.query) }),
  );
  r.post(
    '/care/rules',
    { config: { permission: 'care:write' }, schema: { tags, body: welfareRuleCreateBody } },
    async (req, reply) => {
      const auth = requireAuth(req);
      const actor = { ...actorOf(req), orgId: auth.orgId };
      return reply.status(201).send({ data: await welfareRulesService.create(deps, auth, actor, req.body) });
    },
  );
  r.delete(
    '/care/rules/:id',
    { config: { permission: 'care:write' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const auth = requireAuth(req);
      await welfareRulesService.remove(deps, auth, { ...actorOf(req), orgId: auth.orgId }, req.params.id);
      return reply.status(204).send();
    },
  );
};
