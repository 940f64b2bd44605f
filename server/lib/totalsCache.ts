// Totals of filtered lists and aggregates over them, kept for a short while. Counting 100,000 rows on
// every page turn costs far more than the page itself; they only change when the records are written.
// Values are shared between callers: treat them as read-only.
//
// A writer calls `invalidate(scope)` after its transaction ends. A count computed while a write was
// committing is not stored (the scope's generation moved), so the cache never keeps a total older
// than the last write made through this process; the lifetime bounds writes made elsewhere.

const MAX_ENTRIES = 5_000;
const entries = new Map<string, { value: unknown; at: number; generation: number }>();
const generations = new Map<string, number>();

export const totalsCache = {
  async get<T>(scope: string, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
    const id = `${scope}\u0000${key}`;
    const generation = generations.get(scope) ?? 0;
    const hit = entries.get(id);
    if (hit && hit.generation === generation && Date.now() - hit.at < ttlMs) return hit.value as T;
    const value = await compute();
    if (ttlMs > 0 && (generations.get(scope) ?? 0) === generation) {
      entries.delete(id);
      entries.set(id, { value, at: Date.now(), generation });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    }
    return value;
  },

  invalidate(scope: string) {
    generations.set(scope, (generations.get(scope) ?? 0) + 1);
  },
};
