import type { BenchScenario } from '../types.js';
import { careWorklistsBench } from './careWorklists.js';
import { federationBench } from './federation.js';
import { frontendBench } from './frontend.js';
import { fundsBench } from './funds.js';
import { loginBench } from './login.js';
import { memberExportBench } from './memberExport.js';
import { memberImportBench } from './memberImport.js';
import { memberStatsBench } from './memberStats.js';
import { membersBench } from './members.js';
import { proposalsBench } from './proposals.js';
import { votesBench } from './votes.js';

// Every scenario, in the order they run. A module adds ONE line here (keep the order: cheap,
// small-data scenarios first; the federation-sized data set last, it loads a million rows).
export const scenarios: BenchScenario[] = [
  membersBench, // member list (page 1 and 50) and detail at 10k and 100k members
  memberStatsBench, // statistics by department
  loginBench, // sign-ins per second (argon2), apart from the ceilings
  memberExportBench, // Excel export of 10k members
  memberImportBench, // Excel import of 10k rows: upload, preview, commit
  proposalsBench, // the proposal list with 10,000 proposals (all, one state, overdue)
  votesBench, // 2,000 delegates voting in one poll, vote throughput vs INSERT, tally of a closed poll
  fundsBench, // ledger list and budget execution view at 100,000 ledger entries (20,000 in --quick)
  careWorklistsBench, // care worklists (birthdays, open events, festival), the year's figures and the care home at 10k staff
  frontendBench, // initial JS+CSS and lazy chunks of dist/web (gzip)
  federationBench, // 200 unions × 5,000 members: the per-union list must not slow down (full run only)
];
