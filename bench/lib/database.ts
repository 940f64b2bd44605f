import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type EmbeddedDb, startEmbeddedPostgres } from '../../server/db/embedded.js';

// The bench always starts from an empty database: its own embedded PostgreSQL in a temp dir, or,
// with DATABASE_URL, a new database created on that server (dropped again at the end).

export interface FreshDatabase {
  url: string;
  /** "embedded in a temp dir" or "new database on DATABASE_URL's server". */
  where: string;
  drop(): Promise<void>;
}

export async function freshDatabase(externalUrl: string | undefined): Promise<FreshDatabase> {
  if (externalUrl) {
    const name = `gonghui_bench_${Date.now().toString(36)}`;
    await adminQuery(externalUrl, `create database ${name}`);
    const u = new URL(externalUrl);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      where: `database ${name} on ${u.host}`,
      drop: () => adminQuery(externalUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-'));
  // The embedded server runs as the postgres user when we are root: it must reach the dir.
  fs.chmodSync(dir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  let embedded: EmbeddedDb;
  try {
    embedded = await startEmbeddedPostgres({ dataDir: dir, port, database: 'gonghui_bench' });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: embedded.url,
    where: `embedded PostgreSQL in ${dir}`,
    drop: async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
