import type { BenchScenario, Result } from '../types.js';

// The member registry's main screens under 20 concurrent clients: the list (filtered by status,
// sorted by name, page 1 and page 50) and a member's detail, at 10,000 and 100,000 members.

const LIST = '/api/members?status=member&sort=name&order=asc&pageSize=20';

export const membersBench: BenchScenario = {
  name: 'members',
  quick: true,
  async run(ctx) {
    const results: Result[] = [];
    for (const size of ctx.quick ? [10_000] : [10_000, 100_000]) {
      const union = await ctx.union(size);
      const cookie = await ctx.cookie(union.orgId, ['officer']);
      const label = `${size / 1000}k members`;
      for (const page of [1, 50]) {
        const s = await ctx.compare('select', { path: `${LIST}&page=${page}`, cookie });
        results.push({
          scenario: `member list p${page}`,
          size: label,
          conc: 20,
          ...s,
          ceiling: 'select',
          targets: [
            { label: 'p95<50ms', ok: s.p95 < 50 },
            { label: '≥0.5×select', ok: s.ratio >= 0.5 },
          ],
          note: failuresNote(s.failures),
        });
      }
      const ids = union.memberIds;
      const s = await ctx.compare('select', {
        path: `/api/members/${ids[0]}`,
        pathFor: () => `/api/members/${ids[Math.floor(Math.random() * ids.length)]}`,
        cookie,
      });
      results.push({
        scenario: 'member detail',
        size: label,
        conc: 20,
        ...s,
        ceiling: 'select',
        note: failuresNote(s.failures),
      });
    }
    return results;
  },
};

export function failuresNote(failures: number): string | undefined {
  return failures ? `BROKEN: ${failures} failed requests` : undefined;
}
