import type { BenchScenario } from '../types.js';

// Every scenario, in the order they run. A module adds ONE line here (keep the order: cheap,
// small-data scenarios first; the federation-sized data set last, it loads a million rows).
export const scenarios: BenchScenario[] = [];
