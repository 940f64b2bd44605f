import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  checkInBody,
  delegateAddBody,
  delegateUpdateBody,
  meetingActionBody,
  meetingCreateBody,
  meetingDelegateParams,
  meetingListQuery,
  meetingUpdateBody,
  termBody,
  termDelegateParams,
} from '../../../common/schemas/congress.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { pollsService } from '../polls/polls.service.js';
import { checkInService } from './checkIn.service.js';
import { congressService } from './congress.service.js';
import { delegatesService } from './delegates.service.js';

const tags = ['congress'];
const read = { permission: 'congress:read' as const };
const manage = { permission: 'congress:manage' as const };
const vote = { permission: 'congress:vote' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const congressRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/congress/terms', { config: read, schema: { tags } }, async (req) => ({
    data: await congressService.listTerms(deps, requireAuth(req)),
  }));

  r.post('/congress/terms', { config: manage, schema: { tags, body: termBody } }, async (req, reply) => {
    const { actor } = actorFor(req);
    return reply.status(201).send({ data: await congressService.createTerm(deps, actor, req.body) });
  });

  r.get('/congress/terms/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await congressService.getTerm(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/congress/terms/:id',
    { config: manage, schema: { tags, params: idParams, body: termBody } },
    async (req) => ({
      data: await congressService.updateTerm(deps, actorFor(req).actor, req.params.id, req.body),
    }),
  );

  r.get(
    '/congress/terms/:id/delegates',
    { config: read, schema: { tags, params: idParams } },
    async (req) => ({ data: await delegatesService.list(deps, requireAuth(req), req.params.id) }),
  );

  r.get(
    '/congress/terms/:id/delegates/export',
    { config: manage, schema: { tags, params: idParams } },
    async (req, reply) => {
      const file = await delegatesService.exportXlsx(deps, actorFor(req).actor, req.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(file.name, 'delegates.xlsx'))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  r.post(
    '/congress/terms/:id/delegates',
    { config: manage, schema: { tags, params: idParams, body: delegateAddBody } },
    async (req) => ({
      data: await delegatesService.add(deps, actorFor(req).actor, req.params.id, req.body),
    }),
  );

  r.put(
    '/congress/terms/:id/delegates/:delegateId',
    { config: manage, schema: { tags, params: termDelegateParams, body: delegateUpdateBody } },
    async (req) => ({
      data: await delegatesService.update(
        deps,
        actorFor(req).actor,
        req.params.id,
        req.params.delegateId,
        req.body,
      ),
    }),
  );

  r.delete(
    '/congress/terms/:id/delegates/:delegateId',
    { config: manage, schema: { tags, params: termDelegateParams } },
    async (req, reply) => {
      await delegatesService.remove(deps, actorFor(req).actor, req.params.id, req.params.delegateId);
      return reply.status(204).send();
    },
  );

  r.get('/congress/meetings', { config: read, schema: { tags, querystring: meetingListQuery } }, (req) =>
    congressService.listMeetings(deps, requireAuth(req), req.query),
  );

  r.post(
    '/congress/meetings',
    { config: manage, schema: { tags, body: meetingCreateBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply
        .status(201)
        .send({ data: await congressService.createMeeting(deps, auth, actor, req.body) });
    },
  );

  r.get('/congress/meetings/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await congressService.meetingView(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/congress/meetings/:id',
    { config: manage, schema: { tags, params: idParams, body: meetingUpdateBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await congressService.updateMeeting(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/congress/meetings/:id/status',
    { config: manage, schema: { tags, params: idParams, body: meetingActionBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return {
        data: await congressService.changeMeetingStatus(
          deps,
          auth,
          actor,
          req.params.id,
          req.body.action,
          pollsService.openCount,
        ),
      };
    },
  );

  r.get(
    '/congress/meetings/:id/attendance',
    { config: read, schema: { tags, params: idParams } },
    async (req) => ({ data: await checkInService.attendance(deps, requireAuth(req), req.params.id) }),
  );

  r.post(
    '/congress/meetings/:id/check-ins',
    { config: manage, schema: { tags, params: idParams, body: checkInBody } },
    async (req) => ({
      data: await checkInService.byOfficer(deps, actorFor(req).actor, req.params.id, req.body.delegateId),
    }),
  );

  r.delete(
    '/congress/meetings/:id/check-ins/:delegateId',
    { config: manage, schema: { tags, params: meetingDelegateParams } },
    async (req, reply) => {
      await checkInService.undo(deps, actorFor(req).actor, req.params.id, req.params.delegateId);
      return reply.status(204).send();
    },
  );

  r.get('/congress/meetings/:id/me', { config: vote, schema: { tags, params: idParams } }, async (req) => ({
    data: await checkInService.mine(deps, requireAuth(req), req.params.id),
  }));

  r.post(
    '/congress/meetings/:id/me/check-in',
    { config: vote, schema: { tags, params: idParams } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await checkInService.bySelf(deps, auth, actor, req.params.id) };
    },
  );
};
