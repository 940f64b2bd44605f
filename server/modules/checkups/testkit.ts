import type { EmploymentType, Gender, MembershipStatus } from '../../../common/enums.js';
import { maskIdNumber } from '../../../common/idNumber.js';
import { members } from '../../db/schema/index.js';
import type { TestContext } from '../../test/helpers.js';
import { nextIdNumber } from '../members/testkit.js';

// Test helpers of the checkup module: roster rows written straight to the table, so a test can
// set exactly the birth date, hire date, employment type and status the eligibility rules read.

export interface RosterFacts {
  name: string;
  gender?: Gender;
  birthDate?: string;
  hireDate?: string | null;
  employmentType?: EmploymentType;
  status?: MembershipStatus;
}

export async function addMember(ctx: TestContext, orgId: string, departmentId: string, f: RosterFacts) {
  const idNumber = nextIdNumber();
  const [m] = await ctx.deps.db
    .insert(members)
    .values({
      orgId,
      departmentId,
      name: f.name,
      gender: f.gender ?? 'male',
      birthDate: f.birthDate ?? '1980-06-01',
      hireDate: f.hireDate === undefined ? '2005-07-01' : f.hireDate,
      employmentType: f.employmentType ?? 'permanent',
      status: f.status ?? 'member',
      idNumberEnc: ctx.deps.sealer.seal(idNumber),
      idNumberHash: ctx.deps.sealer.keyedHash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
    })
    .returning();
  return { ...m, idNumber };
}

export function programmeBody(extra: Record<string, unknown> = {}) {
  return {
    name: '2026年职工健康体检',
    year: 2026,
    provider: '本院体检中心',
    budgetPerPersonFen: 60_000,
    referenceDate: '2026-01-01',
    ...extra,
  };
}
