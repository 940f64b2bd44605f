import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { migrationsFolder } from '../db/migrate.js';
import { BackupError, type MigrationVersion } from './format.js';

// A backup records the database's migration version; a restore rebuilds the schema up to exactly that
// version inside its own transaction (drizzle's migrator opens a transaction of its own, so it cannot),
// loads the rows, then applies the newer migrations this code ships. The bookkeeping rows are written
// exactly as drizzle writes them, so the server's own migrate() afterwards finds nothing to do.

export interface ShippedMigration {
  tag: string;
  hash: string;
  createdAt: number;
  statements: string[];
}

export function shippedMigrations(): ShippedMigration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  return readMigrationFiles({ migrationsFolder }).map((m, i) => ({
    tag: journal.entries[i].tag as string,
    hash: m.hash,
    createdAt: m.folderMillis,
    statements: m.sql,
  }));
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** The database's last applied migration (drizzle orders by created_at), or null if it has none. */
export async function databaseMigration(client: Queryable): Promise<MigrationVersion | null> {
  const exists = await client.query(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists.rows[0].ok) return null;
  const r = await client.query<{ hash: string; created_at: string; n: number }>(
    `select hash, created_at::text, (select count(*)::int from drizzle.__drizzle_migrations) as n
       from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (r.rows.length === 0) return null;
  const createdAt = Number(r.rows[0].created_at);
  const tag = shippedMigrations().find((m) => m.createdAt === createdAt)?.tag ?? null;
  return { tag, hash: r.rows[0].hash, createdAt, applied: r.rows[0].n };
}

/**
 * Where the backup's version sits in this code's migrations (index of its last migration), or a
 * refusal: a backup from a newer or a different line of migrations cannot be restored by this code.
 */
export function locateMigration(version: MigrationVersion, shipped = shippedMigrations()): number {
  const name = version.tag ?? String(version.createdAt);
  const i = shipped.findIndex((m) => m.createdAt === version.createdAt);
  if (i < 0) {
    if (version.createdAt > shipped.at(-1)!.createdAt) {
      throw new BackupError(
        `备份来自更新版本的程序（数据库结构版本 ${name}），本程序不认识它；请先把程序升级到不低于做备份时的版本再恢复`,
      );
    }
    throw new BackupError(
      `备份的数据库结构版本（${name}）不在本程序的迁移记录中，二者来自不同的版本线，无法恢复`,
    );
  }
  if (shipped[i].hash !== version.hash || version.applied !== i + 1) {
    throw new BackupError(
      `备份的数据库结构版本（${shipped[i].tag}）与本程序同名迁移的内容不一致，二者来自不同的版本线，无法恢复`,
    );
  }
  return i;
}

/** Applies shipped migrations [from, to] (inclusive indexes) on the client's open transaction. */
export async function applyMigrations(client: Queryable, from: number, to: number): Promise<void> {
  await client.query('create schema if not exists drizzle');
  await client.query(
    `create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  const shipped = shippedMigrations();
  for (let i = from; i <= to; i++) {
    for (const statement of shipped[i].statements) {
      if (statement.trim()) await client.query(statement);
    }
    await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      shipped[i].hash,
      shipped[i].createdAt,
    ]);
  }
}
