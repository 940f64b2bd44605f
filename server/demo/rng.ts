// A small seeded PRNG (sfc32) with the helpers generators need. Never Math.random in demo code:
// the same seed must give the same union, name for name.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]; weights need not sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** n distinct items (all of them when n ≥ length), in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** A date (YYYY-MM-DD) between the two dates, both included. */
  date(from: string, to: string): string;
  /** An independent stream for a named part, so adding draws in one part leaves the others unchanged. */
  fork(name: string): Rng;
}

/** 32-bit FNV-1a of a string: turns "seed:name" into a PRNG state word. */
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function createRng(seed: number | string): Rng {
  const key = String(seed);
  let a = hash32(key, 1);
  let b = hash32(key, 2);
  let c = hash32(key, 3);
  let d = hash32(key, 4);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 still resemble the seed words.
  for (let i = 0; i < 12; i++) next();

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(choices) {
      let total = 0;
      for (const [, w] of choices) total += w;
      let r = next() * total;
      for (const [v, w] of choices) {
        r -= w;
        if (r < 0) return v;
      }
      return choices[choices.length - 1][0];
    },
    chance: (p) => next() < p,
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    sample: (items, n) => rng.shuffle(items).slice(0, n),
    date: (from, to) => isoOf(rng.int(dayOf(from), dayOf(to))),
    fork: (name) => createRng(`${key}/${name}`),
  };
  return rng;
}

/** Days between two ISO dates, for generators placing events in time. */
export function addDays(iso: string, days: number): string {
  return isoOf(dayOf(iso) + days);
}

/** The same day `months` later (earlier when negative), or the month's last day when it has none (29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
