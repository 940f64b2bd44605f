import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationCreateBody,
  duesArrearsExportQuery,
  duesArrearsQuery,
  duesExemptionCreateBody,
  duesImportQuery,
  duesPaymentListQuery,
  duesRateCreateBody,
} from '../../../common/schemas/dues.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import { paged } from '../../lib/pagination.js';
import type { ModulePlugin } from '../plugin.js';
import { allocationService } from './dues.allocations.js';
import { ARREARS_FILE_NAME, DUES_TEMPLATE_FILE_NAME, duesTemplate, exportArrears } from './dues.export.js';
import { commitDuesImport, previewDuesImport } from './dues.importJob.js';
import { duesService } from './dues.service.js';

const tags = ['dues'];
const read = { permission: 'funds:read' as const };
const write = { permission: 'funds:write' as const };
const yearQuery = z.strictObject({
  year: z.coerce
    .number({ error: '年份应为数字' })
    .int()
    .min(2000, '年份无效')
    .max(2100, '年份无效')
    .optional(),
});
const memberSearchQuery = z.strictObject({
  q: z.string({ error: '请输入姓名或会员证号' }).trim().min(1, '请输入姓名或会员证号').max(50),
});

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

export const duesRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/dues/rates', { config: read, schema: { tags } }, async (req) => ({
    data: await duesService.listRates(deps, requireAuth(req)),
  }));
  r.post('/dues/rates', { config: write, schema: { tags, body: duesRateCreateBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await duesService.createRate(deps, auth, actor, req.body) });
  });
  r.delete('/dues/rates/:id', { config: write, schema: { tags, params: idParams } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    await duesService.deleteRate(deps, auth, actor, req.params.id);
    return reply.status(204).send();
  });

  r.get('/dues/import/template', { config: write, schema: { tags } }, async (req, reply) =>
    sendXlsx(
      reply,
      DUES_TEMPLATE_FILE_NAME,
      'dues-import-template.xlsx',
      await duesTemplate(deps, requireAuth(req)),
    ),
  );
  r.post('/dues/import', { config: write, schema: { tags, querystring: duesImportQuery } }, async (req) => {
    const auth = requireAuth(req);
    const file = await req.file();
    if (file?.fieldname !== 'file') {
      throw invalid([{ path: 'file', message: '请上传 Excel 文件（字段名 file）' }]);
    }
    const data = await file.toBuffer();
    return { data: await previewDuesImport(deps, auth, { fileName: file.filename, data }, req.query.mode) };
  });
  r.post('/dues/import/:id/commit', { config: write, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await commitDuesImport(deps, auth, actor, req.params.id) };
  });
  r.get('/dues/imports', { config: read, schema: { tags, querystring: yearQuery } }, async (req) => ({
    data: await duesService.listImports(deps, requireAuth(req), req.query.year),
  }));
  r.get('/dues/payments', { config: read, schema: { tags, querystring: duesPaymentListQuery } }, (req) =>
    duesService.listPayments(deps, requireAuth(req), req.query),
  );

  // The treasurer holds no member:read; picking a member for an exemption needs a narrow lookup.
  r.get(
    '/dues/members',
    { config: write, schema: { tags, querystring: memberSearchQuery } },
    async (req) => ({
      data: await duesService.searchMembers(deps, requireAuth(req), req.query.q),
    }),
  );
  r.get('/dues/exemptions', { config: read, schema: { tags } }, async (req) => ({
    data: await duesService.listExemptions(deps, requireAuth(req)),
  }));
  r.post(
    '/dues/exemptions',
    { config: write, schema: { tags, body: duesExemptionCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await duesService.createExemption(deps, auth, actor, req.body) });
    },
  );
  r.delete(
    '/dues/exemptions/:id',
    { config: write, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      await duesService.deleteExemption(deps, auth, actor, req.params.id);
      return reply.status(204).send();
    },
  );

  r.get('/dues/arrears', { config: read, schema: { tags, querystring: duesArrearsQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    const all = await duesService.arrears(deps, requireAuth(req), filter);
    return paged(all.slice((page - 1) * pageSize, page * pageSize), all.length, { page, pageSize });
  });
  r.get(
    '/dues/arrears/export',
    { config: read, schema: { tags, querystring: duesArrearsExportQuery } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return sendXlsx(
        reply,
        ARREARS_FILE_NAME,
        'dues-arrears.xlsx',
        await exportArrears(deps, auth, actor, req.query),
      );
    },
  );

  r.get('/dues/allocations', { config: read, schema: { tags, querystring: yearQuery } }, async (req) => ({
    data: await allocationService.list(deps, requireAuth(req), req.query.year),
  }));
  r.post(
    '/dues/allocations',
    { config: write, schema: { tags, body: allocationCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await allocationService.create(deps, auth, actor, req.body) });
    },
  );
};
