import fs from 'node:fs';
import path from 'node:path';

// What the global setup learned (the server's address, its setup link) for the specs to read.
export interface E2eState {
  baseURL: string;
  setupUrl: string;
  dataDir: string;
  env: Record<string, string>;
}

export const STATE_FILE = path.resolve('test-results', 'e2e-state.json');

export function readState(): E2eState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
}
