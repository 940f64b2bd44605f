import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createPool } from '../db/client.js';
import { withDatabase } from '../test/globalSetup.js';
import { quoteIdent } from './format.js';
import { discoverTables } from './tables.js';

// Test helpers of backup and restore: empty databases and a per-table fingerprint of their content.

/**
 * A new database made WITHOUT the migrated template (truly empty: no tables, no migrations), and a
 * pool on it; dropped after the test file.
 */
export async function emptyDatabase(): Promise<pg.Pool> {
  const base = inject('pgBaseUrl');
  const name = `gonghui_restore_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const pool = createPool(withDatabase(base, name), 3);
  afterAll(async () => {
    await pool.end();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return pool;
}

export interface TableFingerprint {
  rows: number;
  /** md5 of the table's rows as text, in a fixed order, computed by PostgreSQL. */
  md5: string;
}

/** Every public table's row count and content hash, plus every sequence's position. */
export async function fingerprint(pool: pg.Pool): Promise<Record<string, TableFingerprint | string | null>> {
  const client = await pool.connect();
  try {
    const out: Record<string, TableFingerprint | string | null> = {};
    for (const t of await discoverTables(client)) {
      const q = quoteIdent(t.name);
      const r = await client.query<{ rows: number; md5: string }>(
        `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${q} t`,
      );
      out[t.name] = r.rows[0];
    }
    const seqs = await client.query<{ name: string; v: string | null }>(
      `select sequencename as name, last_value::text as v from pg_sequences where schemaname = 'public'`,
    );
    for (const s of seqs.rows) out[`sequence ${s.name}`] = s.v;
    return out;
  } finally {
    client.release();
  }
}

/** Total rows over all public tables. */
export async function totalRows(pool: pg.Pool): Promise<number> {
  let n = 0;
  for (const v of Object.values(await fingerprint(pool))) if (v && typeof v === 'object') n += v.rows;
  return n;
}
