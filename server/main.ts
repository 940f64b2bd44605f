import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDb, createPool } from './db/client.js';
import { type EmbeddedDb, startEmbeddedPostgres } from './db/embedded.js';
import { runMigrations } from './db/migrate.js';
import { createSealer, loadDataKey } from './lib/crypto.js';
import { setupService } from './modules/auth/setup.service.js';

// Start-up: config → database (embedded or DATABASE_URL) → migrate → listen.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const config = loadConfig();
  const sealer = createSealer(
    loadDataKey({ dataKey: config.dataKey, dataDir: config.dataDir, external: !!config.databaseUrl }),
  );

  let embedded: EmbeddedDb | undefined;
  let url = config.databaseUrl;
  if (!url) {
    console.log(`启动内置 PostgreSQL（数据目录 ${config.dataDir}）…`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort });
    url = embedded.url;
  }
  const pool = createPool(url);
  const db = createDb(pool);
  await runMigrations(db);

  const app = await buildApp(
    { config, db, sealer },
    { logger: true, webDir: path.join(root, 'dist', 'web') },
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止…`);
    await app.close().catch(() => {});
    await pool.end().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  console.log(`医院工会管理系统已启动：${config.publicUrl}`);
  if (await setupService.needed(db)) {
    const token = await setupService.issueToken(db);
    console.log(
      `\n首次使用，请在浏览器打开初始化链接（24小时内有效，仅可使用一次）：\n  ${config.publicUrl}/setup?token=${token}\n`,
    );
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
