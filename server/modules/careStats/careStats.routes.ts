import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { careStatsQuery } from '../../../common/schemas/careStats.js';
import { idParams } from '../../../common/schemas/shared.js';
import { actorOf, requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { careStatsService as service } from './careStats.service.js';

// 关爱首页 and 年度关爱统计: counts and totals for care:summary (chair, vice-chairs, officers,
// committee). A member's care history is care:summary too; its aid cases only for care:read.

const tags = ['care'];
const summary = { permission: 'care:summary' } as const;

export const careStatsRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/care/stats', { config: summary, schema: { tags, querystring: careStatsQuery } }, async (req) => ({
    data: await service.stats(deps, requireAuth(req), req.query.year),
  }));
  r.get('/care/home', { config: summary, schema: { tags } }, async (req) => ({
    data: await service.home(deps, requireAuth(req)),
  }));
  r.get('/care/members/:id/history', { config: summary, schema: { tags, params: idParams } }, async (req) => {
    const auth = requireAuth(req);
    const actor = { ...actorOf(req), orgId: auth.orgId };
    return { data: await service.memberHistory(deps, auth, actor, req.params.id) };
  });
};
