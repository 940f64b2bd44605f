import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { setupTestApp, type TestContext } from '../test/helpers.js';
import { writeBackup } from './backup.js';
import { scanBackup } from './format.js';
import {
  backupFileName,
  backupsToDelete,
  isAbandonedPartial,
  isBackupFileName,
  nextRunAt,
  runScheduledBackup,
} from './schedule.js';

describe('schedule rules', () => {
  it('names backups by local date-time so names sort by age', () => {
    expect(backupFileName(new Date(2025, 0, 5, 2, 30, 7))).toBe('gonghui-20250105-023007.backup.gz');
    expect(isBackupFileName('gonghui-20250105-023007.backup.gz')).toBe(true);
  });

  it.each([
    ['before the time: today', new Date(2025, 0, 31, 1, 0), new Date(2025, 0, 31, 2, 30)],
    ['exactly at the time: tomorrow', new Date(2025, 0, 31, 2, 30), new Date(2025, 1, 1, 2, 30)],
    ['after the time, month end: the 1st', new Date(2025, 0, 31, 23, 59), new Date(2025, 1, 1, 2, 30)],
    ['year end', new Date(2025, 11, 31, 12, 0), new Date(2026, 0, 1, 2, 30)],
  ])('next run %s', (_n, now, expected) => {
    expect(nextRunAt(now, '02:30')).toEqual(expected);
  });

  it('keeps the newest N of its own backups and never touches other files', () => {
    const names = [
      'gonghui-20250103-023000.backup.gz',
      'gonghui-20250101-023000.backup.gz',
      'gonghui-20250104-023000.backup.gz',
      'gonghui-20250102-023000.backup.gz',
      'notes.txt',
      'my-manual.backup.gz',
      '.gonghui-20250105-023000.backup.gz.123.ab12cd34.partial',
    ];
    expect(backupsToDelete(names, 2)).toEqual([
      'gonghui-20250102-023000.backup.gz',
      'gonghui-20250101-023000.backup.gz',
    ]);
    expect(backupsToDelete(names, 10)).toEqual([]);
  });

  it('a partial file never looks like a backup; it is abandoned once its writer is gone', () => {
    const partial = '.gonghui-20250105-023000.backup.gz.4242.ab12cd34.partial';
    expect(isBackupFileName(partial)).toBe(false);
    expect(isAbandonedPartial(partial, () => false)).toBe(true);
    expect(isAbandonedPartial(partial, () => true)).toBe(false);
    expect(isAbandonedPartial('notes.partial', () => false)).toBe(false);
  });

  it('settings: off by default, 02:30 and 14 kept; a malformed time is refused', () => {
    expect(loadConfig({}).backup).toEqual({ dir: undefined, at: '02:30', keep: 14 });
    expect(loadConfig({ BACKUP_DIR: 'bk', BACKUP_AT: '23:05', BACKUP_KEEP: '3' }).backup).toEqual({
      dir: path.resolve('bk'),
      at: '23:05',
      keep: 3,
    });
    expect(() => loadConfig({ BACKUP_AT: '24:00' })).toThrow(/BACKUP_AT/);
  });
});

describe('scheduled run', () => {
  let ctx: TestContext;
  let dir: string;
  beforeAll(async () => {
    ctx = await setupTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-schedule-test-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a verified backup, clears abandoned partial files and prunes to the newest N', async () => {
    const old = ['gonghui-20200101-023000.backup.gz', 'gonghui-20200102-023000.backup.gz'];
    const abandoned = '.gonghui-20200103-023000.backup.gz.999999999.ab12cd34.partial';
    for (const f of [...old, abandoned, 'keep-me.txt']) fs.writeFileSync(path.join(dir, f), 'x');
    const logs: string[] = [];
    const log = { info: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };

    const file = await runScheduledBackup({ pool: ctx.pool, dir, keep: 2, keyFingerprint: null, log });
    expect(isBackupFileName(path.basename(file))).toBe(true);
    expect((await scanBackup(file)).tables.length).toBeGreaterThan(5);
    expect(fs.readdirSync(dir).sort()).toEqual([old[1], path.basename(file), 'keep-me.txt'].sort());
    expect(logs.join('\n')).toMatch(/定时备份完成/);
  });

  it('a backup that fails after writing leaves neither a partial nor a final file', async () => {
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'x'), 'x'); // renaming onto a non-empty directory fails
    const before = fs.readdirSync(dir).sort();
    await expect(
      writeBackup(ctx.pool, target, { appVersion: 'test', keyFingerprint: null }),
    ).rejects.toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
