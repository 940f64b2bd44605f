import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/browser.js';

// Run through `npm run test:e2e` (scripts/e2e.ts), which finds the browser and sets CHROMIUM_PATH.
const port = process.env.E2E_PORT ?? '3999';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    // The app turns antd's animations off for reduced motion: on a loaded machine Playwright may
    // otherwise aim a click at a dialog button that is still zooming in, and the click lands on nothing.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
});
