// npm run bench [-- --quick] [-- --only name[,name…]]
// A fresh database, the app under test and the ceiling servers in child processes, the load
// generator here; every scenario in bench/scenarios/index.ts; a table and a JSON file at the end.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Role } from '../common/permissions.js';
import { createDb, createPool } from '../server/db/client.js';
import { runMigrations } from '../server/db/migrate.js';
import { createSealer } from '../server/lib/crypto.js';
import { createBenchUser, signIn } from './lib/accounts.js';
import { freshDatabase } from './lib/database.js';
import { runLoad, summarise } from './lib/load.js';
import { loadUnion } from './lib/loader.js';
import { type ChildServer, startChild } from './lib/processes.js';
import { describeMachine, formatTable, machineInfo, tableRow, writeJson } from './lib/report.js';
import { alternationRatio, mean } from './lib/stats.js';
import { scenarios } from './scenarios/index.js';
import type { BenchContext, BenchUnion, CeilingKind, LoadRequest, Result } from './types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CEILING_REQUESTS: Record<CeilingKind, LoadRequest> = {
  constant: { path: '/constant' },
  select: { path: '/select' },
  insert: { method: 'POST', path: '/insert', body: { note: 'bench' } },
};

async function main() {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  const quick = !!values.quick;
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const unknown = only ? [...only].filter((n) => !scenarios.some((s) => s.name === n)) : [];
  if (unknown.length) {
    throw new Error(
      `unknown scenario: ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`,
    );
  }
  const selected = scenarios.filter((s) => (only ? only.has(s.name) : quick ? s.quick : true));
  // Quick (< 2 min with every module's scenarios): short runs, one alternation (ceiling, scenario,
  // ceiling). Full: longer runs, three alternations.
  const seconds = quick ? 1.5 : 5;
  const rounds = quick ? 1 : 3;
  const startedAt = new Date().toISOString();
  const t0 = Date.now();

  const database = await freshDatabase(process.env.DATABASE_URL);
  const pool = createPool(database.url, 4);
  const children: ChildServer[] = [];
  const cleanup = async () => {
    for (const c of children.reverse()) await c.stop().catch(() => {});
    await pool.end().catch(() => {});
    await database.drop().catch((e) => console.error(`could not drop the bench database: ${e}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    const db = createDb(pool);
    await runMigrations(db);
    const pgVersion = (await pool.query('show server_version')).rows[0].server_version as string;
    const machine = machineInfo(pgVersion);
    console.log(`machine: ${describeMachine(machine)}`);
    console.log(`database: ${database.where}`);
    console.log(`mode: ${quick ? '--quick' : 'full'}; load runs of ${seconds} s, ${rounds} alternations\n`);

    const dataKey = randomBytes(32);
    const sealer = createSealer(dataKey);
    const app = await startChild(
      'app',
      path.join(root, 'server', 'main.ts'),
      (baseUrl) => ({
        DATABASE_URL: database.url,
        DATA_KEY: dataKey.toString('hex'),
        PUBLIC_URL: baseUrl,
        LOG_LEVEL: 'silent',
        // Login throughput is a scenario: the per-IP limit would turn it into a 429 count.
        LOGIN_RATE_LIMIT_PER_MINUTE: '1000000000',
      }),
      '/api/health',
    );
    children.push(app);
    const ceilings = await startChild(
      'ceilings',
      path.join(root, 'bench', 'ceilings', 'server.ts'),
      () => ({ DATABASE_URL: database.url }),
      '/constant',
    );
    children.push(ceilings);
    console.log(
      `app under test: pid ${app.pid} ${app.baseUrl}; ceilings: pid ${ceilings.pid} ${ceilings.baseUrl}`,
    );

    const defaults = { connections: 20, seconds };
    const ceilingRuns: Record<CeilingKind, { rps: number; samples: number[]; seconds: number }[]> = {
      constant: [],
      select: [],
      insert: [],
    };
    const runCeiling = async (kind: CeilingKind, secs = seconds) => {
      const s = await runLoad(ceilings.baseUrl, CEILING_REQUESTS[kind], { seconds: secs }, defaults);
      if (s.failures) throw new Error(`ceiling ${kind}: ${s.failures} failed requests`);
      ceilingRuns[kind].push({ rps: s.rps, samples: s.samples, seconds: s.seconds });
      return s.rps;
    };

    const unions = new Map<number, Promise<BenchUnion>>();
    const notes: string[] = [];
    const ctx: BenchContext = {
      quick,
      baseUrl: app.baseUrl,
      db,
      pool,
      sealer,
      union(size) {
        let u = unions.get(size);
        if (!u) {
          u = (async () => {
            const t = Date.now();
            const loaded = await loadUnion(pool, sealer, {
              name: `基准测试工会${size}`,
              size,
              seed: `bench-${size}`,
            });
            await pool.query('analyze');
            console.log(`  loaded a union of ${size} members in ${((Date.now() - t) / 1000).toFixed(1)} s`);
            return loaded;
          })();
          unions.set(size, u);
        }
        return u;
      },
      async cookie(orgId: string, roles: Role[]) {
        return signIn(app.baseUrl, await createBenchUser(db, orgId, roles));
      },
      async load(request, opts = {}) {
        const { samples: _, ...stats } = await runLoad(app.baseUrl, request, opts, defaults);
        return stats;
      },
      async compare(ceiling, request, opts = {}) {
        const secs = opts.seconds ?? seconds;
        // Warm-up (JIT, plan and buffer caches), not counted.
        await runLoad(app.baseUrl, request, { ...opts, seconds: Math.min(1, secs) }, defaults);
        const ceil: number[] = [await runCeiling(ceiling, secs)];
        const runs: Awaited<ReturnType<typeof runLoad>>[] = [];
        for (let i = 0; i < rounds; i++) {
          runs.push(await runLoad(app.baseUrl, request, opts, defaults));
          ceil.push(await runCeiling(ceiling, secs));
        }
        const all = runs.flatMap((r) => r.samples).sort((a, b) => a - b);
        const merged = summarise(
          all,
          runs.reduce((a, r) => a + r.seconds, 0),
          runs.reduce((a, r) => a + r.failures, 0),
        );
        return {
          ...merged,
          ratio: alternationRatio(
            ceil,
            runs.map((r) => r.rps),
          ),
          ceilingRps: mean(ceil),
        };
      },
      async timeIt(fn) {
        const t = performance.now();
        const value = await fn();
        return { ms: performance.now() - t, value };
      },
      log(text) {
        console.log(text);
        notes.push(text);
      },
    };

    // Warm the ceiling servers once so the first alternation does not pay for JIT.
    for (const kind of ['constant', 'select', 'insert'] as const) await runCeiling(kind, 1);
    for (const k of Object.values(ceilingRuns)) k.length = 0;

    const results: Result[] = [];
    for (const scenario of selected) {
      console.log(`\n▶ ${scenario.name}`);
      const started = performance.now();
      await scenario.setup?.(ctx);
      for (const r of await scenario.run(ctx)) {
        results.push(r);
        console.log(`  ${tableRow(r).filter(Boolean).join(' | ')}`);
      }
      // The --quick run has a time budget: each scenario says what it spent of it.
      console.log(`  (${scenario.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }

    // Every ceiling appears in the table, also one no scenario compared with.
    for (const kind of ['constant', 'select', 'insert'] as const) {
      while (ceilingRuns[kind].length < rounds) await runCeiling(kind);
    }
    // The ceilings themselves, over every run taken of each.
    const ceilingRows: Result[] = (['constant', 'select', 'insert'] as const).map((k) => {
      const runs = ceilingRuns[k];
      const all = runs.flatMap((r) => r.samples).sort((a, b) => a - b);
      const s = summarise(
        all,
        runs.reduce((a, r) => a + r.seconds, 0),
        0,
      );
      return {
        scenario: `ceiling: ${k}`,
        conc: defaults.connections,
        rps: s.rps,
        p50: s.p50,
        p95: s.p95,
        p99: s.p99,
        note: `${runs.length} runs`,
      };
    });
    const all = [...ceilingRows, ...results];
    console.log(`\n${formatTable(all)}\n`);
    const file = writeJson(path.join(root, 'bench', 'results'), {
      machine,
      quick,
      startedAt,
      results: all,
      notes,
    });
    console.log(`machine: ${describeMachine(machine)}`);
    console.log(`results: ${path.relative(root, file)}; total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
