import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Every spec's `test`: when a test fails, it prints what the browser met on the way (API answers of
 * 400 and above, page errors, console errors), so a red CI run says whether the server refused a step
 * or the page never sent it.
 */
export const test = base.extend<{ browserTrouble: void }>({
  browserTrouble: [
    async ({ context }, use, testInfo) => {
      const seen: string[] = [];
      const watch = (page: Page) => {
        page.on('response', async (r) => {
          if (!r.url().includes('/api/') || r.status() < 400) return;
          const body = await r.text().catch(() => '');
          seen.push(
            `${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()} ${body.slice(0, 300)}`,
          );
        });
        page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
        page.on('console', (m) => {
          if (m.type() === 'error') seen.push(`console error: ${m.text().slice(0, 300)}`);
        });
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      if (testInfo.status !== testInfo.expectedStatus && seen.length > 0) {
        const text = seen.join('\n');
        console.log(`[${testInfo.title}] what the browser met:\n${text}`);
        await testInfo.attach('browser-trouble', { body: text, contentType: 'text/plain' });
      }
    },
    { auto: true },
  ],
});
