import type { ModulePlugin } from '../plugin.js';

export const organisationRoutes: ModulePlugin = async () => {};
