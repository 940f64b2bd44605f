import type { AuthContext } from './context.js';

// Sessions resolved in the last few seconds, so a screen's burst of requests does not pay a session
// query each. Anything that changes an account or ends a session forgets the user's entries, during
// its transaction and again after commit (a request racing the commit could otherwise cache the old
// row); the short lifetime bounds what another process (the admin CLI) can leave stale.

export interface CachedSession {
  auth: AuthContext;
  createdAt: number;
  lastSeenAt: number;
  cachedAt: number;
}

const MAX_ENTRIES = 10_000;
const entries = new Map<string, CachedSession>();

export const sessionCache = {
  get(sessionId: string, ttlMs: number, now: number): CachedSession | undefined {
    const e = entries.get(sessionId);
    if (!e) return undefined;
    if (now - e.cachedAt >= ttlMs) {
      entries.delete(sessionId);
      return undefined;
    }
    return e;
  },

  set(sessionId: string, entry: CachedSession) {
    entries.delete(sessionId);
    entries.set(sessionId, entry);
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  },

  forgetSession(sessionId: string) {
    entries.delete(sessionId);
  },

  forgetUser(userId: string) {
    for (const [id, e] of entries) if (e.auth.userId === userId) entries.delete(id);
  },
};
