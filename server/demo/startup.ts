import { count } from 'drizzle-orm';
import type { Deps } from '../app.js';
import { orgs } from '../db/schema/index.js';
import { formatCredentials, formatSummary } from './print.js';
import { runDemo } from './run.js';

/**
 * `npm start -- --demo`: fills an empty database with the demo union (default seed and size) and
 * returns what to print; a database that already holds a union is left alone.
 */
export async function demoOnStart(deps: Deps, log: (line: string) => void): Promise<string> {
  const [{ n }] = await deps.db.select({ n: count() }).from(orgs);
  if (n > 0) return '已有工会数据，跳过生成演示数据（--demo 只用于空的数据目录）';
  log('生成演示数据…');
  const started = performance.now();
  const summary = await runDemo(deps);
  return `${formatSummary(summary, performance.now() - started)}\n\n${formatCredentials(summary)}\n`;
}
