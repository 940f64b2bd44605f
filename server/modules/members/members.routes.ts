import type { ModulePlugin } from '../plugin.js';

export const memberRoutes: ModulePlugin = async () => {};
