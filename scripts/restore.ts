// npm run restore -- FILE [--force] [--skip-key-check]: restore a backup into an empty database (see README).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { BackupError, keyFingerprint } from '../server/backup/format.js';
import { restoreBackup } from '../server/backup/restore.js';
import { loadConfig } from '../server/config.js';
import { createPool } from '../server/db/client.js';
import { type EmbeddedDb, liveServerPid, startEmbeddedPostgres } from '../server/db/embedded.js';
import { createSealer, parseDataKey } from '../server/lib/crypto.js';

const HELP = `用法: npm run restore -- 备份文件 [--force] [--skip-key-check]

  把备份恢复到空数据库（DATABASE_URL，或 DATA_DIR 下的内置数据库）。恢复前须停止服务。
  --force           目标数据库已有数据时，用备份替换其中的全部数据
  --skip-key-check  没有做备份时的数据密钥也恢复（身份证号等加密字段将无法解密）
`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      'skip-key-check': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(HELP);
    if (!values.help) process.exitCode = 1;
    return;
  }
  const file = positionals[0];
  const config = loadConfig();
  const external = !!config.databaseUrl;

  // The restored system will run with this key; a backup made under another one is refused.
  let fingerprint: string | undefined;
  if (!values['skip-key-check']) {
    const keyFile = path.join(config.dataDir, 'data.key');
    const keyText =
      config.dataKey ?? (!external && fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8') : null);
    if (!keyText) {
      throw new BackupError(
        `找不到数据密钥。请先把做备份时的密钥设为 DATA_KEY${external ? '' : `，或放到 ${keyFile}（权限 0600）`}，再恢复；` +
          '确实没有密钥时可加 --skip-key-check（恢复后身份证号等加密字段无法解密）',
      );
    }
    fingerprint = keyFingerprint(createSealer(parseDataKey(keyText)));
  }

  let embedded: EmbeddedDb | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const pid = liveServerPid(config.dataDir);
    if (pid !== null) {
      throw new BackupError(`服务正在运行（pid ${pid}），恢复会与它冲突。请先停止服务（Ctrl-C），再恢复`);
    }
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      role: 'cli',
    });
    url = embedded.url;
  }
  const pool = createPool(url, 2);
  try {
    await refuseWhileServed(pool);
    const started = Date.now();
    const report = await restoreBackup(pool, file, { force: values.force, keyFingerprint: fingerprint });
    const m = report.manifest;
    console.log(`恢复完成：${file}（${m.createdAt} 由程序版本 ${m.appVersion} 备份）`);
    for (const t of report.tables) console.log(`  ${t.name.padEnd(32)} ${String(t.rows).padStart(10)} 行`);
    console.log(`  共 ${report.tables.length} 张表，${report.rows} 行，用时 ${Date.now() - started} ms`);
    const from = m.migration.tag ?? String(m.migration.createdAt);
    console.log(
      from === report.migratedTo
        ? `  数据库结构版本 ${from}`
        : `  数据库结构版本 ${from}，已升级到 ${report.migratedTo}`,
    );
  } finally {
    await pool.end().catch(() => {});
    await embedded?.stop().catch(() => {});
  }
}

/** Servers connect as application 'gonghui': while one is connected, replacing its database is refused. */
async function refuseWhileServed(pool: pg.Pool) {
  const r = await pool.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and application_name = 'gonghui'`,
  );
  if (r.rows[0].n > 0) {
    throw new BackupError(`有 ${r.rows[0].n} 个 gonghui 连接正在使用该数据库；请先停止所有服务，再恢复`);
  }
}

main().catch((e) => {
  console.error(e instanceof BackupError ? e.message : `恢复失败：${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
