import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../common/password.js';
import type { Config } from '../config.js';
import { invalid } from './errors.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolatedModules).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verified against when the username is unknown, so both paths cost the same time.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hash('not-a-real-password', OPTIONS);
    await verify(await dummyHash, password);
    return false;
  }
  return verify(storedHash, password);
}

/** Throws a 400 naming the field when the password breaks the configured rule. */
export function assertPasswordAllowed(
  config: Config,
  password: string,
  username: string,
  field = 'password',
) {
  const problems = passwordProblems(password, username, config.password);
  if (problems.length) throw invalid(problems.map((message) => ({ path: field, message })));
}
