import type { Role } from '../../common/permissions.js';
import type { Db } from '../../server/db/client.js';
import { users } from '../../server/db/schema/index.js';
import { hashPassword } from '../../server/lib/password.js';

// Signed-in users for the scenarios: created directly in the database (no setup flow to click
// through), then signed in over HTTP like a browser, so the cookie is a real session.

export const BENCH_PASSWORD = 'Bench-Passw0rd!';
let passwordHash: Promise<string> | undefined;
let serial = 0;

export async function createBenchUser(db: Db, orgId: string, roles: Role[]): Promise<string> {
  passwordHash ??= hashPassword(BENCH_PASSWORD);
  const username = `bench${Date.now().toString(36)}${(serial++).toString(36)}`;
  await db.insert(users).values({
    orgId,
    username,
    displayName: `基准测试${serial}`,
    passwordHash: await passwordHash,
    roles,
    mustChangePassword: false,
  });
  return username;
}

/** POST /api/auth/login; returns the Cookie header value (gh_session=…). */
export async function signIn(baseUrl: string, username: string, password = BENCH_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('gh_session='));
  if (!session) throw new Error('login answered without a session cookie');
  return session.split(';')[0];
}
