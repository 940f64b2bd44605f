import type { BenchScenario } from '../types.js';
import { membersBench } from './members.js';

// Every scenario, in the order they run. A module adds ONE line here (keep the order: cheap,
// small-data scenarios first; the federation-sized data set last, it loads a million rows).
export const scenarios: BenchScenario[] = [
  membersBench, // member list (page 1 and 50) and detail at 10k and 100k members
];
