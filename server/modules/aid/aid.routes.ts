import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  aidApproveBody,
  aidCaseCreateBody,
  aidCaseExportQuery,
  aidCaseListQuery,
  aidFileParams,
  aidNoticeBody,
  aidPayBody,
  aidRecommendBody,
  aidRefuseBody,
  aidReviewBody,
  aidUploadQuery,
} from '../../../common/schemas/aid.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import { readUpload, sendStoredFile } from '../../lib/upload.js';
import type { ModulePlugin } from '../plugin.js';
import { AID_EXPORT_FILE_NAME, exportAidCases } from './aid.export.js';
import { addAidFile, readAidFile, removeAidFile } from './aid.files.js';
import { aidService as aid } from './aid.service.js';

// Aid cases. Applying, recommending and refusing are open to every member role at the route
// ('care:apply'); who may act on which case is decided in aid.policy.ts (404 / 403 / 409).

const tags = ['care'];
const apply = { permission: 'care:apply' } as const;
const write = { permission: 'care:write' } as const;

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const aidRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/care/aid/materials', { config: apply, schema: { tags } }, async () => ({ data: aid.materials() }));

  r.get('/care/aid/notices', { config: apply, schema: { tags } }, async (req) => ({
    data: await aid.notices(deps, requireAuth(req)),
  }));

  r.get('/care/aid', { config: apply, schema: { tags, querystring: aidCaseListQuery } }, (req) =>
    aid.list(deps, requireAuth(req), req.query),
  );

  r.get(
    '/care/aid/export',
    { config: { permission: 'care:read' }, schema: { tags, querystring: aidCaseExportQuery } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const body = await exportAidCases(deps, auth, actor, req.query);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(AID_EXPORT_FILE_NAME, 'aid-cases.xlsx'))
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  r.post('/care/aid', { config: apply, schema: { tags, body: aidCaseCreateBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await aid.create(deps, auth, actor, req.body) });
  });

  r.get('/care/aid/:id', { config: apply, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await aid.get(deps, auth, actor, req.params.id) };
  });

  r.post(
    '/care/aid/:id/recommend',
    { config: apply, schema: { tags, params: idParams, body: aidRecommendBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await aid.recommend(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/aid/:id/review',
    { config: write, schema: { tags, params: idParams, body: aidReviewBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await aid.review(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/aid/:id/approve',
    { config: { permission: 'care:approve' }, schema: { tags, params: idParams, body: aidApproveBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await aid.approve(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/aid/:id/notice',
    { config: write, schema: { tags, params: idParams, body: aidNoticeBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await aid.notice(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/aid/:id/pay',
    { config: write, schema: { tags, params: idParams, body: aidPayBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await aid.pay(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/aid/:id/refuse',
    { config: apply, schema: { tags, params: idParams, body: aidRefuseBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await aid.refuse(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/care/aid/:id/files',
    { config: apply, schema: { tags, params: idParams, querystring: aidUploadQuery } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const upload = await readUpload(req, '请上传材料文件（字段名 file）');
      const view = await addAidFile(deps, auth, actor, req.params.id, req.query.item, upload);
      return reply.status(201).send({ data: view });
    },
  );

  r.get(
    '/care/aid/:id/files/:fileId',
    { config: apply, schema: { tags, params: aidFileParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const f = await readAidFile(deps, auth, actor, req.params.id, req.params.fileId);
      return sendStoredFile(reply, f, 'material');
    },
  );

  r.delete(
    '/care/aid/:id/files/:fileId',
    { config: apply, schema: { tags, params: aidFileParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      await removeAidFile(deps, auth, actor, req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  );
};
