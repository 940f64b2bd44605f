import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  adjustmentCreateBody,
  approveBody,
  attachmentParams,
  attachmentQuery,
  budgetSetBody,
  categoryCreateBody,
  categoryUpdateBody,
  decisionBody,
  expenseRequestBody,
  expenseRequestListQuery,
  expenseRequestUpdateBody,
  fundSettingsBody,
  ledgerCreateBody,
  ledgerListQuery,
  payBody,
  periodCloseBody,
  refuseBody,
  reverseBody,
  versionBody,
  yearCloseBody,
  yearQuerySchema,
} from '../../../common/schemas/funds.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { contentDisposition } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import { budgetService } from './budget.service.js';
import { categoriesService } from './categories.service.js';
import { addAttachment, readAttachment } from './expenseRequests.attachments.js';
import { expenseRequestsService as requests } from './expenseRequests.service.js';
import { getFundSettings, updateFundSettings } from './funds.settings.js';
import { ledgerService } from './ledger.service.js';

const tags = ['funds'];
const summary = { permission: 'funds:summary' as const };
const read = { permission: 'funds:read' as const };
const write = { permission: 'funds:write' as const };
const raise = { permission: 'funds:request' as const };
const approve = { permission: 'funds:approve' as const };
// Request reads: the service shows all requests to funds:read / funds:approve, one's own to funds:request.
const requestRead = { permission: 'authenticated' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

export const fundsRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- categories and settings

  r.get('/funds/categories', { config: summary, schema: { tags } }, async (req) => ({
    data: await categoriesService.listFor(deps.db, requireAuth(req).orgId),
  }));

  r.post(
    '/funds/categories',
    { config: write, schema: { tags, body: categoryCreateBody } },
    async (req, reply) => {
      const { actor } = actorFor(req);
      return reply.status(201).send({ data: await categoriesService.create(deps, actor, req.body) });
    },
  );

  r.put(
    '/funds/categories/:id',
    { config: write, schema: { tags, params: idParams, body: categoryUpdateBody } },
    async (req) => ({
      data: await categoriesService.update(deps, actorFor(req).actor, req.params.id, req.body),
    }),
  );

  r.get('/funds/settings', { config: summary, schema: { tags } }, async (req) => ({
    data: await getFundSettings(deps.db, requireAuth(req).orgId),
  }));

  r.put('/funds/settings', { config: write, schema: { tags, body: fundSettingsBody } }, async (req) => {
    const { actor } = actorFor(req);
    return { data: await deps.db.transaction((tx) => updateFundSettings(tx, actor, req.body)) };
  });

  // ---- budget

  r.get(
    '/funds/summary',
    { config: summary, schema: { tags, querystring: yearQuerySchema } },
    async (req) => ({
      data: await budgetService.summary(deps, requireAuth(req), req.query.year),
    }),
  );

  r.get('/funds/budget', { config: read, schema: { tags, querystring: yearQuerySchema } }, async (req) => ({
    data: await budgetService.execution(deps, requireAuth(req), req.query.year),
  }));

  r.put('/funds/budget', { config: write, schema: { tags, body: budgetSetBody } }, async (req) => ({
    data: await budgetService.setBudget(deps, actorFor(req).actor, req.body),
  }));

  r.get(
    '/funds/budget/adjustments',
    { config: read, schema: { tags, querystring: yearQuerySchema } },
    async (req) => ({ data: await budgetService.listAdjustments(deps, requireAuth(req), req.query.year) }),
  );

  r.post(
    '/funds/budget/adjustments',
    { config: write, schema: { tags, body: adjustmentCreateBody } },
    async (req, reply) =>
      reply
        .status(201)
        .send({ data: await budgetService.createAdjustment(deps, actorFor(req).actor, req.body) }),
  );

  r.post(
    '/funds/budget/adjustments/:id/decide',
    { config: approve, schema: { tags, params: idParams, body: decisionBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await budgetService.decideAdjustment(deps, auth, actor, req.params.id, req.body) };
    },
  );

  // ---- expense requests

  r.get(
    '/funds/requests',
    { config: requestRead, schema: { tags, querystring: expenseRequestListQuery } },
    (req) => requests.list(deps, requireAuth(req), req.query),
  );

  r.post(
    '/funds/requests',
    { config: raise, schema: { tags, body: expenseRequestBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      return reply.status(201).send({ data: await requests.create(deps, auth, actor, req.body) });
    },
  );

  r.get('/funds/requests/:id', { config: requestRead, schema: { tags, params: idParams } }, async (req) => ({
    data: await requests.get(deps, requireAuth(req), req.params.id),
  }));

  r.put(
    '/funds/requests/:id',
    { config: raise, schema: { tags, params: idParams, body: expenseRequestUpdateBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await requests.update(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/funds/requests/:id/submit',
    { config: raise, schema: { tags, params: idParams, body: versionBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await requests.submit(deps, auth, actor, req.params.id, req.body.version) };
    },
  );

  r.post(
    '/funds/requests/:id/withdraw',
    { config: raise, schema: { tags, params: idParams, body: versionBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await requests.withdraw(deps, auth, actor, req.params.id, req.body.version) };
    },
  );

  r.post(
    '/funds/requests/:id/approve',
    { config: approve, schema: { tags, params: idParams, body: approveBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await requests.approve(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/funds/requests/:id/refuse',
    { config: approve, schema: { tags, params: idParams, body: refuseBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await requests.refuse(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/funds/requests/:id/pay',
    { config: write, schema: { tags, params: idParams, body: payBody } },
    async (req) => {
      const { auth, actor } = actorFor(req);
      return { data: await requests.pay(deps, auth, actor, req.params.id, req.body) };
    },
  );

  r.post(
    '/funds/requests/:id/attachments',
    { config: requestRead, schema: { tags, params: idParams, querystring: attachmentQuery } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      if (!auth.permissions.has('funds:request') && !auth.permissions.has('funds:write')) throw forbidden();
      const file = await req.file();
      if (file?.fieldname !== 'file') throw invalid([{ path: 'file', message: '请上传附件（字段名 file）' }]);
      const data = await file.toBuffer();
      const view = await addAttachment(deps, auth, actor, req.params.id, req.query.purpose, {
        fileName: file.filename,
        data,
      });
      return reply.status(201).send({ data: view });
    },
  );

  r.get(
    '/funds/requests/:id/attachments/:attachmentId',
    { config: requestRead, schema: { tags, params: attachmentParams } },
    async (req, reply) => {
      const auth = requireAuth(req);
      if (
        !auth.permissions.has('funds:request') &&
        !auth.permissions.has('funds:read') &&
        !auth.permissions.has('funds:approve')
      ) {
        throw forbidden();
      }
      const a = await readAttachment(deps, auth, req.params.id, req.params.attachmentId);
      return reply
        .header('content-type', a.mimeType)
        .header('content-disposition', contentDisposition(a.fileName, `attachment-${a.id}`))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(a.content);
    },
  );

  // ---- ledger and periods

  r.get('/funds/ledger', { config: read, schema: { tags, querystring: ledgerListQuery } }, (req) =>
    ledgerService.list(deps, requireAuth(req), req.query),
  );

  r.post('/funds/ledger', { config: write, schema: { tags, body: ledgerCreateBody } }, async (req, reply) =>
    reply.status(201).send({ data: await ledgerService.create(deps, actorFor(req).actor, req.body) }),
  );

  r.get('/funds/ledger/:id', { config: read, schema: { tags, params: idParams } }, async (req) => ({
    data: await ledgerService.get(deps, requireAuth(req), req.params.id),
  }));

  r.post(
    '/funds/ledger/:id/reverse',
    { config: write, schema: { tags, params: idParams, body: reverseBody } },
    async (req, reply) =>
      reply
        .status(201)
        .send({ data: await ledgerService.reverse(deps, actorFor(req).actor, req.params.id, req.body) }),
  );

  r.get('/funds/periods', { config: read, schema: { tags, querystring: yearQuerySchema } }, async (req) => ({
    data: await ledgerService.periods(deps, requireAuth(req), req.query.year),
  }));

  r.post('/funds/periods/close', { config: write, schema: { tags, body: periodCloseBody } }, async (req) => ({
    data: await ledgerService.close(deps, actorFor(req).actor, req.body.period),
  }));

  r.post(
    '/funds/periods/close-year',
    { config: write, schema: { tags, body: yearCloseBody } },
    async (req) => ({
      data: await ledgerService.closeYear(deps, actorFor(req).actor, req.body.year),
    }),
  );
};
