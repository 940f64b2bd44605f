import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditQuery } from '../../../common/schemas/audit.js';
import { requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { auditService } from './audit.service.js';

export const auditRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit',
    { config: { permission: 'audit:read' }, schema: { tags: ['audit'], querystring: auditQuery } },
    (req) => auditService.list(deps, requireAuth(req), req.query),
  );
};
