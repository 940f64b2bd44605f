import { once } from 'node:events';
import type pg from 'pg';
import { type CopyStreamQuery, from as copyFrom } from 'pg-copy-streams';
import { BackupError, type Manifest, quoteIdent, scanBackup, type TableEntry } from './format.js';
import { applyMigrations, locateMigration, shippedMigrations } from './migrations.js';
import { discoverTables } from './tables.js';

export interface RestoreOptions {
  /** Replace a database that holds data (everything in it is lost). */
  force?: boolean;
  /**
   * Fingerprint of the data key the restored system will run with; a backup made under another key
   * is refused (its ID numbers could not be read). Undefined skips the check.
   */
  keyFingerprint?: string;
}

export interface RestoreReport {
  manifest: Manifest;
  tables: { name: string; rows: number }[];
  rows: number;
  /** The migration the database is at afterwards (the backup's, plus any newer ones this code ships). */
  migratedTo: string;
}

/**
 * Restores a backup into an empty database, all or nothing:
 * 1. the whole file is read and verified (layout, every table's rows and SHA-256, the overall checksum);
 * 2. in ONE transaction: the schema is rebuilt up to the backup's migration version, the rows are loaded
 *    (verified again as they stream, so a file changed in between still cannot commit), sequences are
 *    set, newer migrations applied; then commit.
 * Any failure rolls back, leaving the database as it was.
 */
export async function restoreBackup(
  pool: pg.Pool,
  file: string,
  opts: RestoreOptions = {},
): Promise<RestoreReport> {
  const manifest = await scanBackup(file);
  if (
    opts.keyFingerprint !== undefined &&
    manifest.keyFingerprint &&
    manifest.keyFingerprint !== opts.keyFingerprint
  ) {
    throw new BackupError(
      '当前的数据密钥不是做备份时使用的密钥：恢复后身份证号等加密字段将无法解密。请先放回做备份时的密钥（DATA_KEY 或 DATA_DIR/data.key）',
    );
  }
  const shipped = shippedMigrations();
  const at = locateMigration(manifest.migration, shipped);

  const client = await pool.connect();
  let copy: CopyStreamQuery | null = null;
  try {
    await client.query('begin');
    // A server still using the database holds locks: fail clearly instead of waiting forever.
    await client.query(
      `set local lock_timeout = '15s'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local timezone = 'UTC'`,
    );
    const existing = await discoverTables(client);
    const busy = await firstNonEmpty(
      client,
      existing.map((t) => t.name),
    );
    if (busy && !opts.force) {
      throw new BackupError(
        `目标数据库不是空的（表 ${busy} 已有数据）。恢复只写入空数据库；确要用备份替换其中的全部数据，请加 --force`,
      );
    }
    if (existing.length > 0 || (await schemaExists(client, 'drizzle'))) await resetSchema(client);
    await applyMigrations(client, 0, at);

    const target = new Map((await discoverTables(client)).map((t) => [t.name, new Set(t.columns)]));
    for (const t of manifest.tables) {
      const cols = target.get(t.name);
      const missing = cols ? t.columns.filter((c) => !cols.has(c)) : t.columns;
      if (!cols || missing.length) {
        throw new BackupError(
          `备份中的表 ${t.name} 与按其结构版本建立的表不符（${missing.join(', ')}），无法恢复`,
        );
      }
    }
    // Loading must not fire the tables' own triggers a second time (as pg_dump does); foreign keys stay checked.
    for (const t of manifest.tables)
      await client.query(`alter table ${quoteIdent(t.name)} disable trigger user`);

    const byName = new Map<string, TableEntry>(manifest.tables.map((t) => [t.name, t]));
    let finished: Promise<unknown> = Promise.resolve();
    await scanBackup(file, {
      async begin({ name }) {
        const t = byName.get(name);
        if (!t) throw new BackupError(`备份文件在两次读取之间被改动（表 ${name}），已拒绝`);
        const cols = t.columns.map(quoteIdent).join(', ');
        copy = client.query(copyFrom(`copy ${quoteIdent(name)} (${cols}) from stdin`));
        finished = once(copy, 'finish');
        finished.catch(() => {}); // awaited in end(); an error meanwhile also rejects the next drain
      },
      async rows(chunk) {
        if (copy && !copy.write(chunk)) await once(copy, 'drain');
      },
      async end({ name, rows }) {
        const c = copy!;
        c.end();
        await finished;
        copy = null;
        if (c.rowCount !== rows)
          throw new BackupError(`表 ${name} 载入了 ${c.rowCount} 行，备份中有 ${rows} 行`);
      },
    });
    for (const t of manifest.tables)
      await client.query(`alter table ${quoteIdent(t.name)} enable trigger user`);

    for (const s of manifest.sequences) {
      if (s.lastValue === null) continue;
      const found = await client.query(`select to_regclass($1) is not null as ok`, [
        `public.${quoteIdent(s.name)}`,
      ]);
      if (found.rows[0].ok) {
        await client.query('select setval($1::regclass, $2::bigint, $3)', [
          `public.${quoteIdent(s.name)}`,
          s.lastValue,
          s.isCalled,
        ]);
      }
    }
    await applyMigrations(client, at + 1, shipped.length - 1);
    await client.query('commit');
    const tables = manifest.tables.map((t) => ({ name: t.name, rows: t.rows }));
    return {
      manifest,
      tables,
      rows: tables.reduce((n, t) => n + t.rows, 0),
      migratedTo: shipped.at(-1)!.tag,
    };
  } catch (e) {
    // An unfinished COPY must be failed first, or the rollback would queue behind it forever.
    const open = copy as CopyStreamQuery | null;
    if (open) {
      open.destroy();
      await Promise.race([once(open, 'close').catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
    }
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** The first table (in the given order) that holds a row, or null when all are empty. */
async function firstNonEmpty(client: pg.PoolClient, tables: string[]): Promise<string | null> {
  for (const t of tables) {
    const r = await client.query(`select exists (select 1 from ${quoteIdent(t)}) as any`);
    if (r.rows[0].any) return t;
  }
  return null;
}

async function schemaExists(client: pg.PoolClient, name: string): Promise<boolean> {
  const r = await client.query('select exists (select 1 from pg_namespace where nspname = $1) as ok', [name]);
  return r.rows[0].ok;
}

/**
 * Empties the database by dropping and recreating the public schema (with its owner and grants) and
 * drizzle's bookkeeping. Dropping, unlike DELETE or TRUNCATE, is not refused by the audit log's
 * append-only trigger; it happens inside the restore's transaction, so a failed restore undoes it.
 */
async function resetSchema(client: pg.PoolClient): Promise<void> {
  const r = await client.query<{ owner: string; grants: { grantee: string; privilege: string }[] }>(
    `select n.nspowner::regrole::text as owner,
            coalesce((select json_agg(json_build_object(
                        'grantee', case when a.grantee = 0 then 'public' else a.grantee::regrole::text end,
                        'privilege', a.privilege_type))
                        from aclexplode(n.nspacl) a), '[]') as grants
       from pg_namespace n where n.nspname = 'public'`,
  );
  await client.query('drop schema if exists drizzle cascade');
  await client.query('drop schema public cascade');
  const owner = r.rows[0]?.owner;
  await client.query(`create schema public${owner ? ` authorization ${owner}` : ''}`);
  for (const g of r.rows[0]?.grants ?? []) {
    await client.query(`grant ${g.privilege} on schema public to ${g.grantee}`);
  }
}
