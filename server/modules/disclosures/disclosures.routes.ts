import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attachmentParams,
  disclosureCreateBody,
  disclosureListQuery,
  disclosureSettingsBody,
  disclosureStatsQuery,
  disclosureStepBody,
  disclosureUpdateBody,
} from '../../../common/schemas/disclosure.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { contentDisposition } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { disclosuresService as service } from './disclosures.service.js';
import { saveSettings } from './disclosures.settings.js';

const tags = ['disclosures'];
// Every union member reads what is published; the union office manages.
const read = { permission: 'disclosure:read' as const };
const manage = { permission: 'disclosure:manage' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { ...actorOf(req), orgId: auth.orgId };
}

export const disclosureRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/disclosures', { config: read, schema: { tags, querystring: disclosureListQuery } }, (req) =>
    service.list(deps, requireAuth(req), req.query),
  );

  r.get(
    '/disclosures/stats',
    { config: read, schema: { tags, querystring: disclosureStatsQuery } },
    async (req) => ({
      data: await service.stats(deps, requireAuth(req), req.query.year),
    }),
  );

  r.get('/disclosures/settings', { config: read, schema: { tags } }, async (req) => ({
    data: await service.settings(deps, requireAuth(req)),
  }));

  r.put(
    '/disclosures/settings',
    { config: manage, schema: { tags, body: disclosureSettingsBody } },
    async (req) => ({
      data: await deps.db.transaction((tx) => saveSettings(tx, actorFor(req), req.body)),
    }),
  );

  r.post(
    '/disclosures',
    { config: manage, schema: { tags, body: disclosureCreateBody } },
    async (req, reply) =>
      reply.status(201).send({ data: await service.create(deps, actorFor(req), req.body) }),
  );

  r.get('/disclosures/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.get(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/disclosures/:id',
    { config: manage, schema: { tags, params: idParams, body: disclosureUpdateBody } },
    async (req) => ({ data: await service.update(deps, actorFor(req), req.params.id, req.body) }),
  );

  for (const action of ['publish', 'withdraw'] as const) {
    r.post(
      `/disclosures/:id/${action}`,
      { config: manage, schema: { tags, params: idParams, body: disclosureStepBody } },
      async (req) => ({ data: await service.step(deps, actorFor(req), req.params.id, action, req.body) }),
    );
  }

  r.post(
    '/disclosures/:id/attachments',
    { config: manage, schema: { tags, params: idParams } },
    async (req, reply) => {
      const actor = actorFor(req);
      const file = await req.file();
      if (file?.fieldname !== 'file') throw invalid([{ path: 'file', message: '请上传附件（字段名 file）' }]);
      const data = await file.toBuffer();
      return reply.status(201).send({
        data: await service.addAttachment(deps, actor, req.params.id, { fileName: file.filename, data }),
      });
    },
  );

  r.get(
    '/disclosures/:id/attachments/:attachmentId',
    { config: read, schema: { tags, params: attachmentParams } },
    async (req, reply) => {
      const a = await service.attachment(deps, requireAuth(req), req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', a.mimeType)
        .header('content-disposition', contentDisposition(a.fileName, 'file'))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(a.data);
    },
  );

  r.delete(
    '/disclosures/:id/attachments/:attachmentId',
    { config: manage, schema: { tags, params: attachmentParams } },
    async (req) => ({
      data: await service.removeAttachment(deps, actorFor(req), req.params.id, req.params.attachmentId),
    }),
  );
};
