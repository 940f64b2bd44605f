import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../app.js';

/** Every module's routes are a plugin that receives the shared dependencies. */
export type ModulePlugin = FastifyPluginAsync<{ deps: Deps }>;
