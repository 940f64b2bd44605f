import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, createPool } from '../db/client.js';
import { type EmbeddedDb, startEmbeddedPostgres } from '../db/embedded.js';
import { runMigrations } from '../db/migrate.js';

// One PostgreSQL for the whole run (DATABASE_URL, or an embedded one in a temp dir), one migrated
// template database; each test file clones the template, so files run in parallel on clean data.
export const TEMPLATE = 'gonghui_test_template';

let embedded: EmbeddedDb | undefined;
let tmp: string | undefined;

export default async function setup(project: TestProject) {
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-test-'));
    fs.chmodSync(tmp, 0o755);
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = await startEmbeddedPostgres({ dataDir: tmp, port, database: 'postgres' });
    baseUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE}`);
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  const templateUrl = withDatabase(baseUrl, TEMPLATE);
  const pool = createPool(templateUrl, 1);
  await runMigrations(createDb(pool));
  await pool.end();
  project.provide('pgBaseUrl', baseUrl);

  return async () => {
    await embedded?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgBaseUrl: string;
  }
}
