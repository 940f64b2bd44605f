import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { setupTestApp, type TestContext } from './test/helpers.js';

// The server as npm start builds it: with the web app's files beside the API.
let ctx: TestContext;
let web: Awaited<ReturnType<typeof buildApp>>;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(webDir, 'index.html'), '<html lang="zh-CN"><body>app</body></html>');
  fs.mkdirSync(path.join(webDir, 'assets'));
  ctx = await setupTestApp();
  web = await buildApp(ctx.deps, { webDir });
  // A file written after start-up (a rebuilt web app) is served too.
  fs.writeFileSync(path.join(webDir, 'assets', 'late.js'), 'console.log(1)');
});
afterAll(async () => {
  await web.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves files present or added later, and index.html for client routes', async () => {
    const js = await web.inject({ method: 'GET', url: '/assets/late.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    const page = await web.inject({ method: 'GET', url: '/members/123' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="zh-CN"');
  });

  it('answers an unknown API path with a JSON 404, signed in or not', async () => {
    const res = await web.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
