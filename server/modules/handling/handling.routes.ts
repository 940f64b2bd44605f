import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { isScopedFor, type Permission } from '../../../common/permissions.js';
import { answerBody, handlingListQuery } from '../../../common/schemas/handling.js';
import { idParams } from '../../../common/schemas/shared.js';
import type { Executor } from '../../db/client.js';
import { type AuthContext, actorOf, requireAuth } from '../../lib/context.js';
import { organisationService } from '../organisation/organisation.service.js';
import type { ModulePlugin } from '../plugin.js';
import type { DepartmentScope } from './handling.repository.js';
import { handling } from './handling.service.js';

const tags = ['handling'];
const SCAN_EVERY_MS = 60 * 60_000;

/** The caller's departments (and those below) when the permission is department-scoped, else null. */
export async function departmentScope(
  exec: Executor,
  auth: AuthContext,
  permission: Permission,
): Promise<DepartmentScope> {
  if (!isScopedFor(auth.roles, permission)) return null;
  return organisationService.scopeDepartments(exec, auth.orgId, auth.departmentIds);
}

/**
 * The department side of the loop, for every subject type: the inbox (with due-soon and overdue
 * filters), an item with its timeline, and the answer. Assigning and rating belong to the subject's
 * own module, which decides who may do them.
 */
export const handlingRoutes: ModulePlugin = async (app, { deps }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/handling/items',
    { config: { permission: 'proposal:read' }, schema: { tags, querystring: handlingListQuery } },
    async (req) => {
      const auth = requireAuth(req);
      return handling.list(
        deps.db,
        auth.orgId,
        req.query,
        await departmentScope(deps.db, auth, 'proposal:read'),
      );
    },
  );

  r.get(
    '/handling/items/:id',
    { config: { permission: 'proposal:read' }, schema: { tags, params: idParams } },
    async (req) => {
      const auth = requireAuth(req);
      const scope = await departmentScope(deps.db, auth, 'proposal:read');
      return { data: await handling.detail(deps.db, auth.orgId, req.params.id, scope) };
    },
  );

  r.post(
    '/handling/items/:id/answer',
    { config: { permission: 'proposal:handle' }, schema: { tags, params: idParams, body: answerBody } },
    async (req) => {
      const auth = requireAuth(req);
      const actor = { ...actorOf(req), orgId: auth.orgId };
      const item = await deps.db.transaction(async (tx) =>
        handling.answer(
          tx,
          actor,
          req.params.id,
          req.body,
          await departmentScope(tx, auth, 'proposal:handle'),
        ),
      );
      return { data: await handling.detail(deps.db, auth.orgId, item.id, null) };
    },
  );

  // Due-soon and overdue notices: an hourly scan of the unions with open items.
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      void scanAll().catch((e) => app.log.error(e, 'handling deadline scan failed'));
    }, SCAN_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  async function scanAll() {
    const now = new Date();
    for (const orgId of await handling.orgsWithOpenItems(deps.db)) {
      await deps.db.transaction((tx) => handling.scanDeadlines(tx, orgId, now));
    }
  }
};
