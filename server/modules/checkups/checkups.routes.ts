import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  checkupAidCaseBody,
  checkupAssignBody,
  checkupAttendanceBody,
  checkupBatchBody,
  checkupBatchParams,
  checkupExportQuery,
  checkupFollowUpBody,
  checkupListQuery,
  checkupParticipantParams,
  checkupParticipantQuery,
  checkupProgrammeBody,
  checkupProgrammeUpdateBody,
} from '../../../common/schemas/checkup.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { exportCheckupList } from './checkups.export.js';
import { checkupParticipantsService as people } from './checkups.participants.js';
import { checkupsService as service } from './checkups.service.js';

const tags = ['care'];
const summary = { permission: 'care:summary' as const };
const write = { permission: 'care:write' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

// 健康体检. Counts and coverage for care:summary; the list of names, batches and attendance for
// care:write; follow-up flags additionally need care:read (checked in the service).
export const checkupRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/care/checkups';

  r.get(base, { config: summary, schema: { tags, querystring: checkupListQuery } }, (req) =>
    service.list(deps, requireAuth(req), req.query),
  );
  // A member's own checkups: the same self-service permission as applying for aid for oneself,
  // so the three administrators (三员), who are not acting as members, get a 403.
  r.get(`${base}/mine`, { config: { permission: 'care:apply' }, schema: { tags } }, (req) =>
    people.mine(deps, requireAuth(req)),
  );
  r.post(base, { config: write, schema: { tags, body: checkupProgrammeBody } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    return reply.status(201).send({ data: await service.create(deps, auth, actor, req.body) });
  });
  r.get(`${base}/:id`, { config: summary, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.get(deps, requireAuth(req), req.params.id),
  }));
  r.put(
    `${base}/:id`,
    { config: write, schema: { tags, params: idParams, body: checkupProgrammeUpdateBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await service.update(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.delete(`${base}/:id`, { config: write, schema: { tags, params: idParams } }, async (req, reply) => {
    const { auth, actor } = actorFor(req);
    await service.remove(deps, auth, actor, req.params.id);
    return reply.status(204).send();
  });
  r.get(`${base}/:id/preview`, { config: write, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.preview(deps, requireAuth(req), req.params.id),
  }));
  r.post(`${base}/:id/publish`, { config: write, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await service.publish(deps, auth, actor, req.params.id) };
  });
  r.post(`${base}/:id/close`, { config: write, schema: { tags, params: idParams } }, async (req) => {
    const { auth, actor } = actorFor(req);
    return { data: await service.close(deps, auth, actor, req.params.id) };
  });
  r.get(
    `${base}/:id/participants`,
    { config: write, schema: { tags, params: idParams, querystring: checkupParticipantQuery } },
    (req) => people.participants(deps, requireAuth(req), req.params.id, req.query),
  );
  r.get(
    `${base}/:id/export`,
    { config: write, schema: { tags, params: idParams, querystring: checkupExportQuery } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const file = await exportCheckupList(deps, auth, actor, req.params.id, req.query.full === 'true');
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', contentDisposition(file.fileName, 'checkup.xlsx'))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
  r.get(`${base}/:id/batches`, { config: summary, schema: { tags, params: idParams } }, async (req) => ({
    data: await people.batches(deps, requireAuth(req), req.params.id),
  }));
  r.post(
    `${base}/:id/batches`,
    { config: write, schema: { tags, params: idParams, body: checkupBatchBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply
        .status(201)
        .send({ data: await people.createBatch(deps, auth, actor, req.params.id, req.body) });
    },
  );
  r.put(
    `${base}/:id/batches/:bid`,
    { config: write, schema: { tags, params: checkupBatchParams, body: checkupBatchBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return {
        data: await people.updateBatch(deps, auth, actor, req.params.id, req.params.bid, req.body),
      };
    },
  );
  r.delete(
    `${base}/:id/batches/:bid`,
    { config: write, schema: { tags, params: checkupBatchParams } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      await people.removeBatch(deps, auth, actor, req.params.id, req.params.bid);
      return reply.status(204).send();
    },
  );
  r.post(
    `${base}/:id/assign`,
    { config: write, schema: { tags, params: idParams, body: checkupAssignBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await people.assign(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.post(
    `${base}/:id/attendance`,
    { config: write, schema: { tags, params: idParams, body: checkupAttendanceBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await people.markAttendance(deps, auth, actor, req.params.id, req.body) };
    },
  );
  r.put(
    `${base}/:id/participants/:pid/follow-up`,
    { config: write, schema: { tags, params: checkupParticipantParams, body: checkupFollowUpBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return {
        data: await people.setFollowUp(deps, auth, actor, req.params.id, req.params.pid, req.body),
      };
    },
  );
  r.post(
    `${base}/:id/participants/:pid/aid-case`,
    { config: write, schema: { tags, params: checkupParticipantParams, body: checkupAidCaseBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({
        data: await people.openAidCase(deps, auth, actor, req.params.id, req.params.pid, req.body),
      });
    },
  );
};
