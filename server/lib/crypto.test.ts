import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSealer, loadDataKey, parseDataKey, randomToken, sha256 } from './crypto.js';

const KEY = Buffer.alloc(32, 7);

describe('createSealer: seal and open', () => {
  const sealer = createSealer(KEY);

  it('round-trips text, Chinese included', () => {
    for (const plain of ['11010519491231002X', '张三 · 内一科', '']) {
      expect(sealer.open(sealer.seal(plain))).toBe(plain);
    }
  });

  it('uses a fresh IV each time: the same text seals differently and never in clear', () => {
    const a = sealer.seal('11010519491231002X');
    const b = sealer.seal('11010519491231002X');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 12 + 16 + 18);
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const sealed = sealer.seal('secret');
    for (const index of [sealed.length - 1, 20, 5]) {
      const bad = Buffer.from(sealed);
      bad[index] ^= 0x01;
      expect(() => sealer.open(bad), `byte ${index}`).toThrow();
    }
  });

  it('refuses an unknown version and a different key', () => {
    const sealed = sealer.seal('secret');
    const v2 = Buffer.from(sealed);
    v2[0] = 2;
    expect(() => sealer.open(v2)).toThrow(/version/);
    expect(() => createSealer(Buffer.alloc(32, 8)).open(sealed)).toThrow();
  });

  it('needs a 32-byte key', () => {
    expect(() => createSealer(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});

describe('keyedHash', () => {
  it('is stable for one key and text', () => {
    const a = createSealer(KEY).keyedHash('11010519491231002X');
    expect(createSealer(Buffer.from(KEY)).keyedHash('11010519491231002X')).toBe(a);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs by text and by key, and is not a plain hash of the text', () => {
    const s = createSealer(KEY);
    expect(s.keyedHash('a')).not.toBe(s.keyedHash('b'));
    expect(createSealer(Buffer.alloc(32, 9)).keyedHash('a')).not.toBe(s.keyedHash('a'));
    expect(s.keyedHash('a')).not.toBe(sha256('a'));
  });
});

describe('parseDataKey', () => {
  const raw = randomBytes(32);

  it('reads 64 hex characters, either case, with surrounding space', () => {
    expect(parseDataKey(raw.toString('hex')).equals(raw)).toBe(true);
    expect(parseDataKey(` ${raw.toString('hex').toUpperCase()}\n`).equals(raw)).toBe(true);
  });

  it('reads base64 of 32 bytes', () => {
    expect(parseDataKey(raw.toString('base64')).equals(raw)).toBe(true);
  });

  it.each([
    ['too short hex', randomBytes(16).toString('hex')],
    ['too long base64', randomBytes(48).toString('base64')],
    ['empty', ''],
    ['a passphrase', 'correct horse battery staple'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseDataKey(text)).toThrow(/32 bytes/);
  });
});

describe('loadDataKey', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('prefers a given DATA_KEY and writes no file', () => {
    const dir = tempDir();
    const raw = randomBytes(32);
    expect(loadDataKey({ dataKey: raw.toString('hex'), dataDir: dir, external: true }).equals(raw)).toBe(
      true,
    );
    expect(fs.existsSync(path.join(dir, 'data.key'))).toBe(false);
  });

  it('creates a 0600 key file once beside the embedded data, then reuses it', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const first = loadDataKey({ dataDir: dir, external: false });
    expect(first).toHaveLength(32);
    const file = path.join(dir, 'data.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(first.toString('hex'));
    const second = loadDataKey({ dataDir: dir, external: false });
    expect(second.equals(first)).toBe(true);
  });

  it('refuses an external database without DATA_KEY, and writes nothing', () => {
    const dir = tempDir();
    expect(() => loadDataKey({ dataDir: dir, external: true })).toThrow(/DATA_KEY is required/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a damaged key file rather than making a new key', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'data.key'), 'not a key');
    expect(() => loadDataKey({ dataDir: dir, external: false })).toThrow(/32 bytes/);
    expect(fs.readFileSync(path.join(dir, 'data.key'), 'utf8')).toBe('not a key');
  });
});

describe('sha256 and randomToken', () => {
  it('gives url-safe values; tokens do not repeat', () => {
    expect(sha256('x')).toBe(sha256('x'));
    expect(sha256('x')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()));
    expect(tokens.size).toBe(100);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
