import autocannon from 'autocannon';
import type { LoadOptions, LoadRequest, LoadStats } from '../types.js';
import { percentile } from './stats.js';

// One bounded autocannon run on loopback. Latency percentiles come from every response's own
// time (autocannon's histogram has no p95), so ceilings and scenarios are measured the same way.

export interface LoadDefaults {
  connections: number;
  seconds: number;
}

export async function runLoad(
  baseUrl: string,
  request: LoadRequest,
  opts: LoadOptions,
  defaults: LoadDefaults,
): Promise<LoadStats & { samples: number[] }> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.cookie) headers.cookie = request.cookie;
  // The guard refuses a write without a same-origin Origin (CSRF); reads do not need it.
  headers.origin = baseUrl;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] = 'application/json';
  }
  const pathFor = request.pathFor;
  const requestFor = request.requestFor;
  const seconds = opts.seconds ?? defaults.seconds;
  const samples: number[] = [];
  let failures = 0;
  const started = performance.now();
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: baseUrl,
        connections: opts.connections ?? defaults.connections,
        duration: seconds,
        // autocannon ends a run at its next sample tick (1 s by default), so a 0.5 s run took 1 s and
        // a 1.5 s one 2 s; its own samples are not used here, only the stop.
        sampleInt: 100,
        timeout: 30,
        requests: [
          {
            method: request.method ?? 'GET',
            path: request.path,
            headers,
            body,
            ...(pathFor ? { setupRequest: (req: object) => ({ ...req, path: pathFor() }) } : {}),
            ...(requestFor
              ? {
                  setupRequest: (req: object) => {
                    const next = requestFor();
                    const own = (req as { headers?: Record<string, string> }).headers;
                    return { ...req, path: next.path, headers: { ...own, ...next.headers } };
                  },
                }
              : {}),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    samples.push(ms);
    if (statusCode < 200 || statusCode >= 300) failures++;
  });
  const result = await done;
  const elapsed = (performance.now() - started) / 1000;
  samples.sort((a, b) => a - b);
  return { ...summarise(samples, elapsed, failures + result.errors + result.timeouts), samples };
}

/** Figures from sorted latency samples taken over `seconds`. */
export function summarise(sorted: number[], seconds: number, failures: number): LoadStats {
  return {
    requests: sorted.length,
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    failures,
  };
}
