import type { ProposalState, SimilarProposalView } from '../../../common/schemas/proposal.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import type { AuthContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { proposalsRepository as repo } from './proposals.repository.js';

// Reviewing a proposal shows earlier ones about the same thing. pg_trgm ranks titles in the database
// when the extension is installed; otherwise titles are compared here by the overlap of their
// character pairs (Chinese has no spaces, so pairs are the tokens).

const LIMIT = 5;
const FALLBACK_CANDIDATES = 2000;
const MIN_SCORE = 0.1;

let trigram: Promise<boolean> | undefined;
function hasTrigram(exec: Executor) {
  trigram ??= repo.hasTrigram(exec).catch(() => false);
  return trigram;
}

/** Character bigrams of the CJK runs plus whole Latin/number words. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  const clean = text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ');
  for (const word of clean.split(' ')) {
    if (!word) continue;
    if (/^[a-z0-9]+$/.test(word)) {
      out.add(word);
      continue;
    }
    const chars = [...word];
    if (chars.length === 1) out.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Jaccard overlap of the two token sets, 0..1. */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return common / (a.size + b.size - common);
}

export async function similarProposals(
  deps: Deps,
  auth: AuthContext,
  id: string,
): Promise<SimilarProposalView[]> {
  const p = await repo.find(deps.db, auth.orgId, id);
  if (!p || p.state === 'draft' || p.state === 'awaitingCosigners') throw notFound();
  const view = (r: { p: typeof p; meetingTitle: string }, score: number): SimilarProposalView => ({
    id: r.p.id,
    number: r.p.number,
    title: r.p.title,
    state: r.p.state as ProposalState,
    meetingTitle: r.meetingTitle,
    score: Math.round(score * 100) / 100,
  });
  if (await hasTrigram(deps.db)) {
    const rows = await repo.similarByTrigram(deps.db, auth.orgId, p, LIMIT);
    return rows.map((r) => view(r, Number(r.score)));
  }
  const mine = tokens(p.title);
  return (await repo.earlierTitles(deps.db, auth.orgId, p, FALLBACK_CANDIDATES))
    .map((r) => ({ r, score: overlap(mine, tokens(r.p.title)) }))
    .filter((x) => x.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, LIMIT)
    .map((x) => view(x.r, x.score));
}
