// npm start [-- --demo]: build the web app when it is missing or older than its sources, then start the server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/main.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist', 'web', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

async function main() {
  const sources = Math.max(newestMtime(path.join(root, 'web')), newestMtime(path.join(root, 'common')));
  if (!fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < sources) {
    console.log('构建前端…');
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  await startServer({ demo: process.argv.includes('--demo') });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
