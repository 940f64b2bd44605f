import fs from 'node:fs';

/** The Chromium the end-to-end tests drive: CHROMIUM_PATH, Debian's, or one Playwright installed. */
export async function findChromium(): Promise<string | null> {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && fs.existsSync(c)) return c;
  try {
    const { chromium } = await import('@playwright/test');
    const p = chromium.executablePath();
    if (p && fs.existsSync(p)) return p;
  } catch {
    // no Playwright browser installed
  }
  return null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];
