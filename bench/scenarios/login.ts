import { BENCH_PASSWORD, createBenchUser } from '../lib/accounts.js';
import type { BenchScenario } from '../types.js';
import { failuresNote } from './members.js';

// Sign-ins per second. Each one verifies an argon2 hash, which is meant to be slow, so the figure
// is reported on its own and not as a ratio to the SELECT ceiling.

export const loginBench: BenchScenario = {
  name: 'login',
  quick: true,
  async run(ctx) {
    const union = await ctx.union(10_000);
    const username = await createBenchUser(ctx.db, union.orgId, ['officer']);
    const conc = 8;
    const s = await ctx.load(
      { method: 'POST', path: '/api/auth/login', body: { username, password: BENCH_PASSWORD } },
      { connections: conc },
    );
    return [
      {
        scenario: 'login (argon2, apart)',
        conc,
        rps: s.rps,
        p50: s.p50,
        p95: s.p95,
        p99: s.p99,
        note: failuresNote(s.failures) ?? 'logins/s; not compared with a ceiling',
      },
    ];
  },
};
