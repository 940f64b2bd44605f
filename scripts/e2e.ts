// npm run test:e2e: find a Chromium (never download one), build the web app if needed, run Playwright.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { findChromium } from '../e2e/browser.js';

const chromium = await findChromium();
if (!chromium) {
  console.error(`找不到 Chromium，端到端测试无法运行。任选其一：
  - Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk
  - 设置 CHROMIUM_PATH=/path/to/chromium
  - 或在可联网的机器上运行 npx playwright install chromium`);
  process.exit(1);
}
if (!fs.existsSync('dist/web/index.html')) {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(r.status ?? 1);
