import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cosignBody,
  meetingQuery,
  proposalAssignBody,
  proposalCreateBody,
  proposalListQuery,
  proposalRateBody,
  proposalUpdateBody,
  proposalWindowBody,
  reviewBody,
  topicAddBody,
  topicCreateBody,
  versionBody,
} from '../../../common/schemas/proposal.js';
import { idParams, uuid } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { attachmentsService } from './proposals.attachments.js';
import { compilation, DOCX_MIME, handlingReport } from './proposals.export.js';
import { proposalsService as service } from './proposals.service.js';
import { similarProposals } from './proposals.similar.js';
import { topicsService } from './proposals.topics.js';
import { proposalWindowService } from './proposals.window.js';

const tags = ['proposals'];
const read = { permission: 'proposal:read' as const };
const submit = { permission: 'proposal:submit' as const };
const manage = { permission: 'proposal:manage' as const };
const meetingParams = z.strictObject({ meetingId: uuid('会议') });
const fileParams = z.strictObject({ id: uuid('提案'), fileId: uuid('附件') });
const reportQuery = z.strictObject({
  meetingId: uuid('会议'),
  format: z.enum(['docx', 'xlsx'], { error: '格式应为 docx 或 xlsx' }).default('docx'),
});

function who(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

function sendFile(reply: FastifyReply, mime: string, fileName: string, ascii: string, body: Buffer) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', contentDisposition(fileName, ascii))
    .header('cache-control', 'no-store')
    .send(body);
}

export const proposalRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/proposal-windows/:meetingId',
    { config: read, schema: { tags, params: meetingParams } },
    async (req) => ({
      data: await proposalWindowService.get(deps, requireAuth(req), req.params.meetingId),
    }),
  );
  r.put(
    '/proposal-windows/:meetingId',
    { config: manage, schema: { tags, params: meetingParams, body: proposalWindowBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await proposalWindowService.set(deps, auth, actor, req.params.meetingId, req.body) };
    },
  );

  r.get('/proposals', { config: read, schema: { tags, querystring: proposalListQuery } }, (req) =>
    service.list(deps, requireAuth(req), req.query),
  );
  r.post('/proposals', { config: submit, schema: { tags, body: proposalCreateBody } }, async (req, reply) => {
    const { auth, actor } = who(req);
    return reply.status(201).send({ data: await service.create(deps, auth, actor, req.body) });
  });
  r.get('/proposals/cosign-requests', { config: submit, schema: { tags } }, async (req) => ({
    data: await service.cosignRequests(deps, requireAuth(req)),
  }));

  r.get(
    '/proposals/export/compilation',
    { config: manage, schema: { tags, querystring: meetingQuery } },
    async (req, reply) => {
      const { auth, actor } = who(req);
      const f = await compilation(deps, auth, actor, req.query.meetingId);
      return sendFile(reply, DOCX_MIME, f.fileName, 'proposals.docx', f.buffer);
    },
  );
  r.get(
    '/proposals/export/report',
    { config: manage, schema: { tags, querystring: reportQuery } },
    async (req, reply) => {
      const { auth, actor } = who(req);
      const f = await handlingReport(deps, auth, actor, req.query.meetingId, req.query.format);
      const mime = req.query.format === 'xlsx' ? XLSX_MIME : DOCX_MIME;
      return sendFile(reply, mime, f.fileName, `proposal-report.${req.query.format}`, f.buffer);
    },
  );

  r.get('/proposals/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.get(deps, requireAuth(req), req.params.id),
  }));
  r.get('/proposals/:id/history', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.history(deps, requireAuth(req), req.params.id),
  }));
  r.put(
    '/proposals/:id',
    { config: submit, schema: { tags, params: idParams, body: proposalUpdateBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.update(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.post(
    '/proposals/:id/submit',
    { config: submit, schema: { tags, params: idParams, body: versionBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.submit(deps, auth, actor, req.params.id, req.body.version) };
    },
  );
  r.post(
    '/proposals/:id/recall',
    { config: submit, schema: { tags, params: idParams, body: versionBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.recall(deps, auth, actor, req.params.id, req.body.version) };
    },
  );
  r.post(
    '/proposals/:id/cosign',
    { config: submit, schema: { tags, params: idParams, body: cosignBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.cosign(deps, auth, actor, req.params.id, req.body.confirm) };
    },
  );
  r.post(
    '/proposals/:id/review',
    { config: manage, schema: { tags, params: idParams, body: reviewBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.review(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.get('/proposals/:id/similar', { config: manage, schema: { tags, params: idParams } }, async (req) => ({
    data: await similarProposals(deps, requireAuth(req), req.params.id),
  }));
  r.post(
    '/proposals/:id/assign',
    { config: manage, schema: { tags, params: idParams, body: proposalAssignBody } },
    async (req) => {
      const { auth, actor } = who(req);
      await topicsService.assignProposal(deps, auth, actor, req.params.id, req.body);
      return { data: await service.get(deps, auth, req.params.id) };
    },
  );
  r.post(
    '/proposals/:id/rate',
    { config: submit, schema: { tags, params: idParams, body: proposalRateBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await service.rate(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/proposals/:id/attachments',
    { config: submit, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = who(req);
      const file = await req.file();
      if (file?.fieldname !== 'file') throw invalid([{ path: 'file', message: '请选择附件（字段名 file）' }]);
      const data = await file.toBuffer();
      const saved = await attachmentsService.add(deps, auth, actor, req.params.id, {
        fileName: file.filename,
        data,
      });
      return reply.status(201).send({ data: saved });
    },
  );
  r.get(
    '/proposals/:id/attachments/:fileId',
    { config: read, schema: { tags, params: fileParams } },
    async (req, reply) => {
      const a = await attachmentsService.get(deps, requireAuth(req), req.params.id, req.params.fileId);
      return sendFile(reply, a.contentType, a.fileName, 'attachment', a.data);
    },
  );
  r.delete(
    '/proposals/:id/attachments/:fileId',
    { config: submit, schema: { tags, params: fileParams } },
    async (req, reply) => {
      const { auth, actor } = who(req);
      await attachmentsService.remove(deps, auth, actor, req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  );

  r.get('/proposal-topics', { config: read, schema: { tags, querystring: meetingQuery } }, async (req) => ({
    data: await topicsService.list(deps, requireAuth(req), req.query.meetingId),
  }));
  r.post(
    '/proposal-topics',
    { config: manage, schema: { tags, body: topicCreateBody } },
    async (req, reply) => {
      const { auth, actor } = who(req);
      return reply.status(201).send({ data: await topicsService.create(deps, auth, actor, req.body) });
    },
  );
  r.get('/proposal-topics/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await topicsService.get(deps, requireAuth(req), req.params.id),
  }));
  r.post(
    '/proposal-topics/:id/proposals',
    { config: manage, schema: { tags, params: idParams, body: topicAddBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await topicsService.add(deps, auth, actor, req.params.id, req.body.proposalIds) };
    },
  );
  r.post(
    '/proposal-topics/:id/assign',
    { config: manage, schema: { tags, params: idParams, body: proposalAssignBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await topicsService.assign(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.post(
    '/proposal-topics/:id/close',
    { config: manage, schema: { tags, params: idParams, body: versionBody } },
    async (req) => {
      const { auth, actor } = who(req);
      return { data: await topicsService.close(deps, auth, actor, req.params.id, req.body.version) };
    },
  );
};
