import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  claimApproveBody,
  claimCreateBody,
  claimDocumentParams,
  claimListQuery,
  claimPayBody,
  claimRefuseBody,
  enrolBody,
  enrolmentListQuery,
  enrolmentParams,
  mutualAidPlanCreateBody,
  mutualAidPlanListQuery,
  payPremiumsBody,
} from '../../../common/schemas/mutualAid.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { readUpload, sendStoredFile } from '../../lib/upload.js';
import type { ModulePlugin } from '../plugin.js';
import { claimsService as claims } from './mutualAid.claims.js';
import { mutualAidService as service } from './mutualAid.service.js';

// Plans and their totals are counts and sums (care:summary); who is enrolled and the claims are
// care:read; the officer (care:write) manages plans, enrolments, premiums and claims.

const tags = ['care'];
const summary = { permission: 'care:summary' } as const;
const read = { permission: 'care:read' } as const;
const write = { permission: 'care:write' } as const;

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const mutualAidRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/care/mutual-aid';

  r.get(
    `${base}/plans`,
    { config: summary, schema: { tags, querystring: mutualAidPlanListQuery } },
    async (req) => ({
      data: await service.plans(deps, requireAuth(req), req.query.year),
    }),
  );
  r.get(`${base}/plans/:id`, { config: summary, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.plan(deps, requireAuth(req), req.params.id),
  }));
  r.post(
    `${base}/plans`,
    { config: write, schema: { tags, body: mutualAidPlanCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await service.createPlan(deps, auth, actor, req.body) });
    },
  );
  r.get(
    `${base}/plans/:id/enrolments`,
    { config: read, schema: { tags, params: idParams, querystring: enrolmentListQuery } },
    (req) => service.enrolments(deps, requireAuth(req), req.params.id, req.query),
  );
  r.post(
    `${base}/plans/:id/enrolments`,
    { config: write, schema: { tags, params: idParams, body: enrolBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.enrol(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.delete(
    `${base}/plans/:id/enrolments/:enrolmentId`,
    { config: write, schema: { tags, params: enrolmentParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      await service.removeEnrolment(deps, auth, actor, req.params.id, req.params.enrolmentId);
      return reply.status(204).send();
    },
  );
  r.post(
    `${base}/plans/:id/pay-premiums`,
    { config: write, schema: { tags, params: idParams, body: payPremiumsBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.payPremiums(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.get(`${base}/claims`, { config: read, schema: { tags, querystring: claimListQuery } }, (req) =>
    claims.list(deps, requireAuth(req), req.query),
  );
  r.get(`${base}/claims/:id`, { config: read, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await claims.get(deps, auth, actor, req.params.id) };
  });
  r.post(`${base}/claims`, { config: write, schema: { tags, body: claimCreateBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await claims.create(deps, auth, actor, req.body) });
  });
  const steps = [
    ['approve', claimApproveBody],
    ['refuse', claimRefuseBody],
    ['pay', claimPayBody],
  ] as const;
  for (const [action, body] of steps) {
    r.post(
      `${base}/claims/:id/${action}`,
      { config: write, schema: { tags, params: idParams, body } },
      async (req) => {
        const { auth, actor } = actorFor(req);
        const input = { ...(req.body as object), action } as Parameters<typeof claims.step>[4];
        return { data: await claims.step(deps, auth, actor, req.params.id, input) };
      },
    );
  }
  r.post(
    `${base}/claims/:id/documents`,
    { config: write, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const upload = await readUpload(req, '请上传材料（字段名 file）');
      const view = await claims.addDocument(deps, auth, actor, req.params.id, upload);
      return reply.status(201).send({ data: view });
    },
  );
  r.get(
    `${base}/claims/:id/documents/:documentId`,
    { config: read, schema: { tags, params: claimDocumentParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const d = await claims.readDocument(deps, auth, actor, req.params.id, req.params.documentId);
      return sendStoredFile(reply, d, 'document');
    },
  );
};
