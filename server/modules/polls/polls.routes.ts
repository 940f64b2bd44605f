import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  paperCountsBody,
  pollActionBody,
  pollCreateBody,
  pollListQuery,
  pollUpdateBody,
  voteBody,
} from '../../../common/schemas/poll.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { contentDisposition } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { ballotsService } from './ballots.service.js';
import { pollResultSheet } from './polls.resultSheet.js';
import { pollsService } from './polls.service.js';

const tags = ['polls'];
const read = { permission: 'congress:read' as const };
const manage = { permission: 'congress:manage' as const };
const vote = { permission: 'congress:vote' as const };
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const pollRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/polls', { config: read, schema: { tags, querystring: pollListQuery } }, async (req) => ({
    data: await pollsService.list(deps, requireAuth(req), req.query.meetingId),
  }));

  r.post('/polls', { config: manage, schema: { tags, body: pollCreateBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await pollsService.create(deps, auth, actor, req.body) });
  });

  r.get('/polls/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await pollsService.get(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/polls/:id',
    { config: manage, schema: { tags, params: idParams, body: pollUpdateBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await pollsService.update(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.delete('/polls/:id', { config: manage, schema: { tags, params: idParams } }, async (req, reply) => {
    await pollsService.remove(deps, actorFor(req).actor, req.params.id);
    return reply.status(204).send();
  });

  r.post(
    '/polls/:id/status',
    { config: manage, schema: { tags, params: idParams, body: pollActionBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await pollsService.changeStatus(deps, auth, actor, req.params.id, req.body.action) };
    },
  );

  r.put(
    '/polls/:id/paper-counts',
    { config: manage, schema: { tags, params: idParams, body: paperCountsBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await pollsService.enterCounts(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.get('/polls/:id/result', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await pollsService.result(deps, requireAuth(req), req.params.id),
  }));

  r.get(
    '/polls/:id/result-sheet',
    { config: read, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const file = await pollResultSheet(deps, auth, actor, req.params.id);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', contentDisposition(file.name, 'poll-result.docx'))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    '/polls/:id/next-round',
    { config: manage, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await pollsService.nextRound(deps, auth, actor, req.params.id) });
    },
  );

  r.post(
    '/polls/:id/vote',
    { config: vote, schema: { tags, params: idParams, body: voteBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await ballotsService.vote(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.get(
    '/congress/meetings/:id/my-polls',
    { config: vote, schema: { tags, params: idParams } },
    async (req) => ({ data: await ballotsService.mine(deps, requireAuth(req), req.params.id) }),
  );
};
