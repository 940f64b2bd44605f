import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { keyFingerprint } from './backup/format.js';
import { startBackupSchedule } from './backup/schedule.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { demoOnStart } from './demo/startup.js';
import { setupService } from './modules/auth/setup.service.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `demo`: fill an empty database with the demo union before listening (npm start -- --demo). */
export async function startServer(opts: { demo?: boolean } = {}) {
  const config = loadConfig();
  const { db, pool, sealer, close } = await openDatabase(config, 'server');
  let stopBackups: (() => Promise<void>) | undefined;
  let demoReport: string | undefined;
  if (opts.demo) {
    demoReport = await demoOnStart({ config, db, sealer }, console.log).catch(async (e) => {
      await close();
      throw e;
    });
  }
  const app = await buildApp(
    { config, db, sealer },
    { logger: true, webDir: path.join(root, 'dist', 'web') },
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止…`);
    await stopBackups?.().catch(() => {});
    await app.close().catch(() => {});
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await close();
    throw e;
  }
  console.log(`医院工会管理系统已启动：${config.publicUrl}`);
  if (demoReport) console.log(`\n${demoReport}`);
  if (config.backup.dir) {
    stopBackups = startBackupSchedule({
      pool,
      ...config.backup,
      dir: config.backup.dir,
      keyFingerprint: keyFingerprint(sealer),
      log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
    });
  }
  if (await setupService.needed(db)) {
    const token = await setupService.issueToken(db);
    console.log(
      `\n首次使用，请在浏览器打开初始化链接（24小时内有效，仅可使用一次）：\n  ${config.publicUrl}/setup?token=${token}\n`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  startServer({ demo: process.argv.includes('--demo') }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
