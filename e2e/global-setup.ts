import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type E2eState, STATE_FILE } from './state.js';

// A fresh server on a fresh embedded database for the whole run; the setup link comes from its console.
export default async function globalSetup() {
  const port = process.env.E2E_PORT ?? '3999';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const env = {
    DATA_DIR: dataDir,
    PORT: port,
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? '54999',
    LOG_LEVEL: 'warn',
    // Every spec signs in several accounts from 127.0.0.1; the per-IP login limit has its own server test.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  };
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const setupUrl = await waitForSetupLink(server);
  const state: E2eState = { baseURL: `http://127.0.0.1:${port}`, setupUrl, dataDir, env };
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));

  return async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

function waitForSetupLink(server: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not print a setup link:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/(http:\/\/\S+\/setup\?token=\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before printing a setup link:\n${out}`));
    });
  });
}
