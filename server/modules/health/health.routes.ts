import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appliedMigrationCount, latestMigrationTag } from '../../db/migrate.js';
import type { ModulePlugin } from '../plugin.js';

export const healthRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['health'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.string(),
            migrations: z.number(),
            latest: z.string(),
          }),
          503: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        },
      },
    },
    async (_req, reply) => {
      try {
        const v = await deps.db.execute<{ v: string }>(sql`select current_setting('server_version') as v`);
        return {
          status: 'ok' as const,
          database: v.rows[0].v,
          migrations: await appliedMigrationCount(deps.db),
          latest: latestMigrationTag(),
        };
      } catch {
        return reply.status(503).send({ error: { code: 'INTERNAL', message: '数据库不可用' } });
      }
    },
  );
};
