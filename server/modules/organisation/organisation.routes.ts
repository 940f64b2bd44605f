import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { departmentBody, unionGroupBody } from '../../../common/schemas/organisation.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { departmentsService } from './departments.service.js';
import { unionGroupsService } from './unionGroups.service.js';

const read = { permission: 'org:read' as const };
const manage = { permission: 'org:manage' as const };

function orgActor(req: FastifyRequest) {
  return { ...actorOf(req), orgId: requireAuth(req).orgId };
}

export const organisationRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // 科室 (departments): a tree, returned flat; the web builds the tree from parentId.
  const departments = { tags: ['departments'] };
  r.get('/departments', { config: read, schema: departments }, async (req) => ({
    data: await departmentsService.list(deps, requireAuth(req).orgId),
  }));

  r.post(
    '/departments',
    { config: manage, schema: { ...departments, body: departmentBody } },
    async (req, reply) => {
      const data = await departmentsService.create(deps, orgActor(req), req.body);
      return reply.status(201).send({ data });
    },
  );

  r.put(
    '/departments/:id',
    { config: manage, schema: { ...departments, params: idParams, body: departmentBody } },
    async (req) => ({ data: await departmentsService.update(deps, orgActor(req), req.params.id, req.body) }),
  );

  r.delete(
    '/departments/:id',
    { config: manage, schema: { ...departments, params: idParams } },
    async (req, reply) => {
      await departmentsService.remove(deps, orgActor(req), req.params.id);
      return reply.status(204).send();
    },
  );

  // 工会小组 (union groups), each with the departments it covers.
  const groups = { tags: ['unionGroups'] };
  r.get('/union-groups', { config: read, schema: groups }, async (req) => ({
    data: await unionGroupsService.list(deps, requireAuth(req).orgId),
  }));

  r.post(
    '/union-groups',
    { config: manage, schema: { ...groups, body: unionGroupBody } },
    async (req, reply) => {
      const data = await unionGroupsService.create(deps, orgActor(req), req.body);
      return reply.status(201).send({ data });
    },
  );

  r.put(
    '/union-groups/:id',
    { config: manage, schema: { ...groups, params: idParams, body: unionGroupBody } },
    async (req) => ({ data: await unionGroupsService.update(deps, orgActor(req), req.params.id, req.body) }),
  );

  r.delete(
    '/union-groups/:id',
    { config: manage, schema: { ...groups, params: idParams } },
    async (req, reply) => {
      await unionGroupsService.remove(deps, orgActor(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
