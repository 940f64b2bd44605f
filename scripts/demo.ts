// npm run demo [-- --seed N --staff N]: fills the database with the demo union "示范市人民医院工会".
import { parseArgs } from 'node:util';
import type { Deps } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';
import { formatCredentials, formatSummary } from '../server/demo/print.js';
import { DEFAULT_SEED, DEFAULT_STAFF, runDemo } from '../server/demo/run.js';
import { AppError } from '../server/lib/errors.js';

const HELP = `用法: npm run demo -- [--seed 种子] [--staff 职工人数]

  生成演示工会「示范市人民医院工会」：科室、工会小组、职工名册、各角色账户及各模块一年的业务记录。
  --seed   随机种子（默认 ${DEFAULT_SEED}）：同一种子生成相同的数据
  --staff  职工人数（默认 ${DEFAULT_STAFF}）
  各角色账户的密码随机生成，只在结束时显示一次。
`;

async function main() {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      staff: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const number = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw new Error(`--${name} 应为整数`);
    return Number(v);
  };
  const seed = number(values.seed, 'seed');
  const staff = number(values.staff, 'staff');
  const config = loadConfig();
  const opened = await openDatabase(config, 'cli');
  const deps: Deps = { config, db: opened.db, sealer: opened.sealer };
  try {
    const started = performance.now();
    const summary = await runDemo(deps, { seed, staff });
    console.log(formatSummary(summary, performance.now() - started));
    // performance.now() counts from process start: database start and migrations included.
    console.log(`  总用时 ${(performance.now() / 1000).toFixed(1)} 秒（含启动数据库）`);
    console.log(`\n${formatCredentials(summary)}`);
  } finally {
    await opened.close();
  }
}

main().catch((e) => {
  if (e instanceof AppError) {
    const details = e.details?.map((d) => `  ${d.path}: ${d.message}`).join('\n');
    console.error(`${e.message}${details && e.details!.length > 1 ? `\n${details}` : ''}`);
  } else console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
