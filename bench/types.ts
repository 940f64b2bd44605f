import type pg from 'pg';
import type { Role } from '../common/permissions.js';
import type { Db } from '../server/db/client.js';
import type { Sealer } from '../server/lib/crypto.js';

// The contract between the harness (bench/run.ts) and a scenario module (bench/scenarios/*.ts).
// A module exports one BenchScenario and adds one line to bench/scenarios/index.ts.

/** The three machine ceilings every load scenario is compared with, measured in the same run. */
export type CeilingKind = 'constant' | 'select' | 'insert';

/** One HTTP request shape for the load generator. */
export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path on the app under test, e.g. /api/members?page=1. */
  path: string;
  /** Picks a fresh path for every request (e.g. a random member id); overrides `path`. */
  pathFor?: () => string;
  /** Picks a fresh path and extra headers (e.g. another user's cookie) for every request; overrides both. */
  requestFor?: () => { path: string; headers?: Record<string, string> };
  /** JSON body; sent with content-type application/json. */
  body?: unknown;
  /** Sign the request in with this cookie (see ctx.cookie); writes also get a same-origin Origin. */
  cookie?: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  /** Concurrent connections (clients); default 20. */
  connections?: number;
  /** Seconds of load; default from the run (short in --quick). */
  seconds?: number;
}

/** What one bounded load run measured. Latencies are milliseconds. */
export interface LoadStats {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses that were not 2xx, and socket errors/timeouts; a scenario with any is reported as broken. */
  failures: number;
}

/** A pass/fail mark printed beside a figure; never asserted. */
export interface Target {
  label: string;
  ok: boolean;
}

/** One row of the printed table and of the JSON file. */
export interface Result {
  scenario: string;
  /** The data size the figure was taken at, e.g. "10k members". */
  size?: string;
  conc?: number;
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  /** Throughput as a fraction of `ceiling`, from alternated runs. */
  ratio?: number;
  ceiling?: CeilingKind;
  /** A wall time in ms (imports, exports). */
  wallMs?: number;
  /** A size in bytes (front end bundles). */
  bytes?: number;
  targets?: Target[];
  note?: string;
}

/** A member union loaded for benchmarking (members written with the same shape the app writes). */
export interface BenchUnion {
  orgId: string;
  name: string;
  size: number;
  departments: { id: string; name: string }[];
  memberIds: string[];
}

export interface BenchContext {
  quick: boolean;
  /** Base URL of the app under test (a child process running server/main.ts), e.g. http://127.0.0.1:40123. */
  baseUrl: string;
  /** Direct database access for setup and EXPLAIN (never for the measured requests). */
  db: Db;
  pool: pg.Pool;
  /** The same sealer the app under test uses (same DATA_KEY). */
  sealer: Sealer;
  /** A union of `size` members, loaded once and shared by every scenario that asks for that size. */
  union(size: number): Promise<BenchUnion>;
  /** A user with these roles in the org, signed in through /api/auth/login: the Cookie header value. */
  cookie(orgId: string, roles: Role[]): Promise<string>;
  /** One bounded autocannon run on loopback against the app under test. */
  load(request: LoadRequest, opts?: LoadOptions): Promise<LoadStats>;
  /**
   * Alternates ceiling and scenario runs (ceiling, scenario, ceiling, …, ceiling) and returns the
   * scenario's figures with its ratio to the mean of the ceiling runs on either side of each run.
   */
  compare(
    ceiling: CeilingKind,
    request: LoadRequest,
    opts?: LoadOptions,
  ): Promise<LoadStats & { ratio: number; ceilingRps: number }>;
  /** Wall time of one operation, in ms, with its result. */
  timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }>;
  /** Prints a line now and keeps it in the JSON notes (plans, explanations). */
  log(text: string): void;
}

export interface BenchScenario {
  /** Short, unique, kebab-case; `--only <name>` selects it. */
  name: string;
  /** Runs in `--quick` too (keep it to a few seconds there: read ctx.quick to scale down). */
  quick: boolean;
  /** Untimed preparation (data loading, logins). */
  setup?(ctx: BenchContext): Promise<void>;
  run(ctx: BenchContext): Promise<Result[]>;
}
