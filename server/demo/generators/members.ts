import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Education, EmploymentType, Gender, PoliticalStatus } from '../../../common/enums.js';
import type { MemberCreate } from '../../../common/schemas/member.js';
import { members, membershipEvents, unionGroups } from '../../db/schema/index.js';
import type { NewMembershipEvent } from '../../modules/members/members.repository.js';
import { memberValues } from '../../modules/members/members.service.js';
import { initialStatus } from '../../modules/members/members.state.js';
import { bulkInsert } from '../bulk.js';
import { mobileNumber, personName, uniqueIdNumber } from '../people.js';
import { addDays, addMonths, type Rng } from '../rng.js';
import type { DemoContext, DemoGenerator, DemoMember } from '../types.js';
import { DEPARTMENT_SPECS, type DepartmentSpec } from './organisation.js';

// The staff roster: who works where, on which terms, and who has joined the union. Records are
// built by the members module's own memberValues (sealed, hashed and masked ID numbers) and written
// with its chunked multi-row insert, so they are exactly what an import would have stored.

type Track = 'doctor' | 'nurse' | 'technician' | 'pharmacist' | 'clerk' | 'worker';

const EMPLOYMENT: Record<Track, readonly (readonly [EmploymentType, number])[]> = {
  // Many nurses are hired on contract (合同制), as in most Chinese public hospitals.
  nurse: [
    ['contract', 0.58],
    ['permanent', 0.3],
    ['recruited', 0.06],
    ['agency', 0.06],
  ],
  doctor: [
    ['permanent', 0.68],
    ['recruited', 0.17],
    ['contract', 0.15],
  ],
  technician: [
    ['permanent', 0.6],
    ['contract', 0.25],
    ['recruited', 0.1],
    ['agency', 0.05],
  ],
  pharmacist: [
    ['permanent', 0.6],
    ['contract', 0.3],
    ['recruited', 0.1],
  ],
  clerk: [
    ['permanent', 0.65],
    ['contract', 0.2],
    ['recruited', 0.1],
    ['agency', 0.05],
  ],
  worker: [
    ['agency', 0.45],
    ['contract', 0.4],
    ['permanent', 0.15],
  ],
};

// Contract and agency staff join less often (入会难点); overall about 85 %.
const JOIN_RATE: Record<EmploymentType, number> = {
  permanent: 0.93,
  recruited: 0.82,
  contract: 0.74,
  agency: 0.58,
  retired: 0,
};

const TITLES: Record<Track, readonly (readonly [number, string])[]> = {
  // [minimum age, title]: the most senior title the age allows is the likeliest.
  doctor: [
    [24, '住院医师'],
    [30, '主治医师'],
    [38, '副主任医师'],
    [45, '主任医师'],
  ],
  nurse: [
    [20, '护士'],
    [25, '护师'],
    [31, '主管护师'],
    [42, '副主任护师'],
  ],
  technician: [
    [21, '技士'],
    [26, '技师'],
    [32, '主管技师'],
    [42, '副主任技师'],
  ],
  pharmacist: [
    [22, '药士'],
    [26, '药师'],
    [32, '主管药师'],
    [42, '副主任药师'],
  ],
  clerk: [
    [21, '科员'],
    [30, '副科长'],
    [38, '科长'],
  ],
  worker: [[18, '工勤人员']],
};

const EDUCATION: Record<Track, readonly (readonly [Education, number])[]> = {
  doctor: [
    ['doctorate', 0.15],
    ['master', 0.45],
    ['bachelor', 0.4],
  ],
  nurse: [
    ['bachelor', 0.45],
    ['college', 0.45],
    ['secondary', 0.1],
  ],
  technician: [
    ['master', 0.15],
    ['bachelor', 0.6],
    ['college', 0.25],
  ],
  pharmacist: [
    ['master', 0.2],
    ['bachelor', 0.6],
    ['college', 0.2],
  ],
  clerk: [
    ['master', 0.12],
    ['bachelor', 0.55],
    ['college', 0.28],
    ['secondary', 0.05],
  ],
  worker: [
    ['college', 0.2],
    ['secondary', 0.7],
    ['other', 0.1],
  ],
};

const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['汉族', 96],
  ['回族', 1.5],
  ['满族', 1],
  ['蒙古族', 0.5],
  ['壮族', 0.5],
  ['土家族', 0.5],
];

function trackOf(rng: Rng, spec: DepartmentSpec): Track {
  if (rng.chance(spec.nurses)) return 'nurse';
  if (spec.kind === 'clinical') return 'doctor';
  if (spec.kind === 'technical') return spec.name === '药剂科' ? 'pharmacist' : 'technician';
  return ['总务科', '保卫科'].includes(spec.name) && rng.chance(0.6) ? 'worker' : 'clerk';
}

function genderOf(rng: Rng, track: Track): Gender {
  const maleShare = track === 'nurse' ? 0.06 : track === 'doctor' ? 0.55 : 0.45;
  return rng.chance(maleShare) ? 'male' : 'female';
}

/** Age at the demo year: nurses skew young, doctors start later. */
function ageOf(rng: Rng, track: Track): number {
  const [min, max, skew] =
    track === 'nurse' ? [21, 55, 1.6] : track === 'doctor' ? [25, 60, 1.2] : [21, 59, 1.1];
  return min + Math.floor((max - min + 1) * rng.next() ** skew);
}

function titleOf(rng: Rng, track: Track, age: number): string {
  // The entry title is open to anyone; seniority needs the age.
  const allowed = TITLES[track].filter(([min], i) => i === 0 || age >= min);
  // Usually the highest title the age allows, sometimes one step below.
  const i = allowed.length > 1 && rng.chance(0.3) ? allowed.length - 2 : allowed.length - 1;
  return allowed[i][1];
}

function jobTitleOf(rng: Rng, spec: DepartmentSpec, track: Track, age: number): string {
  return spec.name === '护理部' ? '护理部干事' : titleOf(rng, track, age);
}

function politicalOf(rng: Rng, track: Track, age: number): PoliticalStatus {
  if (age < 28 && rng.chance(0.45)) return 'league';
  return rng.weighted<PoliticalStatus>([
    ['cpc', track === 'doctor' ? 0.38 : 0.22],
    ['probationary', 0.01],
    ['democratic', track === 'doctor' ? 0.05 : 0.01],
    ['none', 0.6],
  ]);
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** When the office recorded a change: that working day, so the history sorts as it happened. */
const recordedAt = (date: string) => new Date(`${date}T09:00:00+08:00`);

/** Spreads `total` over the departments by their share, at least one each while staff allow. */
function departmentSlots(rng: Rng, total: number): DepartmentSpec[] {
  const staffed = DEPARTMENT_SPECS.filter((s) => s.staff > 0);
  const sum = staffed.reduce((n, s) => n + s.staff, 0);
  const slots: DepartmentSpec[] = [];
  for (const s of staffed) {
    const n = Math.max(total >= staffed.length ? 1 : 0, Math.round((s.staff / sum) * total));
    for (let i = 0; i < n; i++) slots.push(s);
  }
  while (slots.length > total) slots.splice(rng.int(0, slots.length - 1), 1);
  while (slots.length < total) slots.push(rng.weighted(staffed.map((s) => [s, s.staff] as const)));
  return rng.shuffle(slots);
}

/** The union card number (GH + join year + the year's running number); `cardNos` counts per year. */
function cardNumber(cardNos: Map<number, number>, joinedAt: string): string {
  const joinYear = Number(joinedAt.slice(0, 4));
  const next = (cardNos.get(joinYear) ?? 0) + 1;
  cardNos.set(joinYear, next);
  return `GH${joinYear}${String(next).padStart(5, '0')}`;
}

interface Person {
  input: MemberCreate;
  member: Omit<DemoMember, 'id'>;
  applied: string | null;
}

function makePerson(
  ctx: DemoContext,
  spec: DepartmentSpec,
  taken: Set<string>,
  cardNos: Map<number, number>,
) {
  const { rng, year, today } = ctx;
  const department = ctx.departments.find((d) => d.name === spec.name)!;
  const group = ctx.unionGroups.find((g) => g.departmentIds.includes(department.id));
  const track = trackOf(rng, spec);
  const gender = genderOf(rng, track);
  const age = ageOf(rng, track);
  const birthDate = rng.date(
    `${year - age}-01-01`,
    minDate(`${year - age}-12-31`, addDays(today, -365 * 18)),
  );
  const idNumber = uniqueIdNumber(rng, taken, birthDate, gender);
  const employmentType = rng.weighted(EMPLOYMENT[track]);
  const hireAge = Math.min(age, rng.int(track === 'doctor' ? 25 : 20, track === 'doctor' ? 32 : 26));
  const hireYear = year - age + hireAge;
  const hireDate = minDate(rng.date(`${hireYear}-03-01`, `${hireYear}-09-30`), today);
  const joined = rng.chance(JOIN_RATE[employmentType]);
  let joinedAt: string | null = null;
  let memberNo: string | null = null;
  if (joined) {
    // Permanent staff join within months; others often a year or two after they start.
    const delay = employmentType === 'permanent' ? rng.int(30, 240) : rng.int(60, 900);
    joinedAt = minDate(addDays(hireDate, delay), today);
    memberNo = cardNumber(cardNos, joinedAt);
  }
  // Some who have not joined have applied this year and wait for approval.
  const applied = !joined && rng.chance(0.15) ? rng.date(minDate(`${year}-01-01`, today), today) : null;
  const jobTitle = jobTitleOf(rng, spec, track, age);
  const input: MemberCreate = {
    name: personName(rng, gender),
    idNumber,
    gender,
    birthDate,
    ethnicity: rng.weighted(ETHNICITIES),
    politicalStatus: politicalOf(rng, track, age),
    education: rng.weighted(EDUCATION[track]),
    phone: rng.chance(0.97) ? mobileNumber(rng) : null,
    departmentId: department.id,
    unionGroupId: group?.id ?? null,
    jobTitle,
    employmentType,
    hireDate,
    joinedAt,
    memberNo,
    notes: null,
  };
  const person: Person = {
    input,
    applied,
    member: {
      name: input.name,
      gender,
      birthDate,
      departmentId: department.id,
      unionGroupId: input.unionGroupId,
      employmentType,
      jobTitle,
      hireDate,
      joined,
      joinedAt,
      status: joined ? 'member' : applied ? 'applied' : 'nonMember',
      retiredOn: null,
    },
  };
  return person;
}

// Retirees stay on the roll as 退休会员: the union visits them at the Spring Festival and Mid-Autumn
// and keeps them on its care lists. They are counted on top of the active staff (--staff).

/** Retirees per active staff member: 10–20 % is usual for a hospital union. */
const RETIREE_SHARE = 0.12;
const RETIREE_MAX_AGE = 88;

/** Retirees studied under the old system: most nurses and workers at a secondary school (中专). */
const RETIREE_EDUCATION: Record<Track, readonly (readonly [Education, number])[]> = {
  doctor: [
    ['master', 0.1],
    ['bachelor', 0.6],
    ['college', 0.3],
  ],
  nurse: [
    ['bachelor', 0.1],
    ['college', 0.35],
    ['secondary', 0.55],
  ],
  technician: [
    ['bachelor', 0.3],
    ['college', 0.4],
    ['secondary', 0.3],
  ],
  pharmacist: [
    ['bachelor', 0.35],
    ['college', 0.35],
    ['secondary', 0.3],
  ],
  clerk: [
    ['bachelor', 0.3],
    ['college', 0.4],
    ['secondary', 0.3],
  ],
  worker: [
    ['secondary', 0.6],
    ['other', 0.4],
  ],
};

/** Statutory retirement age: men 60; women 55 in professional and cadre posts, 50 as workers. */
const retirementAge = (gender: Gender, track: Track) =>
  gender === 'male' ? 60 : track === 'worker' ? 50 : 55;

/**
 * The day a person reached retirement: the statutory age plus the months added from 2025 by the
 * gradual reform (渐进式延迟法定退休年龄): one month per four months of birth from the first cohort
 * (men born 1965, women cadres 1970; up to 3 years), per two months for women workers (1975; up to 5).
 */
function retirementDate(birthDate: string, gender: Gender, track: Track): string {
  const age = retirementAge(gender, track);
  const [first, every, cap] = age === 50 ? [1975, 2, 60] : [age === 60 ? 1965 : 1970, 4, 36];
  const [y, m] = birthDate.split('-').map(Number);
  const after = (y - first) * 12 + (m - 1);
  const delay = after < 0 ? 0 : Math.min(cap, Math.floor(after / every) + 1);
  return addMonths(birthDate, age * 12 + delay);
}

function makeRetiree(
  ctx: DemoContext,
  rng: Rng,
  spec: DepartmentSpec,
  taken: Set<string>,
  cardNos: Map<number, number>,
): Person {
  const { today } = ctx;
  const department = ctx.departments.find((d) => d.name === spec.name)!;
  const track = trackOf(rng, spec);
  const gender = genderOf(rng, track);
  // Fewer at each older age, from 55 (60 for men) to 88.
  const youngest = Math.max(55, retirementAge(gender, track));
  let age = youngest + Math.floor((RETIREE_MAX_AGE - youngest + 1) * rng.next() ** 1.5);
  let birthDate: string;
  let retiredOn: string;
  for (;;) {
    birthDate = rng.date(addDays(addMonths(today, -12 * (age + 1)), 1), addMonths(today, -12 * age));
    retiredOn = retirementDate(birthDate, gender, track);
    if (retiredOn <= today) break;
    // Just at the age but not yet retired (the reform's extra months): a year older instead.
    age++;
  }
  const idNumber = uniqueIdNumber(rng, taken, birthDate, gender);
  const hireYear =
    Number(birthDate.slice(0, 4)) + rng.int(track === 'doctor' ? 24 : 19, track === 'doctor' ? 30 : 25);
  const hireDate = rng.date(`${hireYear}-03-01`, `${hireYear}-09-30`);
  // Hired on the permanent establishment (编制) of the time, and joined within months.
  const joinedAt = addDays(hireDate, rng.int(30, 240));
  const memberNo = cardNumber(cardNos, joinedAt);
  const jobTitle = jobTitleOf(rng, spec, track, retirementAge(gender, track));
  const input: MemberCreate = {
    name: personName(rng, gender),
    idNumber,
    gender,
    birthDate,
    ethnicity: rng.weighted(ETHNICITIES),
    politicalStatus: politicalOf(rng, track, age),
    education: rng.weighted(RETIREE_EDUCATION[track]),
    phone: rng.chance(0.9) ? mobileNumber(rng) : null,
    departmentId: department.id,
    // No union group: groups organise the working staff of their departments (dues, activities,
    // electing delegates); the union office keeps in touch with retirees itself.
    unionGroupId: null,
    jobTitle,
    employmentType: 'permanent',
    hireDate,
    joinedAt,
    memberNo,
    notes: null,
  };
  return {
    input,
    applied: null,
    member: {
      name: input.name,
      gender,
      birthDate,
      departmentId: department.id,
      unionGroupId: null,
      employmentType: 'permanent',
      jobTitle,
      hireDate,
      joined: false,
      joinedAt,
      status: 'retired',
      retiredOn,
    },
  };
}

export const membersGenerator: DemoGenerator = {
  name: 'members',
  async run(ctx) {
    const taken = new Set<string>();
    const cardNos = new Map<number, number>();
    const staff = departmentSlots(ctx.rng, ctx.staff).map((spec) => makePerson(ctx, spec, taken, cardNos));
    // Their own stream: the active staff stay the same people whatever is drawn for the retirees.
    const rng = ctx.rng.fork('retirees');
    const retirees = departmentSlots(rng, Math.round(ctx.staff * RETIREE_SHARE)).map((spec) =>
      makeRetiree(ctx, rng, spec, taken, cardNos),
    );
    const people = [...staff, ...retirees];

    const values = people.map((p) => ({
      id: randomUUID(),
      ...memberValues(ctx.deps, ctx.orgId, p.input, p.input.unionGroupId),
      status: p.member.status,
    }));
    await bulkInsert(ctx.tx, members, values);
    ctx.members = people.map((p, i) => ({ id: values[i].id, ...p.member }));

    // The history each record would have: registered (as member or not), then an application or
    // the retirement.
    const who = { actorId: null, actorName: ctx.actor.name };
    const events: NewMembershipEvent[] = [];
    ctx.members.forEach((m, i) => {
      const registered = m.joinedAt ?? m.hireDate;
      events.push({
        orgId: ctx.orgId,
        memberId: m.id,
        action: 'create',
        fromStatus: null,
        toStatus: initialStatus(m.joinedAt),
        date: registered,
        createdAt: recordedAt(registered),
        ...who,
      });
      if (m.retiredOn) {
        events.push({
          orgId: ctx.orgId,
          memberId: m.id,
          action: 'retire',
          fromStatus: 'member',
          toStatus: 'retired',
          date: m.retiredOn,
          createdAt: recordedAt(m.retiredOn),
          ...who,
        });
      }
      const { applied } = people[i];
      if (applied) {
        events.push({
          orgId: ctx.orgId,
          memberId: m.id,
          action: 'apply',
          fromStatus: 'nonMember',
          toStatus: 'applied',
          date: maxDate(applied, registered),
          createdAt: recordedAt(maxDate(applied, registered)),
          ...who,
        });
      }
    });
    await bulkInsert(ctx.tx, membershipEvents, events);

    // Each union group's leader: a current member of the group, senior staff first.
    for (const g of ctx.unionGroups) {
      const candidates = ctx.members.filter((m) => m.status === 'member' && m.unionGroupId === g.id);
      const leader = candidates.find((m) => m.employmentType === 'permanent') ?? candidates[0];
      g.leaderMemberId = leader?.id ?? null;
      if (leader) {
        await ctx.tx
          .update(unionGroups)
          .set({ leaderName: leader.name })
          .where(and(eq(unionGroups.orgId, ctx.orgId), eq(unionGroups.id, g.id)));
      }
    }

    const joined = ctx.members.filter((m) => m.status === 'member').length;
    return {
      staff: staff.length,
      members: joined,
      applied: ctx.members.filter((m) => m.status === 'applied').length,
      retirees: retirees.length,
      membershipEvents: events.length,
    };
  },
};
