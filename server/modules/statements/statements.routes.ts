import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  budgetExecutionQuery,
  bySourceQuery,
  duesCollectionQuery,
  monthlyLedgerQuery,
  periodParams,
  reviewNoteBody,
  reviewNoteListQuery,
} from '../../../common/schemas/statements.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import { contentDisposition, XLSX_MIME } from '../../lib/excel.js';
import type { ModulePlugin } from '../plugin.js';
import {
  budgetExecutionXlsx,
  bySourceXlsx,
  duesCollectionXlsx,
  monthlyLedgerXlsx,
} from './statements.export.js';
import { reviewNotes } from './statements.reviewNotes.js';
import { statementsService as svc } from './statements.service.js';

const tags = ['statements'];
const read = { permission: 'funds:read' as const };

function actorFor(req: FastifyRequest) {
  const auth = requireAuth(req);
  return { auth, actor: { ...actorOf(req), orgId: auth.orgId } };
}

/** JSON, or the workbook (an export: audited with what it covers). */
async function answer<T>(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  statement: T,
  opts: { format: 'json' | 'xlsx'; kind: string; fileName: string; ascii: string; filter: object },
  xlsx: (s: T) => Promise<Buffer>,
) {
  if (opts.format === 'json') return { data: statement };
  const body = await xlsx(statement);
  const { actor } = actorFor(req);
  await writeAudit(deps.db, actor, {
    action: 'funds.statement.export',
    objectType: 'fundStatement',
    detail: { statement: opts.kind, filter: opts.filter },
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(opts.fileName, opts.ascii))
    .header('cache-control', 'no-store')
    .send(body);
}

export const statementRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/statements/budget-execution',
    { config: read, schema: { tags, querystring: budgetExecutionQuery } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const s = await svc.budgetExecution(deps, requireAuth(req), req.query);
      return answer(
        deps,
        req,
        reply,
        s,
        {
          format,
          kind: 'budgetExecution',
          fileName: `${s.year}年度收支预算执行情况表.xlsx`,
          ascii: 'budget-execution.xlsx',
          filter,
        },
        budgetExecutionXlsx,
      );
    },
  );

  r.get(
    '/statements/monthly-ledger',
    { config: read, schema: { tags, querystring: monthlyLedgerQuery } },
    async (req, reply) => {
      const s = await svc.monthlyLedger(deps, requireAuth(req), req.query.month);
      return answer(
        deps,
        req,
        reply,
        s,
        {
          format: req.query.format,
          kind: 'monthlyLedger',
          fileName: `明细账${s.month}.xlsx`,
          ascii: 'monthly-ledger.xlsx',
          filter: { month: s.month },
        },
        monthlyLedgerXlsx,
      );
    },
  );

  r.get(
    '/statements/by-source',
    { config: read, schema: { tags, querystring: bySourceQuery } },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const s = await svc.bySource(deps, requireAuth(req), req.query);
      return answer(
        deps,
        req,
        reply,
        s,
        { format, kind: 'bySource', fileName: '经费收支按来源汇总表.xlsx', ascii: 'by-source.xlsx', filter },
        bySourceXlsx,
      );
    },
  );

  r.get(
    '/statements/dues-collection',
    { config: read, schema: { tags, querystring: duesCollectionQuery } },
    async (req, reply) => {
      const s = await svc.duesCollection(deps, requireAuth(req), req.query.year);
      return answer(
        deps,
        req,
        reply,
        s,
        {
          format: req.query.format,
          kind: 'duesCollection',
          fileName: `${s.year}年度会费收缴情况表.xlsx`,
          ascii: 'dues-collection.xlsx',
          filter: { year: s.year },
        },
        duesCollectionXlsx,
      );
    },
  );

  r.get(
    '/statements/review-notes',
    { config: read, schema: { tags, querystring: reviewNoteListQuery } },
    async (req) => {
      const auth = requireAuth(req);
      const y = req.query.year;
      return { data: await reviewNotes.between(deps.db, auth.orgId, `${y}-01`, `${y}-12`) };
    },
  );
  r.get(
    '/statements/review-notes/:period',
    { config: read, schema: { tags, params: periodParams } },
    async (req) => ({
      data: await reviewNotes.get(deps, requireAuth(req), req.params.period),
    }),
  );
  r.put(
    '/statements/review-notes/:period',
    { config: { permission: 'funds:review' }, schema: { tags, params: periodParams, body: reviewNoteBody } },
    async (req, reply) => {
      const { auth, actor } = actorFor(req);
      const { note, created } = await reviewNotes.save(deps, auth, actor, req.params.period, req.body);
      return reply.status(created ? 201 : 200).send({ data: note });
    },
  );
};
