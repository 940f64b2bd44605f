import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

// `date` columns stay strings (YYYY-MM-DD): a business date has no time zone to drift in.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// count(*) and bigint come back as strings by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a repository can run SQL on: the pool-backed db or an open transaction. */
export type Executor = Db | Tx;

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'gonghui' });
  // An idle client losing its connection (database restart) must not crash the server.
  pool.on('error', () => {});
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}
