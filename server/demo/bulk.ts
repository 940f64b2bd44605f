import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';

const CHUNK = 5000;

/**
 * Inserts many rows with one parameter per column: `insert … select * from unnest($1::uuid[], …)`.
 * A plain multi-row insert binds one parameter per cell (20 columns × 1,000 rows) and spends most of
 * its time binding; this is several times faster for demo-sized loads. Rows must all have the same
 * keys (undefined is stored as null, so give every column its value, ids included: randomUUID()).
 * Array columns are not supported: unnest would flatten them.
 */
export async function bulkInsert<T extends PgTable>(
  exec: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; getSQLType(): string; columnType: string }
  >;
  const keys = Object.keys(rows[0]).filter((k) => k in columns);
  for (const k of keys) {
    if (columns[k].columnType === 'PgArray') {
      throw new Error(`bulkInsert: array column ${getTableName(table)}.${columns[k].name} is not supported`);
    }
  }
  const names = sql.raw(keys.map((k) => `"${columns[k].name}"`).join(', '));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK) as Record<string, unknown>[];
    const arrays: SQL[] = keys.map((k) => {
      const values = part.map((r) => r[k] ?? null);
      // One parameter holding the whole column (a bare array would expand to a list of parameters).
      return sql`${sql.param(values)}::${sql.raw(columns[k].getSQLType())}[]`;
    });
    await exec.execute(
      sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}
