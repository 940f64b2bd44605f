import { type APIRequestContext, expect, request } from '@playwright/test';
import { idNumber } from './roster.js';
import { readState } from './state.js';

/** An API client signed in as the given account, for setting up data without the UI. */
export async function api(username: string, password: string): Promise<APIRequestContext> {
  const { baseURL } = readState();
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post('/api/auth/login', { data: { username, password } });
  expect(res.status()).toBe(200);
  return ctx;
}

/** The `data` of a successful answer; any other status fails the test with the server's message. */
export async function data<T = { id: string }>(
  res: Promise<{ ok(): boolean; status(): number; json(): Promise<unknown>; text(): Promise<string> }>,
) {
  const r = await res;
  if (!r.ok()) throw new Error(`${r.status()} ${await r.text()}`);
  return ((await r.json()) as { data: T }).data;
}

/** A joined, permanent member created through the API; its ID number encodes the birth date and seq. */
export function createMember(
  officer: APIRequestContext,
  m: { name: string; birth: string; seq: number; departmentId: string; joinedAt: string },
) {
  return data(
    officer.post('/api/members', {
      data: {
        name: m.name,
        idNumber: idNumber(m.birth, m.seq),
        departmentId: m.departmentId,
        employmentType: 'permanent',
        joinedAt: m.joinedAt,
      },
    }),
  );
}
