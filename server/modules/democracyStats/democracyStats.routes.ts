import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { democracyStatsQuery } from '../../../common/schemas/democracyStats.js';
import { requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { democracyStats } from './democracyStats.service.js';

// The union's figures of the year: for those who read the congress's work (leaders, committee,
// delegates), not department handlers, whose view is limited to what their departments handle.
const read = { permission: 'congress:read' as const };

export const democracyStatsRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/democracy/stats',
    { config: read, schema: { tags: ['democracy'], querystring: democracyStatsQuery } },
    async (req) => ({ data: await democracyStats(deps, requireAuth(req), req.query.year) }),
  );
};
