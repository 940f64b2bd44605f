import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BackupError,
  FORMAT_VERSION,
  MAGIC,
  type Manifest,
  quoteIdent,
  SECTION_END,
  type SequenceEntry,
  sha256Hex,
  type TableEntry,
} from './format.js';
import { databaseMigration } from './migrations.js';
import { discoverTables } from './tables.js';

/** The version in package.json, recorded in every manifest. */
export function appVersion(): string {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

export interface BackupOptions {
  appVersion: string;
  keyFingerprint: string | null;
}

/**
 * Writes a consistent snapshot of the whole database to `outFile`: one REPEATABLE READ READ ONLY
 * transaction sees every table at the same instant while the server keeps working. The file is
 * written under a temporary name, flushed to disk and only then renamed, so a file with the final
 * name is always complete. It holds personal data: created with mode 0600.
 */
export async function writeBackup(pool: pg.Pool, outFile: string, opts: BackupOptions): Promise<Manifest> {
  const dir = path.dirname(path.resolve(outFile));
  const temp = path.join(
    dir,
    `.${path.basename(outFile)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`,
  );
  const client = await pool.connect();
  let began = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    began = true;
    // Unambiguous text for dates, intervals and floats whatever the server's defaults (as pg_dump does).
    await client.query(
      `set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; set local extra_float_digits = 3; set local timezone = 'UTC'`,
    );
    const migration = await databaseMigration(client);
    if (!migration) throw new BackupError('数据库尚未初始化（没有迁移记录），没有可备份的内容');
    const tables = await discoverTables(client);
    const sequences = await readSequences(client);
    const serverVersion = (await client.query('show server_version')).rows[0].server_version as string;

    const file = fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    const gzip = zlib.createGzip({ level: 6 });
    // A failing disk destroys gzip too, so a write waiting for 'drain' fails instead of hanging.
    const fileDone = pipeline(gzip, file);
    fileDone.catch(() => {}); // awaited below; an earlier failure surfaces in the write that hit it
    const whole = sha256Hex();
    const write = async (buf: Buffer) => {
      if (!gzip.write(buf)) await once(gzip, 'drain');
    };
    const writeLine = async (line: string, hashed = true) => {
      const buf = Buffer.from(`${line}\n`, 'utf8');
      if (hashed) whole.update(buf);
      await write(buf);
    };

    try {
      await writeLine(`${MAGIC} ${FORMAT_VERSION}`);
      const entries: TableEntry[] = [];
      for (const t of tables) {
        await writeLine(`TABLE ${JSON.stringify(t.name)}`);
        const hash = sha256Hex();
        let rows = 0;
        const cols = t.columns.map(quoteIdent).join(', ');
        const stream = client.query(copyTo(`copy ${quoteIdent(t.name)} (${cols}) to stdout`));
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          whole.update(chunk);
          for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) rows++;
          await write(chunk);
        }
        await writeLine(SECTION_END);
        entries.push({ name: t.name, columns: t.columns, rows, sha256: hash.digest('hex') });
      }
      const manifest: Manifest = {
        formatVersion: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        appVersion: opts.appVersion,
        serverVersion,
        migration,
        keyFingerprint: opts.keyFingerprint,
        tables: entries,
        sequences,
      };
      await writeLine(`MANIFEST ${JSON.stringify(manifest)}`);
      await writeLine(`END ${whole.digest('hex')}`, false);
      gzip.end();
      await fileDone;
      await fsyncPath(temp);
      await fs.promises.rename(temp, outFile);
      await fsyncPath(dir);
      return manifest;
    } catch (e) {
      gzip.destroy();
      file.destroy();
      throw e;
    }
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw e;
  } finally {
    if (began) await client.query('rollback').catch(() => {});
    client.release();
  }
}

async function readSequences(client: pg.PoolClient): Promise<SequenceEntry[]> {
  const r = await client.query<{ name: string; last_value: string | null }>(
    `select sequencename as name, last_value::text from pg_sequences where schemaname = 'public' order by 1`,
  );
  return r.rows.map((s) => ({ name: s.name, lastValue: s.last_value, isCalled: s.last_value !== null }));
}

async function fsyncPath(p: string) {
  const fh = await fs.promises.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
