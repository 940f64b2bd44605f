import type { PollBase, PollThreshold } from '../../../common/schemas/poll.js';

// The arithmetic of a result: base, required majority, passed, elected. Pure, so it is tested alone.

/** Votes needed: more than half (> 1/2) or at least two thirds (≥ 2/3) of the base. */
export function requiredVotes(base: number, threshold: PollThreshold): number {
  if (base <= 0) return 1;
  return threshold === 'moreThanHalf' ? Math.floor(base / 2) + 1 : Math.ceil((base * 2) / 3);
}

export function baseCount(
  base: PollBase,
  counts: { entitled: number; present: number; cast: number },
): number {
  if (base === 'fullDelegates') return counts.entitled;
  if (base === 'present') return counts.present;
  return counts.cast;
}

export interface Tallied {
  id: string;
  votes: number;
}

/**
 * The candidates elected: those reaching the required votes, most votes first, up to the seats.
 * A tie across the last seat elects none of the tied: the seat goes to another round.
 */
export function electedIds(candidates: readonly Tallied[], seats: number, required: number): Set<string> {
  const qualified = candidates.filter((c) => c.votes >= required).sort((a, b) => b.votes - a.votes);
  if (qualified.length <= seats) return new Set(qualified.map((c) => c.id));
  const cutoff = qualified[seats - 1].votes;
  const above = qualified.filter((c) => c.votes > cutoff);
  const atCutoff = qualified.filter((c) => c.votes === cutoff);
  const taken = above.length + atCutoff.length <= seats ? [...above, ...atCutoff] : above;
  return new Set(taken.map((c) => c.id));
}
