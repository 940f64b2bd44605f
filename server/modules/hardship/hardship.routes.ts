import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hardshipCloseBody,
  hardshipCreateBody,
  hardshipDocumentParams,
  hardshipListQuery,
  hardshipReviewBody,
  hardshipUpdateBody,
} from '../../../common/schemas/hardship.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { readUpload, sendStoredFile } from '../../lib/upload.js';
import type { ModulePlugin } from '../plugin.js';
import { addDocument, readDocument, removeDocument } from './hardship.documents.js';
import { hardshipService as service } from './hardship.service.js';

const tags = ['care'];
const read = { permission: 'care:read' } as const;
const write = { permission: 'care:write' } as const;

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const hardshipRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/care/hardship', { config: read, schema: { tags, querystring: hardshipListQuery } }, (req) =>
    service.list(deps, requireAuth(req), req.query),
  );
  // Counts only, for the care home screen and the committee: no names, no finances.
  r.get(
    '/care/hardship/summary',
    { config: { permission: 'care:summary' }, schema: { tags } },
    async (req) => ({
      data: await service.summary(deps, requireAuth(req)),
    }),
  );
  r.get('/care/hardship/:id', { config: read, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await service.get(deps, auth, actor, req.params.id) };
  });
  r.post(
    '/care/hardship',
    { config: write, schema: { tags, body: hardshipCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await service.create(deps, auth, actor, req.body) });
    },
  );
  r.put(
    '/care/hardship/:id',
    { config: write, schema: { tags, params: idParams, body: hardshipUpdateBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.update(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.post(
    '/care/hardship/:id/reviews',
    { config: write, schema: { tags, params: idParams, body: hardshipReviewBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.review(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.post(
    '/care/hardship/:id/close',
    { config: write, schema: { tags, params: idParams, body: hardshipCloseBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.close(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/hardship/:id/documents',
    { config: write, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const upload = await readUpload(req, '请上传证明材料（字段名 file）');
      const view = await addDocument(deps, auth, actor, req.params.id, upload);
      return reply.status(201).send({ data: view });
    },
  );
  r.get(
    '/care/hardship/:id/documents/:documentId',
    { config: read, schema: { tags, params: hardshipDocumentParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const d = await readDocument(deps, auth, actor, req.params.id, req.params.documentId);
      return sendStoredFile(reply, d, 'document');
    },
  );
  r.delete(
    '/care/hardship/:id/documents/:documentId',
    { config: write, schema: { tags, params: hardshipDocumentParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      await removeDocument(deps, auth, actor, req.params.id, req.params.documentId);
      return reply.status(204).send();
    },
  );
};
