import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Sealer } from '../lib/crypto.js';

// One backup file is gzip of this text layout (every line ends with \n):
//
//   GONGHUI-BACKUP 1
//   TABLE "orgs"                  one section per table, in dependency order
//   <rows in COPY text format>    one line per row (COPY escapes newlines inside values)
//   \.                            end of the section (a data line can never be exactly "\.")
//   …
//   MANIFEST {json}               versions, row counts and a SHA-256 per table (see Manifest)
//   END <sha256 hex>              SHA-256 of every byte above this line
//
// The END line comes last, so a truncated file never verifies; the table checksums are checked
// while the rows stream by, so corruption is found before a restore commits.

export const FORMAT_VERSION = 1;
export const MAGIC = 'GONGHUI-BACKUP';
export const SECTION_END = '\\.';

export interface TableEntry {
  name: string;
  /** The columns in the order of the COPY rows (generated columns are never stored). */
  columns: string[];
  rows: number;
  /** SHA-256 (hex) of the table's COPY text. */
  sha256: string;
}

export interface SequenceEntry {
  name: string;
  /** null: the sequence was never used. */
  lastValue: string | null;
  isCalled: boolean;
}

export interface MigrationVersion {
  /** Journal tag of the last applied migration, e.g. "0001_audit_append_only"; null if this code does not know it. */
  tag: string | null;
  /** drizzle's hash (SHA-256 of the migration file) and created_at (the journal's `when`). */
  hash: string;
  createdAt: number;
  /** How many migrations the database had applied. */
  applied: number;
}

export interface Manifest {
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  serverVersion: string;
  migration: MigrationVersion;
  /** Tells whether a restore runs with the same data key; the key itself is never in a backup. */
  keyFingerprint: string | null;
  /** In load order: a table comes after the tables it references. */
  tables: TableEntry[];
  sequences: SequenceEntry[];
}

/** A backup or restore refused for a reason the operator can act on; the message is for them (Chinese). */
export class BackupError extends Error {}

/** Identifies the data key without revealing it: a keyed hash of a fixed label. */
export function keyFingerprint(sealer: Sealer): string {
  return sealer.keyedHash('gonghui:backup-key-fingerprint').slice(0, 16);
}

export const sha256Hex = () => createHash('sha256');

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface TableVisitor {
  begin(entry: { name: string }): Promise<void>;
  /** Complete COPY lines, each ending with \n. */
  rows(chunk: Buffer): Promise<void>;
  end(entry: { name: string; rows: number; sha256: string }): Promise<void>;
}

const corrupt = (why: string) =>
  new BackupError(`备份文件已损坏或被改动（${why}），已拒绝，数据库未做任何更改`);
const truncated = () => new BackupError('备份文件不完整（可能被截断或仍在写入），已拒绝，数据库未做任何更改');

/**
 * Reads a backup file from start to end, checking its layout, every table's row count and SHA-256
 * and the checksum of the whole content. Rows go to the visitor as they are read (a restore loads
 * them); nothing read may be trusted until this resolves, so a loader must stay inside a transaction
 * it rolls back when this throws. Returns the manifest of a file that verified.
 */
export async function scanBackup(file: string, visitor?: TableVisitor): Promise<Manifest> {
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch {
    throw new BackupError(`无法读取备份文件：${file}`);
  }
  const gunzip = zlib.createGunzip();
  input.pipe(gunzip);
  input.on('error', (e) => gunzip.destroy(e));

  const whole = sha256Hex();
  // Declared with `as`: the helpers below change these, which narrowing by assignment would not see.
  let state = 'magic' as 'magic' | 'header' | 'rows' | 'after-manifest' | 'done';
  let table = null as { name: string; rows: number; hash: ReturnType<typeof sha256Hex> } | null;
  const seen: { name: string; rows: number; sha256: string }[] = [];
  let manifest = null as Manifest | null;
  let endSum = null as string | null;
  let pending: Buffer = Buffer.alloc(0);

  const headerLine = async (line: string) => {
    if (state === 'magic') {
      if (line !== `${MAGIC} ${FORMAT_VERSION}`) {
        throw line.startsWith(MAGIC)
          ? new BackupError(`不支持的备份格式版本（${line}），请用生成它的程序版本恢复`)
          : new BackupError('这不是 gonghui 的备份文件');
      }
      state = 'header';
    } else if (state === 'header' && line.startsWith('TABLE ')) {
      const name = parseJson<string>(line.slice(6), '表头');
      if (typeof name !== 'string') throw corrupt('表头');
      table = { name, rows: 0, hash: sha256Hex() };
      await visitor?.begin({ name });
      state = 'rows';
    } else if (state === 'header' && line.startsWith('MANIFEST ')) {
      manifest = parseJson<Manifest>(line.slice(9), '清单');
      state = 'after-manifest';
    } else if (state === 'after-manifest' && line.startsWith('END ')) {
      endSum = line.slice(4);
      state = 'done';
    } else {
      throw corrupt('结构');
    }
  };

  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (state === 'done') throw corrupt('结尾之后还有内容');
      const data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let pos = 0;
      // In a table section, consecutive rows are handed on as one slice.
      let runStart = -1;
      const flushRun = async (upTo: number) => {
        if (runStart < 0 || !table) return;
        const run = data.subarray(runStart, upTo);
        whole.update(run);
        table.hash.update(run);
        runStart = -1;
        await visitor?.rows(run);
      };
      for (;;) {
        const nl = data.indexOf(10, pos);
        if (nl < 0) break;
        if (state === 'rows' && table) {
          const isEnd = nl - pos === 2 && data[pos] === 0x5c && data[pos + 1] === 0x2e;
          if (!isEnd) {
            if (runStart < 0) runStart = pos;
            table.rows++;
            pos = nl + 1;
            continue;
          }
          await flushRun(pos);
          whole.update(data.subarray(pos, nl + 1));
          const done = { name: table.name, rows: table.rows, sha256: table.hash.digest('hex') };
          seen.push(done);
          table = null;
          state = 'header';
          await visitor?.end(done);
          pos = nl + 1;
          continue;
        }
        const line = data.subarray(pos, nl).toString('utf8');
        if (!line.startsWith('END ')) whole.update(data.subarray(pos, nl + 1));
        await headerLine(line);
        pos = nl + 1;
      }
      await flushRun(pos);
      pending = data.subarray(pos);
      // A very long pending tail outside a row means the file is not ours or is damaged.
      if (state !== 'rows' && pending.length > 64 * 1024 * 1024) throw corrupt('行过长');
    }
  } catch (e) {
    input.destroy();
    if (e instanceof BackupError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(String((e as Error).message))) throw truncated();
    if (typeof code === 'string' && code.startsWith('Z_')) throw corrupt('解压失败');
    throw e;
  }

  if (state !== 'done' || pending.length > 0 || !manifest || !endSum) throw truncated();
  if (whole.digest('hex') !== endSum) throw corrupt('整体校验和不符');
  const m = manifest;
  if (m.formatVersion !== FORMAT_VERSION || !Array.isArray(m.tables)) throw corrupt('清单');
  if (m.tables.length !== seen.length) throw corrupt('表的数量与清单不符');
  m.tables.forEach((t, i) => {
    const s = seen[i];
    if (t.name !== s.name) throw corrupt(`表 ${s.name} 与清单不符`);
    if (t.rows !== s.rows) throw corrupt(`表 ${t.name} 的行数 ${s.rows} 与清单的 ${t.rows} 不符`);
    if (t.sha256 !== s.sha256) throw corrupt(`表 ${t.name} 的校验和不符`);
  });
  return m;
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw corrupt(what);
  }
}
