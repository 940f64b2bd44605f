import type { BenchScenario, Result } from '../types.js';
import { failuresNote } from './members.js';

// Membership statistics by department (the home page's join rates) under 20 concurrent clients.

export const memberStatsBench: BenchScenario = {
  name: 'member-stats',
  quick: true,
  async run(ctx) {
    const results: Result[] = [];
    for (const size of ctx.quick ? [10_000] : [10_000, 100_000]) {
      const union = await ctx.union(size);
      const cookie = await ctx.cookie(union.orgId, ['officer']);
      const s = await ctx.compare('select', { path: '/api/members/stats', cookie });
      results.push({
        scenario: 'stats by department',
        size: `${size / 1000}k members`,
        conc: 20,
        ...s,
        ceiling: 'select',
        note: failuresNote(s.failures),
      });
    }
    return results;
  },
};
