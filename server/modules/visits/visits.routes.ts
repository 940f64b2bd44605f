import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../common/schemas/shared.js';
import {
  birthdayCardsQuery,
  birthdayQuery,
  careEventCreateBody,
  careEventDismissBody,
  careEventListQuery,
  festivalQuery,
  visitBatchBody,
  visitCancelBody,
  visitCreateBody,
  visitListQuery,
} from '../../../common/schemas/visit.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { contentDisposition } from '../../lib/excel.js';
import { readUpload, sendStoredFile } from '../../lib/upload.js';
import type { ModulePlugin } from '../plugin.js';
import { careEventsService } from './careEvents.service.js';
import { birthdayCards } from './visits.cards.js';
import { putVisitPhoto, readVisitPhoto } from './visits.photo.js';
import { visitsService } from './visits.service.js';
import { worklistsService } from './visits.worklists.js';

// Visits (慰问), reported events (事件报告) and the worklists (待慰问).
// Reading lists is for care:summary (the whole union) or care:report (a group leader's departments):
// those routes say 'authenticated' and the service decides the scope, 403 for anyone else.

const tags = ['care'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const visitRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = { permission: 'care:write' } as const;
  const summary = { permission: 'care:summary' } as const;
  const scoped = { permission: 'authenticated' } as const;

  // Visits
  r.get('/care/visits', { config: scoped, schema: { tags, querystring: visitListQuery } }, async (req) =>
    visitsService.list(deps, requireAuth(req), req.query),
  );
  r.post('/care/visits', { config: write, schema: { tags, body: visitCreateBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await visitsService.create(deps, auth, actor, req.body) });
  });
  r.post(
    '/care/visits/batch',
    { config: write, schema: { tags, body: visitBatchBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await visitsService.batch(deps, auth, actor, req.body) });
    },
  );
  r.get('/care/visits/:id', { config: scoped, schema: { tags, params: idParams } }, async (req) => ({
    data: await visitsService.get(deps, requireAuth(req), req.params.id),
  }));
  r.post(
    '/care/visits/:id/cancel',
    { config: write, schema: { tags, params: idParams, body: visitCancelBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await visitsService.cancel(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.put(
    '/care/visits/:id/photo',
    { config: write, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const upload = await readUpload(req, '请上传照片（字段名 file）');
      await putVisitPhoto(deps, auth, actor, req.params.id, upload);
      return reply.status(204).send();
    },
  );
  r.get(
    '/care/visits/:id/photo',
    { config: scoped, schema: { tags, params: idParams } },
    async (req, reply) => {
      const photo = await readVisitPhoto(deps, requireAuth(req), req.params.id);
      return sendStoredFile(reply, photo, 'photo');
    },
  );

  // Reported events
  r.get('/care/events', { config: scoped, schema: { tags, querystring: careEventListQuery } }, async (req) =>
    careEventsService.list(deps, requireAuth(req), req.query),
  );
  r.post(
    '/care/events',
    { config: { permission: 'care:report' }, schema: { tags, body: careEventCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await careEventsService.report(deps, auth, actor, req.body) });
    },
  );
  r.post(
    '/care/events/:id/dismiss',
    { config: write, schema: { tags, params: idParams, body: careEventDismissBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await careEventsService.dismiss(deps, auth, actor, req.params.id, req.body.reason) };
    },
  );

  // Worklists
  r.get(
    '/care/worklists/birthdays',
    { config: summary, schema: { tags, querystring: birthdayQuery } },
    async (req) => worklistsService.birthdayPage(deps, requireAuth(req), req.query),
  );
  r.get(
    '/care/worklists/birthdays/cards',
    { config: summary, schema: { tags, querystring: birthdayCardsQuery } },
    async (req, reply) => {
      const file = await birthdayCards(deps, requireAuth(req), req.query.month, req.query.memberIds);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', contentDisposition(file.name, 'birthday-cards.docx'))
        .header('cache-control', 'no-store')
        .send(file.buffer);
    },
  );
  r.get(
    '/care/worklists/festival',
    { config: summary, schema: { tags, querystring: festivalQuery } },
    async (req) => ({ data: await worklistsService.festival(deps, requireAuth(req), req.query.festival) }),
  );
};
