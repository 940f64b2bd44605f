import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../server/db/schema/index.js';
import { membersRepository } from '../../server/modules/members/members.repository.js';
import { loadUnion } from '../lib/loader.js';
import type { BenchContext, BenchScenario, BenchUnion, Result } from '../types.js';
import { failuresNote } from './members.js';

// A federation-sized database: 200 unions × 5,000 members. One union's list must cost the same
// whether it shares the database with nobody or with 199 other unions, because every index leads
// with org_id. Measured before and after loading the others, and shown with the query plan.

const LIST = '/api/members?status=member&sort=name&order=asc&pageSize=20&page=1';

/** The SQL the members repository runs for that list, captured through a drizzle logger. */
async function listQueries(ctx: BenchContext, orgId: string) {
  const captured: { sql: string; params: unknown[] }[] = [];
  const db = drizzle(ctx.pool, {
    schema,
    logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
  });
  await membersRepository.list(
    db,
    orgId,
    null,
    { status: 'member' },
    { sort: 'name', order: 'asc', limit: 20, offset: 0 },
  );
  return captured;
}

/** EXPLAIN ANALYZE of each list query; every index it uses on members must lead with org_id. */
async function explainList(ctx: BenchContext, orgId: string): Promise<{ ok: boolean; problems: string[] }> {
  const leading = new Map<string, string>();
  const idx = await ctx.pool.query(`select indexname, indexdef from pg_indexes where tablename = 'members'`);
  for (const r of idx.rows) leading.set(r.indexname, /\((\w+)/.exec(r.indexdef)?.[1] ?? '');
  const problems: string[] = [];
  for (const q of await listQueries(ctx, orgId)) {
    const plan = (await ctx.pool.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.params)).rows
      .map((r) => r['QUERY PLAN'] as string)
      .join('\n');
    ctx.log(`EXPLAIN ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}…\n${plan}`);
    if (/Seq Scan on members/.test(plan)) problems.push('sequential scan of members');
    for (const m of plan.matchAll(
      /(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g,
    )) {
      const first = leading.get(m[1]);
      if (first !== undefined && first !== 'org_id') problems.push(`${m[1]} leads with ${first}`);
    }
  }
  return { ok: problems.length === 0, problems };
}

export const federationBench: BenchScenario = {
  name: 'federation',
  quick: false,
  async run(ctx) {
    const unions = ctx.quick ? 20 : 200;
    const size = ctx.quick ? 1_000 : 5_000;
    if (ctx.quick) ctx.log(`federation scaled down for --quick: ${unions} unions × ${size} members`);
    const label = (n: number) => `${n} × ${size / 1000}k`;
    const load = (i: number) =>
      loadUnion(ctx.pool, ctx.sealer, { name: `基准测试联合会工会${i}`, size, seed: `federation-${i}` });

    const first: BenchUnion = await load(1);
    await ctx.pool.query('analyze members');
    const cookie = await ctx.cookie(first.orgId, ['officer']);
    const alone = await ctx.compare('select', { path: LIST, cookie });

    const t = Date.now();
    for (let i = 2; i <= unions; i++) {
      await load(i);
      if (i % 50 === 0) console.log(`  loaded ${i} unions`);
    }
    await ctx.pool.query('analyze');
    const loadMs = Date.now() - t;
    const rows = (await ctx.pool.query('select count(*)::int as n from members')).rows[0].n as number;
    ctx.log(
      `federation: loaded ${unions - 1} more unions in ${(loadMs / 1000).toFixed(1)} s; members table: ${rows} rows`,
    );
    const plan = await explainList(ctx, first.orgId);
    const crowded = await ctx.compare('select', { path: LIST, cookie });

    const kept = crowded.ratio / alone.ratio;
    const results: Result[] = [
      {
        scenario: 'per-union list p1, 1 union',
        size: label(1),
        conc: 20,
        ...alone,
        ceiling: 'select',
        note: failuresNote(alone.failures),
      },
      {
        scenario: `per-union list p1, ${unions} unions`,
        size: label(unions),
        conc: 20,
        ...crowded,
        ceiling: 'select',
        targets: [
          { label: 'no slowdown (≥0.8× ratio)', ok: kept >= 0.8 },
          { label: 'indexes lead with org_id', ok: plan.ok },
        ],
        note:
          failuresNote(crowded.failures) ??
          `${kept.toFixed(2)}× the 1-union ratio${plan.problems.length ? `; ${plan.problems.join(', ')}` : ''}`,
      },
      {
        scenario: `bulk load ${unions - 1} unions (COPY)`,
        size: `${((unions - 1) * size) / 1000}k members`,
        wallMs: loadMs,
      },
    ];
    return results;
  },
};
