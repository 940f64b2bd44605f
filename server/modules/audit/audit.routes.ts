import type { ModulePlugin } from '../plugin.js';

export const auditRoutes: ModulePlugin = async () => {};
