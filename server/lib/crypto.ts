import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Sensitive fields (ID numbers, staged imports) are sealed with AES-256-GCM.
// Layout: version(1) | iv(12) | tag(16) | ciphertext. The keyed hash (HMAC-SHA256) finds duplicates
// without decrypting. Both keys are derived from the one data key, which is never in the database.

const VERSION = 1;

export interface Sealer {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
  keyedHash(plain: string): string;
}

export function createSealer(dataKey: Buffer): Sealer {
  if (dataKey.length !== 32) throw new Error('DATA_KEY must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'gonghui:enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'gonghui:mac', 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
      const decipher = createDecipheriv('aes-256-gcm', encKey, sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
    },
    keyedHash(plain) {
      return createHmac('sha256', macKey).update(plain, 'utf8').digest('base64url');
    },
  };
}

/** Accepts 64 hex characters or base64 of 32 bytes. */
export function parseDataKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('DATA_KEY must be 32 bytes: 64 hex characters or base64');
  return key;
}

/**
 * The embedded default keeps a generated key beside the data (mode 0600). An external database
 * must be given DATA_KEY: a key that lives only on one app server would be lost with it.
 */
export function loadDataKey(opts: { dataKey?: string; dataDir: string; external: boolean }): Buffer {
  if (opts.dataKey) return parseDataKey(opts.dataKey);
  if (opts.external) {
    throw new Error('DATA_KEY is required with DATABASE_URL (generate one: openssl rand -hex 32)');
  }
  const file = path.join(opts.dataDir, 'data.key');
  if (fs.existsSync(file)) return parseDataKey(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
