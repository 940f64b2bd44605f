import { aidGenerator } from './generators/aid.js';
import { checkupsGenerator } from './generators/checkups.js';
import { congressGenerator } from './generators/congress.js';
import { donationsGenerator } from './generators/donations.js';
import { duesGenerator } from './generators/dues.js';
import { fundsCloseGenerator, fundsGenerator } from './generators/funds.js';
import { hardshipGenerator } from './generators/hardship.js';
import { membersGenerator } from './generators/members.js';
import { mutualAidGenerator } from './generators/mutualAid.js';
import { organisationGenerator } from './generators/organisation.js';
import { participationGenerator } from './generators/participation.js';
import { proposalsGenerator } from './generators/proposals.js';
import { usersGenerator } from './generators/users.js';
import { visitsGenerator } from './generators/visits.js';
import type { DemoGenerator } from './types.js';

// The demo union, module by module, in the order they depend on each other. A module adds its year of
// records by appending its generator here (one import, one line); it may read everything above it.
export const DEMO_GENERATORS: readonly DemoGenerator[] = [
  organisationGenerator,
  membersGenerator,
  usersGenerator,
  congressGenerator,
  proposalsGenerator,
  participationGenerator,
  fundsGenerator,
  duesGenerator,
  donationsGenerator,
  aidGenerator,
  checkupsGenerator,
  hardshipGenerator,
  mutualAidGenerator,
  visitsGenerator,
  fundsCloseGenerator,
];
