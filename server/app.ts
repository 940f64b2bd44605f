import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Sealer } from './lib/crypto.js';
import { registerErrorHandler } from './lib/errorHandler.js';
import { registerGuard } from './lib/guard.js';
import { aidRoutes } from './modules/aid/aid.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { careStatsRoutes } from './modules/careStats/careStats.routes.js';
import { checkupRoutes } from './modules/checkups/checkups.routes.js';
import { congressRoutes } from './modules/congress/congress.routes.js';
import { democracyStatsRoutes } from './modules/democracyStats/democracyStats.routes.js';
import { disclosureRoutes } from './modules/disclosures/disclosures.routes.js';
import { donationRoutes } from './modules/donations/donations.routes.js';
import { duesRoutes } from './modules/dues/dues.routes.js';
import { forumRoutes } from './modules/forums/forums.routes.js';
import { fundsRoutes } from './modules/funds/funds.routes.js';
import { handlingRoutes } from './modules/handling/handling.routes.js';
import { hardshipRoutes } from './modules/hardship/hardship.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { memberRoutes } from './modules/members/members.routes.js';
import { mutualAidRoutes } from './modules/mutualAid/mutualAid.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { organisationRoutes } from './modules/organisation/organisation.routes.js';
import { pollRoutes } from './modules/polls/polls.routes.js';
import { proposalRoutes } from './modules/proposals/proposals.routes.js';
import { statementRoutes } from './modules/statements/statements.routes.js';
import { suggestionRoutes } from './modules/suggestions/suggestions.routes.js';
import { userRoutes } from './modules/users/users.routes.js';
import { visitRoutes } from './modules/visits/visits.routes.js';
import { welfareRuleRoutes } from './modules/welfareRules/welfareRules.routes.js';

z.config(z.locales.zhCN());

/** What every module needs; built once in main.ts (or by the test helpers) and passed down. */
export interface Deps {
  config: Config;
  db: Db;
  sealer: Sealer;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export async function buildApp(
  deps: Deps,
  opts: { logger?: boolean; webDir?: string } = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: opts.logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, { spaFallback: !!opts.webDir });

  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (r) => {
    // The API documentation (swagger-ui's own routes) is public by decision: it holds no data.
    if (r.url.startsWith('/api/docs')) r.config = { ...r.config, permission: 'public' };
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: r.url,
        permission: (r.config as { permission?: string } | undefined)?.permission,
      });
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: '医院工会管理系统 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerGuard(app, deps.db, config);

  for (const plugin of [
    healthRoutes,
    authRoutes,
    userRoutes,
    auditRoutes,
    organisationRoutes,
    memberRoutes,
    congressRoutes,
    pollRoutes,
    fundsRoutes,
    duesRoutes,
    statementRoutes,
    notificationRoutes,
    disclosureRoutes,
    suggestionRoutes,
    forumRoutes,
    democracyStatsRoutes,
    handlingRoutes,
    proposalRoutes,
    welfareRuleRoutes,
    checkupRoutes,
    aidRoutes,
    visitRoutes,
    donationRoutes,
    hardshipRoutes,
    mutualAidRoutes,
    careStatsRoutes,
  ]) {
    await app.register(plugin, { prefix: '/api', deps });
  }

  const webDir = opts.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    // Files are looked up on each request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, schemaHide: true });
  }
  return app;
}
