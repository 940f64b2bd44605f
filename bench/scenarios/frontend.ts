import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle } from '../lib/frontend.js';
import type { BenchScenario, Result } from '../types.js';

// The web app's weight: the initial JavaScript and CSS of dist/web/index.html (gzip) against
// the 400 KB target, each lazy chunk, and whether chart or Excel code slipped into the first screen.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webDir = path.join(root, 'dist', 'web');
const TARGET = 400 * 1024;

export const frontendBench: BenchScenario = {
  name: 'frontend',
  quick: true,
  async setup(ctx) {
    if (fs.existsSync(path.join(webDir, 'index.html'))) return;
    ctx.log('dist/web is missing: building the web app with vite…');
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  },
  async run(ctx) {
    const built = fs.statSync(path.join(webDir, 'index.html')).mtime.toISOString();
    const { initial, lazy } = measureBundle(webDir);
    const total = initial.reduce((a, f) => a + f.gzip, 0);
    const heavy = initial.flatMap((f) => f.heavy.map((h) => `${h} in ${f.file}`));
    ctx.log(`front end (dist/web built ${built}): initial files ${initial.map((f) => f.file).join(', ')}`);
    const results: Result[] = [
      {
        scenario: 'front end: initial JS+CSS (gzip)',
        size: `${initial.length} files`,
        bytes: total,
        targets: [
          { label: '≤400KB', ok: total <= TARGET },
          { label: 'no charts/Excel code', ok: heavy.length === 0 },
        ],
        note: heavy.length ? heavy.join(', ') : undefined,
      },
    ];
    for (const f of lazy.sort((a, b) => b.gzip - a.gzip)) {
      results.push({
        scenario: `  lazy ${f.file.replace(/^assets\//, '')}`,
        bytes: f.gzip,
        note: f.heavy.length ? f.heavy.join(', ') : undefined,
      });
    }
    return results;
  },
};
