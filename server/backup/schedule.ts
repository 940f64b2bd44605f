import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { appVersion, writeBackup } from './backup.js';

// Daily backups into BACKUP_DIR at BACKUP_AT (local time), keeping the newest BACKUP_KEEP files.
// Only files named by backupFileName are ever deleted, so other files in the folder are safe.

const NAME = /^gonghui-(\d{8})-(\d{6})\.backup\.gz$/;
/** What writeBackup leaves behind when the process dies mid-write: `.<final name>.<pid>.<rand>.partial`. */
const PARTIAL = /^\.gonghui-\d{8}-\d{6}\.backup\.gz\.(\d+)\.[0-9a-f]+\.partial$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** gonghui-YYYYMMDD-HHMMSS.backup.gz in local time: names sort by age. */
export function backupFileName(at: Date): string {
  const d = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const t = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `gonghui-${d}-${t}.backup.gz`;
}

export const isBackupFileName = (name: string) => NAME.test(name);
/** A partial file whose writer is gone (another live process, e.g. `npm run backup`, may still be writing its own). */
export function isAbandonedPartial(name: string, isAlive: (pid: number) => boolean = pidAlive): boolean {
  const m = PARTIAL.exec(name);
  if (!m) return false;
  const pid = Number(m[1]);
  return pid === process.pid || !isAlive(pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The scheduled backups beyond the newest `keep`, to delete; any other file in the folder is left alone. */
export function backupsToDelete(names: string[], keep: number): string[] {
  return names.filter(isBackupFileName).sort().reverse().slice(Math.max(keep, 1));
}

/** The next moment at HH:MM local time strictly after `now`. */
export function nextRunAt(now: Date, at: string): Date {
  const [h, m] = at.split(':').map(Number);
  const next = new Date(now);
  next.setHours(h, m, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next;
}

export interface ScheduleOptions {
  pool: pg.Pool;
  dir: string;
  /** HH:MM, local time. */
  at: string;
  keep: number;
  keyFingerprint: string | null;
  log: { info(msg: string): void; error(msg: string): void };
}

/** One scheduled run: clear leftovers of crashed runs, write a new backup, prune old ones. */
export async function runScheduledBackup(
  opts: Omit<ScheduleOptions, 'at'>,
  now = new Date(),
): Promise<string> {
  await fs.promises.mkdir(opts.dir, { recursive: true, mode: 0o700 });
  for (const name of await fs.promises.readdir(opts.dir)) {
    if (isAbandonedPartial(name)) await fs.promises.rm(path.join(opts.dir, name), { force: true });
  }
  const file = path.join(opts.dir, backupFileName(now));
  const m = await writeBackup(opts.pool, file, {
    appVersion: appVersion(),
    keyFingerprint: opts.keyFingerprint,
  });
  const rows = m.tables.reduce((n, t) => n + t.rows, 0);
  opts.log.info(`定时备份完成：${file}（${m.tables.length} 张表，${rows} 行）`);
  for (const old of backupsToDelete(await fs.promises.readdir(opts.dir), opts.keep)) {
    await fs.promises.rm(path.join(opts.dir, old), { force: true });
    opts.log.info(`已删除旧的定时备份：${old}`);
  }
  return file;
}

/** Starts the daily timer; returns a stop function that also waits for a backup in progress. */
export function startBackupSchedule(opts: ScheduleOptions): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    const next = nextRunAt(new Date(), opts.at);
    // Re-planned from the wall clock after every run, so a long backup or a clock change cannot drift it.
    timer = setTimeout(
      () => {
        running = runScheduledBackup(opts)
          .catch((e) => opts.log.error(`定时备份失败：${e instanceof Error ? e.message : e}`))
          .finally(plan);
      },
      Math.min(next.getTime() - Date.now(), 2 ** 31 - 1),
    );
    timer.unref();
  };
  plan();
  opts.log.info(`定时备份已开启：每天 ${opts.at} 备份到 ${opts.dir}，保留最近 ${opts.keep} 份`);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
