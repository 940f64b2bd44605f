import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  memberCreateBody,
  memberExportQuery,
  memberImportQuery,
  memberListQuery,
  membershipChangeBody,
  memberUpdateBody,
} from '../../../common/schemas/member.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { EXPORT_FILE_NAME, exportMembers, importTemplate, TEMPLATE_FILE_NAME } from './members.export.js';
import { commitImport, previewImport } from './members.importJob.js';
import { changeMembership } from './members.membership.js';
import { membersService } from './members.service.js';
import { memberStats } from './members.stats.js';

const tags = ['members'];
const read = { permission: 'member:read' as const };
const write = { permission: 'member:write' as const };
const importing = { permission: 'member:import' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

function sendXlsx(reply: FastifyReply, fileName: string, asciiName: string, body: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(fileName, asciiName))
    .header('cache-control', 'no-store')
    .send(body);
}

export const memberRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/members', { config: read, schema: { tags, querystring: memberListQuery } }, (req) =>
    membersService.list(deps, requireAuth(req), req.query),
  );

  r.post('/members', { config: write, schema: { tags, body: memberCreateBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await membersService.create(deps, auth, actor, req.body) });
  });

  r.get('/members/stats', { config: read, schema: { tags } }, async (req) => ({
    data: await memberStats(deps, requireAuth(req)),
  }));

  r.get(
    '/members/export',
    { config: { permission: 'member:export' }, schema: { tags, querystring: memberExportQuery } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return sendXlsx(
        reply,
        EXPORT_FILE_NAME,
        'members.xlsx',
        await exportMembers(deps, auth, actor, req.query),
      );
    },
  );

  r.get('/members/import/template', { config: importing, schema: { tags } }, async (req, reply) =>
    sendXlsx(
      reply,
      TEMPLATE_FILE_NAME,
      'member-import-template.xlsx',
      await importTemplate(deps, requireAuth(req)),
    ),
  );

  r.post(
    '/members/import',
    { config: importing, schema: { tags, querystring: memberImportQuery } },
    async (req) => {
      const auth = requireAuth(req);
      const file = await req.file();
      if (file?.fieldname !== 'file') {
        throw invalid([{ path: 'file', message: '请上传 Excel 文件（字段名 file）' }]);
      }
      const data = await file.toBuffer();
      return { data: await previewImport(deps, auth, { fileName: file.filename, data }, req.query.mode) };
    },
  );

  r.post(
    '/members/import/:id/commit',
    { config: importing, schema: { tags, params: idParams } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await commitImport(deps, auth, actor, req.params.id) };
    },
  );

  r.get('/members/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await membersService.get(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/members/:id',
    { config: write, schema: { tags, params: idParams, body: memberUpdateBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await membersService.update(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.get('/members/:id/history', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await membersService.history(deps, requireAuth(req), req.params.id),
  }));

  r.post(
    '/members/:id/membership',
    { config: write, schema: { tags, params: idParams, body: membershipChangeBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await changeMembership(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/members/:id/reveal-id',
    { config: { permission: 'member:readSensitive' }, schema: { tags, params: idParams } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await membersService.revealIdNumber(deps, auth, actor, req.params.id) };
    },
  );
};
