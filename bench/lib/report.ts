import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result } from '../types.js';

// The printed table and the JSON file of one run.

export interface Machine {
  cpuModel: string;
  cpus: number;
  ramGiB: number;
  node: string;
  postgres: string;
  os: string;
}

export function machineInfo(postgres: string): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.ramGiB} GiB RAM, Node ${m.node}, PostgreSQL ${m.postgres}, ${m.os}`;
}

const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '' : v < 10 ? v.toFixed(2) : v.toFixed(1);

function timeOrSize(r: Result): string {
  if (r.wallMs !== undefined) return `${(r.wallMs / 1000).toFixed(2)} s`;
  if (r.bytes !== undefined) return `${(r.bytes / 1024).toFixed(1)} KB`;
  return '';
}

export const COLUMNS = [
  'scenario',
  'size',
  'conc',
  'rps',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'ratio',
  'time/size',
  'target',
];

export function tableRow(r: Result): string[] {
  return [
    r.scenario,
    r.size ?? '',
    r.conc === undefined ? '' : String(r.conc),
    r.rps === undefined ? '' : r.rps.toFixed(0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×${r.ceiling}`,
    timeOrSize(r),
    (r.targets ?? []).map((t) => `${t.ok ? '✓' : '✗'} ${t.label}`).join('  ') +
      (r.note ? `  (${r.note})` : ''),
  ];
}

/** A plain text table; column widths count characters (the figures are ASCII, names English). */
export function formatTable(results: Result[]): string {
  const rows = [COLUMNS, ...results.map(tableRow)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const numeric = new Set([2, 3, 4, 5, 6]);
  const line = (r: string[]) =>
    r
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function writeJson(
  dir: string,
  data: { machine: Machine; quick: boolean; startedAt: string; results: Result[]; notes: string[] },
): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${data.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
