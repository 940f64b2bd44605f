import type { DemocracyStats } from '../../../common/schemas/democracyStats.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { disclosuresService } from '../disclosures/disclosures.service.js';
import { democracyStatsRepository as repo } from './democracyStats.repository.js';

/** Percent with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export async function democracyStats(deps: Deps, auth: AuthContext, year: number): Promise<DemocracyStats> {
  const db = deps.db;
  const [p, s, f, part, disclosures] = await Promise.all([
    repo.proposals(db, auth.orgId, year),
    repo.suggestions(db, auth.orgId, year),
    repo.forums(db, auth.orgId, year),
    repo.participation(db, auth.orgId, year),
    disclosuresService.stats(deps, auth, year),
  ]);
  return {
    year,
    proposals: {
      submitted: p.submitted,
      accepted: p.accepted,
      notAccepted: p.notAccepted,
      merged: p.merged,
      topics: p.topics,
      answered: p.answered,
      satisfied: p.satisfied,
      basicallySatisfied: p.basicallySatisfied,
      dissatisfied: p.dissatisfied,
    },
    suggestions: {
      submitted: s.submitted,
      adopted: s.adopted,
      declined: s.declined,
      adoptionRate: percent(s.adopted, s.adopted + s.declined),
      answered: s.answered,
    },
    forums: { held: f.held, issuesRaised: f.issuesRaised, issuesSolved: f.issuesSolved },
    disclosures,
    participation: { ...part, rate: percent(part.participants, part.members) },
  };
}
