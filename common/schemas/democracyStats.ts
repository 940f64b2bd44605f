import { z } from 'zod';
import type { DisclosureStats } from './disclosure.js';
import { yearQuery } from './suggestion.js';

export const democracyStatsQuery = z.strictObject({ year: yearQuery });

/** The year's democratic management in figures; each one has a list behind it in the web app. */
export interface DemocracyStats {
  year: number;
  /** Proposals of the congress meetings held in the year. */
  proposals: {
    submitted: number;
    accepted: number;
    notAccepted: number;
    /** Accepted proposals linked to a topic, and the number of topics they make. */
    merged: number;
    topics: number;
    answered: number;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
  };
  suggestions: {
    submitted: number;
    adopted: number;
    declined: number;
    /** Adopted among those decided, in percent with one decimal; null before any decision. */
    adoptionRate: number | null;
    answered: number;
  };
  forums: { held: number; issuesRaised: number; issuesSolved: number };
  disclosures: DisclosureStats;
  /** Members (status 会员) who sent at least one suggestion or proposal in the year. */
  participation: { members: number; participants: number; rate: number | null };
}
