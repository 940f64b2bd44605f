// npm run backup -- [--out FILE]: a consistent snapshot of the whole database in one file (see README).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { appVersion, writeBackup } from '../server/backup/backup.js';
import { BackupError, keyFingerprint } from '../server/backup/format.js';
import { backupFileName } from '../server/backup/schedule.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/open.js';

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ?? backupFileName(new Date());
  if (fs.existsSync(out)) throw new BackupError(`文件已存在：${out}（不会覆盖，请换一个文件名）`);
  const config = loadConfig();
  const opened = await openDatabase(config, 'cli');
  try {
    const started = Date.now();
    const m = await writeBackup(opened.pool, out, {
      appVersion: appVersion(),
      keyFingerprint: keyFingerprint(opened.sealer),
    });
    const bytes = fs.statSync(out).size;
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`备份完成：${out}`);
    console.log(
      `  ${m.tables.length} 张表，${rows} 行，${(bytes / 1024).toFixed(0)} KB，用时 ${Date.now() - started} ms`,
    );
    console.log(`  数据库结构版本 ${m.migration.tag ?? m.migration.createdAt}，程序版本 ${m.appVersion}`);
    console.log(`  文件 SHA-256 ${await fileSha256(out)}`);
    console.log(
      '  注意：数据密钥不在备份中。没有做备份时的密钥（DATA_KEY 或 DATA_DIR/data.key），恢复后身份证号等加密字段无法解密；请把密钥与备份分开妥善保存。',
    );
  } finally {
    await opened.close();
  }
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

main().catch((e) => {
  console.error(e instanceof BackupError ? e.message : `备份失败：${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
