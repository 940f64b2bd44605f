import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('treats an empty or blank setting as not set, so the defaults apply', () => {
    const c = loadConfig({ DATA_DIR: '', PORT: ' ', LOGIN_RATE_LIMIT_PER_MINUTE: '', DATABASE_URL: '' });
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.port).toBe(3000);
    expect(c.login.ratePerMinute).toBe(20);
    expect(c.databaseUrl).toBeUndefined();
  });

  it('uses what is set and refuses what is wrong, naming the setting', () => {
    const c = loadConfig({ DATA_DIR: '/srv/gonghui', PORT: '8080' });
    expect(c.dataDir).toBe('/srv/gonghui');
    expect(c.port).toBe(8080);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
