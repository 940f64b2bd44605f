import type pg from 'pg';
import type { Config } from '../config.js';
import { createSealer, loadDataKey, type Sealer } from '../lib/crypto.js';
import { createDb, createPool, type Db } from './client.js';
import { type EmbeddedDb, startEmbeddedPostgres } from './embedded.js';
import { runMigrations } from './migrate.js';

export interface OpenDatabase {
  db: Db;
  /** The pool under `db`, for work drizzle does not cover (backups stream COPY through it). */
  pool: pg.Pool;
  sealer: Sealer;
  close(): Promise<void>;
}

/** Config → data key → database (embedded or DATABASE_URL) → migrations: shared by the server and the CLIs. */
export async function openDatabase(config: Config, role: 'server' | 'cli'): Promise<OpenDatabase> {
  const external = !!config.databaseUrl;
  const sealer = createSealer(loadDataKey({ dataKey: config.dataKey, dataDir: config.dataDir, external }));
  let embedded: EmbeddedDb | undefined;
  let url = config.databaseUrl;
  if (!url) {
    if (role === 'server') console.log(`启动内置 PostgreSQL（数据目录 ${config.dataDir}）…`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, role });
    url = embedded.url;
  }
  const pool = createPool(url);
  const db = createDb(pool);
  await runMigrations(db);
  return {
    db,
    pool,
    sealer,
    async close() {
      await pool.end().catch(() => {});
      await embedded?.stop().catch(() => {});
    },
  };
}
