import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notificationListQuery } from '../../../common/schemas/notification.js';
import { idParams } from '../../../common/schemas/shared.js';
import { requireAuth } from '../../lib/context.js';
import type { ModulePlugin } from '../plugin.js';
import { startDispatcher } from './notifications.dispatcher.js';
import { notificationsService as service } from './notifications.service.js';

// Everyone signed in has a bell; each query is limited to the caller's own rows.
const own = { permission: 'authenticated' as const };
const tags = ['notifications'];

export const notificationRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  let stop: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stop = startDispatcher(deps.db);
  });
  app.addHook('onClose', async () => stop?.());

  r.get('/notifications', { config: own, schema: { tags, querystring: notificationListQuery } }, (req) =>
    service.list(deps, requireAuth(req), req.query),
  );

  r.get('/notifications/unread-count', { config: own, schema: { tags } }, async (req) => ({
    data: { count: await service.unreadCount(deps, requireAuth(req)) },
  }));

  r.post('/notifications/read-all', { config: own, schema: { tags } }, async (req) => ({
    data: { count: await service.markAllRead(deps, requireAuth(req)) },
  }));

  r.post('/notifications/:id/read', { config: own, schema: { tags, params: idParams } }, async (req) => ({
    data: await service.markRead(deps, requireAuth(req), req.params.id),
  }));
};
