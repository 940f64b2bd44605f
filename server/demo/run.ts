import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../app.js';
import type { Db } from '../db/client.js';
import { orgs } from '../db/schema/index.js';
import { writeAudit } from '../lib/audit.js';
import { today } from '../lib/businessDate.js';
import { conflict, invalid } from '../lib/errors.js';
import { organisationService } from '../modules/organisation/organisation.service.js';
import { DEMO_GENERATORS } from './generators.js';
import { createRng } from './rng.js';
import { DEMO_ORG_NAME, type DemoContext, type DemoCredential, type DemoGenerator } from './types.js';

export const DEFAULT_SEED = 20240501;
export const DEFAULT_STAFF = 1200;
export const MIN_STAFF = 50;
export const MAX_STAFF = 200_000;

export interface DemoOptions {
  seed?: number;
  staff?: number;
  log?: (line: string) => void;
  /** Tests may run a subset; the CLI runs the registry. */
  generators?: readonly DemoGenerator[];
}

export interface DemoSummary {
  orgId: string;
  orgName: string;
  seed: number;
  staff: number;
  steps: { name: string; counts: Record<string, number>; ms: number }[];
  credentials: DemoCredential[];
}

export const demoExistsMessage = (name = DEMO_ORG_NAME) =>
  `已存在演示工会「${name}」，未重复生成演示数据（如需重新生成，请使用新的数据目录）`;

/**
 * Builds the demo union: every generator in order, in one transaction, so a failure leaves nothing
 * behind. Refuses (409) when the demo union already exists.
 */
export async function runDemo(deps: Deps, opts: DemoOptions = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const staff = opts.staff ?? DEFAULT_STAFF;
  if (!Number.isSafeInteger(seed)) throw invalid([{ path: 'seed', message: '--seed 应为整数' }]);
  if (!Number.isInteger(staff) || staff < MIN_STAFF || staff > MAX_STAFF) {
    throw invalid([{ path: 'staff', message: `--staff 应为 ${MIN_STAFF} 到 ${MAX_STAFF} 之间的整数` }]);
  }
  const log = opts.log ?? (() => {});
  const generators = opts.generators ?? DEMO_GENERATORS;
  const day = today();

  const summary = await deps.db.transaction(async (tx) => {
    // Two demo runs at once: the second waits, then sees the first one's union and refuses.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gonghui.demo'))`);
    if ((await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, DEMO_ORG_NAME))).length > 0) {
      throw conflict('CONFLICT', demoExistsMessage());
    }
    const org = await organisationService.createOrg(tx, DEMO_ORG_NAME);
    const base = createRng(seed);
    const ctx: DemoContext = {
      tx,
      // A transaction has the query API of the pool-backed db; services' own transactions nest as savepoints.
      deps: { ...deps, db: tx as unknown as Db },
      orgId: org.id,
      actor: { orgId: org.id, userId: null, name: '演示数据', roles: 'cli', ip: null },
      rng: base,
      seed,
      year: Number(day.slice(0, 4)),
      today: day,
      staff,
      log,
      departments: [],
      unionGroups: [],
      members: [],
      users: {},
      credentials: [],
    };
    const steps: DemoSummary['steps'] = [];
    for (const g of generators) {
      const started = performance.now();
      ctx.rng = base.fork(g.name);
      const counts = (await g.run(ctx)) ?? {};
      const ms = Math.round(performance.now() - started);
      steps.push({ name: g.name, counts, ms });
      log(
        `${g.name}: ${Object.entries(counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}（${ms} ms）`,
      );
    }
    await writeAudit(tx, ctx.actor, {
      action: 'demo.generate',
      objectType: 'org',
      objectId: org.id,
      detail: { seed, staff, counts: Object.fromEntries(steps.map((s) => [s.name, s.counts])) },
    });
    return { orgId: org.id, orgName: org.name, seed, staff, steps, credentials: ctx.credentials };
  });
  // Thousands of rows arrived in one transaction: until autovacuum gets to them the planner thinks
  // the tables are nearly empty and picks poor plans (a 1 s worklist instead of 30 ms).
  await deps.db.execute(sql`analyze`);
  return summary;
}
