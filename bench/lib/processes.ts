import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

// The app under test and the ceiling servers each run in their own child process, one Node process
// like `npm start`, while the load generator runs in the bench process: every figure and every
// ceiling is taken with the same process model, so their ratios compare like with like.

export interface ChildServer {
  name: string;
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node --import tsx <file>` on a free loopback port (HOST, PORT and whatever `env` derives
 * from the base URL) and waits until `readyPath` answers 200.
 */
export async function startChild(
  name: string,
  file: string,
  env: (baseUrl: string) => Record<string, string>,
  readyPath: string,
): Promise<ChildServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, ...env(baseUrl), HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr}`);
    try {
      const res = await fetch(baseUrl + readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${name} did not become ready in 60 s:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { name, pid: child.pid!, baseUrl, stop: () => stopChild(child) };
}

/** SIGTERM by pid (the server closes its pool), SIGKILL if it has not exited after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
