import path from 'node:path';
import { z } from 'zod';

// Every setting, from the environment. README lists them; keep the two in step.
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .transform((v) => v === 'true' || v === '1')
  .default(false);
const int = (def: number, min = 1, max = 1_000_000_000) =>
  z.coerce.number().int().min(min).max(max).default(def);

const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000, 0, 65535),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  DATA_KEY: z.string().optional(),
  EMBEDDED_PG_PORT: int(54329, 1024, 65535),
  TRUST_PROXY: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: int(30),
  SESSION_ABSOLUTE_HOURS: int(12),
  SESSION_CACHE_SECONDS: int(5, 0, 60),
  LOGIN_MAX_FAILURES: int(5),
  LOGIN_FAILURE_WINDOW_MINUTES: int(15),
  LOGIN_LOCK_MINUTES: int(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: int(20),
  PASSWORD_MIN_LENGTH: int(10, 6, 128),
  PASSWORD_MIN_CLASSES: int(3, 1, 4),
  BODY_LIMIT_BYTES: int(1_048_576),
  IMPORT_MAX_BYTES: int(10 * 1_048_576),
  BACKUP_DIR: z.string().default(''),
  BACKUP_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'BACKUP_AT must be HH:MM (24-hour local time)')
    .default('02:30'),
  BACKUP_KEEP: int(14, 1, 10_000),
});

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dataKey: string | undefined;
  embeddedPgPort: number;
  trustProxy: boolean;
  logLevel: string;
  /** cacheMs: how long a resolved session is reused without a query; 0 = never. */
  session: { idleMs: number; absoluteMs: number; cacheMs: number };
  login: { maxFailures: number; windowMs: number; lockMs: number; ratePerMinute: number };
  password: { minLength: number; minClasses: number };
  bodyLimit: number;
  importMaxBytes: number;
  /** Daily backups; dir undefined = off. */
  backup: { dir: string | undefined; at: string; keep: number };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `DATA_DIR=` in a service file means "not set": an empty DATA_DIR would otherwise put the
  // database and its key into the working directory, and an empty PORT would pick a random port.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const minute = 60_000;
  return {
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`).replace(
      /\/$/,
      '',
    ),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    dataKey: e.DATA_KEY || undefined,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    session: {
      idleMs: e.SESSION_IDLE_MINUTES * minute,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 60 * minute,
      cacheMs: e.SESSION_CACHE_SECONDS * 1000,
    },
    login: {
      maxFailures: e.LOGIN_MAX_FAILURES,
      windowMs: e.LOGIN_FAILURE_WINDOW_MINUTES * minute,
      lockMs: e.LOGIN_LOCK_MINUTES * minute,
      ratePerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    password: { minLength: e.PASSWORD_MIN_LENGTH, minClasses: e.PASSWORD_MIN_CLASSES },
    bodyLimit: e.BODY_LIMIT_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    backup: {
      dir: e.BACKUP_DIR ? path.resolve(e.BACKUP_DIR) : undefined,
      at: e.BACKUP_AT,
      keep: e.BACKUP_KEEP,
    },
  };
}
