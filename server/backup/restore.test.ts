import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../demo/run.js';
import {
  createMember,
  nextIdNumber,
  orgWithOfficer,
  rosterXlsx,
  upload,
} from '../modules/members/testkit.js';
import { setupTestApp, type TestContext } from '../test/helpers.js';
import { writeBackup } from './backup.js';
import { BackupError, keyFingerprint, scanBackup } from './format.js';
import { applyMigrations, shippedMigrations } from './migrations.js';
import { restoreBackup } from './restore.js';
import { emptyDatabase, fingerprint, totalRows } from './testkit.js';

// The restore drill: realistic data → backup → restore into a fresh database → identical content.

let ctx: TestContext;
let dir: string;
let good: string;
let fp: string;

beforeAll(async () => {
  ctx = await setupTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-backup-test-'));
  fp = keyFingerprint(ctx.deps.sealer);
  await runDemo(ctx.deps, { staff: 300, seed: 7 });
  // A second union made through the API: members, a staged import, audit rows, sessions.
  const { dept, officer } = await orgWithOfficer(ctx, '检验科');
  for (let i = 0; i < 5; i++) await createMember(officer, dept.id, { name: `备份测试${i}` });
  const staged = await upload(officer, await rosterXlsx([{ 姓名: '王五', 身份证号: nextIdNumber() }]));
  expect(staged.statusCode).toBe(200);
  good = path.join(dir, 'good.backup.gz');
  await writeBackup(ctx.pool, good, { appVersion: 'test', keyFingerprint: fp });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);

const restoreInto = (pool: Parameters<typeof restoreBackup>[0], file: string, force = false) =>
  restoreBackup(pool, file, { force, keyFingerprint: fp });

describe('backup file', () => {
  it('verifies, and its manifest lists every table with rows, checksums and the migration version', async () => {
    const m = await scanBackup(good);
    const shipped = shippedMigrations().at(-1)!;
    expect(m.migration).toMatchObject({
      tag: shipped.tag,
      hash: shipped.hash,
      applied: shippedMigrations().length,
    });
    const source = await fingerprint(ctx.pool);
    const tables = Object.keys(source).filter((k) => !k.startsWith('sequence '));
    expect(m.tables.map((t) => t.name).sort()).toEqual(tables.sort());
    for (const t of m.tables) {
      expect(t.rows).toBe((source[t.name] as { rows: number }).rows);
      expect(t.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(m.tables.find((t) => t.name === 'members')!.rows).toBeGreaterThan(300);
    expect(m.keyFingerprint).toBe(fp);
    // Parents first: a union before its departments, departments before members.
    const order = m.tables.map((t) => t.name);
    expect(order.indexOf('orgs')).toBeLessThan(order.indexOf('departments'));
    expect(order.indexOf('departments')).toBeLessThan(order.indexOf('members'));
    expect((await fs.promises.stat(good)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['good.backup.gz']);
  });
});

describe('restore drill', () => {
  it('restores into a fresh empty database: every table’s row count and content hash are equal', async () => {
    const target = await emptyDatabase();
    const report = await restoreInto(target, good);
    const source = await fingerprint(ctx.pool);
    expect(await fingerprint(target)).toEqual(source);
    expect(report.rows).toBe(await totalRows(ctx.pool));
    expect(report.migratedTo).toBe(shippedMigrations().at(-1)!.tag);
    // Sequences continue after the restored rows: a new audit row gets a fresh id.
    const next = await target.query(
      `insert into audit_log (action, result) values ('test', 'success') returning id`,
    );
    const max = await ctx.pool.query('select max(id)::bigint as m from audit_log');
    expect(next.rows[0].id).toBeGreaterThan(max.rows[0].m);
  });

  it('refuses a non-empty database without --force and replaces it with --force, append-only audit log included', async () => {
    const target = await emptyDatabase();
    await restoreInto(target, good);
    await target.query(`insert into orgs (name) values ('多出来的工会')`);
    await expect(restoreInto(target, good)).rejects.toThrow(/目标数据库不是空的.*--force/);
    expect(await totalRows(target)).toBe((await totalRows(ctx.pool)) + 1);

    await restoreInto(target, good, true);
    expect(await fingerprint(target)).toEqual(await fingerprint(ctx.pool));
  });

  it('a load that fails part-way (a row the schema refuses) rolls back: a --force target keeps its data', async () => {
    const source = await emptyDatabase();
    await restoreInto(source, good);
    await source.query('alter table departments drop constraint departments_not_own_parent');
    await source.query(
      'update departments set parent_id = id where id = (select min(id::text)::uuid from departments)',
    );
    const file = path.join(dir, 'refused-row.backup.gz');
    await writeBackup(source, file, { appVersion: 'test', keyFingerprint: fp });

    const target = await emptyDatabase();
    await restoreInto(target, good);
    const before = await fingerprint(target);
    await expect(restoreInto(target, file, true)).rejects.toThrow(/departments_not_own_parent/);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('refuses a backup made under another data key', async () => {
    const target = await emptyDatabase();
    await expect(restoreBackup(target, good, { keyFingerprint: 'another-key' })).rejects.toThrow(/数据密钥/);
    expect(await totalRows(target)).toBe(0);
  });
});

describe('damaged files change nothing', () => {
  const cases: [string, (b: Buffer) => Buffer, RegExp][] = [
    [
      'bytes flipped in the middle',
      (b) => flip(b, Math.floor(b.length / 2)),
      /备份文件已损坏|备份文件不完整/,
    ],
    ['truncated', (b) => b.subarray(0, Math.floor(b.length * 0.7)), /备份文件不完整/],
    ['missing its last bytes', (b) => b.subarray(0, b.length - 12), /备份文件不完整|备份文件已损坏/],
    ['not a backup', () => Buffer.from('hello'), /备份文件/],
  ];
  it.each(cases)(
    'a file %s is refused with a clear message, the target stays empty',
    async (_n, damage, msg) => {
      const file = path.join(dir, 'damaged.backup.gz');
      fs.writeFileSync(file, damage(fs.readFileSync(good)));
      const target = await emptyDatabase();
      const err = await restoreInto(target, file).catch((e) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect(err.message).toMatch(msg);
      expect(await totalRows(target)).toBe(0);
      const tables = await target.query(
        `select count(*)::int as n from pg_tables where schemaname = 'public'`,
      );
      expect(tables.rows[0].n).toBe(0);
    },
  );

  it('a file whose table rows were altered (valid gzip, wrong checksum) is refused', async () => {
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const text = gunzipSync(fs.readFileSync(good)).toString('utf8');
    const altered = text.replace('备份测试1', '备份测试X');
    expect(altered).not.toBe(text);
    const file = path.join(dir, 'altered.backup.gz');
    fs.writeFileSync(file, gzipSync(Buffer.from(altered, 'utf8')));
    const target = await emptyDatabase();
    await expect(restoreInto(target, file)).rejects.toThrow(/备份文件已损坏或被改动/);
    expect(await totalRows(target)).toBe(0);
  });
});

describe('migration version', () => {
  it('a backup from an older version is restored at that version, then migrated forward', async () => {
    const shipped = shippedMigrations();
    const source = await emptyDatabase();
    const c = await source.connect();
    try {
      await c.query('begin');
      await applyMigrations(c, 0, shipped.length - 2);
      await c.query('commit');
    } finally {
      c.release();
    }
    await source.query(`insert into orgs (name) values ('旧版本的工会')`);
    const file = path.join(dir, 'older.backup.gz');
    await writeBackup(source, file, { appVersion: 'old', keyFingerprint: fp });

    const target = await emptyDatabase();
    const report = await restoreInto(target, file);
    expect(report.manifest.migration.tag).toBe(shipped.at(-2)!.tag);
    expect(report.migratedTo).toBe(shipped.at(-1)!.tag);
    expect((await target.query('select name from orgs')).rows).toEqual([{ name: '旧版本的工会' }]);
    const applied = await target.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBe(shipped.length);
  });

  it.each([
    [
      'a newer version',
      `insert into drizzle.__drizzle_migrations (hash, created_at) values ('${'f'.repeat(64)}', 9999999999999)`,
      /更新版本/,
    ],
    [
      'a different line of migrations',
      `update drizzle.__drizzle_migrations set hash = '${'0'.repeat(64)}'
        where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      /不同的版本线/,
    ],
  ])('a backup from %s is refused', async (_n, change, msg) => {
    const source = await emptyDatabase();
    await restoreInto(source, good);
    await source.query(change);
    const file = path.join(dir, 'other-version.backup.gz');
    await writeBackup(source, file, { appVersion: 'test', keyFingerprint: fp });
    const target = await emptyDatabase();
    await expect(restoreInto(target, file)).rejects.toThrow(msg);
    expect(await totalRows(target)).toBe(0);
  });
});

function flip(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  for (let i = at; i < at + 16 && i < c.length; i++) c[i] ^= 0xff;
  return c;
}
