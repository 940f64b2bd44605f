import type { BenchScenario } from '../types.js';

// Excel export of a 10,000-member union (the whole roster, as the 导出 button sends it): wall time
// until the last byte arrived. Full runs take the median of three.

const TARGET_MS = 3_000;

export const memberExportBench: BenchScenario = {
  name: 'member-export',
  quick: true,
  async run(ctx) {
    const union = await ctx.union(10_000);
    const cookie = await ctx.cookie(union.orgId, ['officer']);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
      const t = await ctx.timeIt(async () => {
        const res = await fetch(`${ctx.baseUrl}/api/members/export`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
        return (await res.arrayBuffer()).byteLength;
      });
      times.push(t.ms);
      bytes = t.value;
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    return [
      {
        scenario: 'export',
        size: '10k rows',
        wallMs: ms,
        targets: [{ label: '<3s', ok: ms < TARGET_MS }],
        note: `${(bytes / 1024).toFixed(0)} KB file${times.length > 1 ? `, median of ${times.length}` : ''}`,
      },
    ];
  },
};
