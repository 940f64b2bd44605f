import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Education, EmploymentType, Gender, PoliticalStatus } from '../../../common/enums.js';
import type { MemberCreate } from '../../../common/schemas/member.js';
import { members, membershipEvents, unionGroups } from '../../db/schema/index.js';
import type { NewMembershipEvent } from '../../modules/members/members.repository.js';
import { memberValues } from '../../modules/members/members.service.js';
import { bulkInsert } from '../bulk.js';
import { mobileNumber, personName, uniqueIdNumber } from '../people.js';
import { addDays, type Rng } from '../rng.js';
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
  const maleShare = track === 'nurse' ? 0.06 : track === 'doctor' ? 0.55 : 0.45;
  const gender: Gender = rng.chance(maleShare) ? 'male' : 'female';
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
    const joinYear = Number(joinedAt.slice(0, 4));
    const next = (cardNos.get(joinYear) ?? 0) + 1;
    cardNos.set(joinYear, next);
    memberNo = `GH${joinYear}${String(next).padStart(5, '0')}`;
  }
  // Some who have not joined have applied this year and wait for approval.
  const applied = !joined && rng.chance(0.15) ? rng.date(minDate(`${year}-01-01`, today), today) : null;
  const jobTitle = spec.name === '护理部' ? '护理部干事' : titleOf(rng, track, age);
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
    },
  };
  return person;
}

export const membersGenerator: DemoGenerator = {
  name: 'members',
  async run(ctx) {
    const taken = new Set<string>();
    const cardNos = new Map<number, number>();
    const people = departmentSlots(ctx.rng, ctx.staff).map((spec) => makePerson(ctx, spec, taken, cardNos));

    const values = people.map((p) => ({
      id: randomUUID(),
      ...memberValues(ctx.deps, ctx.orgId, p.input, p.input.unionGroupId),
      status: p.member.status,
    }));
    await bulkInsert(ctx.tx, members, values);
    ctx.members = people.map((p, i) => ({ id: values[i].id, ...p.member }));

    // The history each record would have: registered (as member or not), then an application.
    const who = { actorId: null, actorName: ctx.actor.name };
    const events: NewMembershipEvent[] = [];
    ctx.members.forEach((m, i) => {
      const registered = m.joinedAt ?? m.hireDate;
      events.push({
        orgId: ctx.orgId,
        memberId: m.id,
        action: 'create',
        fromStatus: null,
        toStatus: m.joined ? 'member' : 'nonMember',
        date: registered,
        createdAt: recordedAt(registered),
        ...who,
      });
      const applied = people[i].applied;
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

    // Each union group's leader: a member of the group, senior staff first.
    for (const g of ctx.unionGroups) {
      const candidates = ctx.members.filter((m) => m.joined && m.unionGroupId === g.id);
      const leader = candidates.find((m) => m.employmentType === 'permanent') ?? candidates[0];
      g.leaderMemberId = leader?.id ?? null;
      if (leader) {
        await ctx.tx
          .update(unionGroups)
          .set({ leaderName: leader.name })
          .where(and(eq(unionGroups.orgId, ctx.orgId), eq(unionGroups.id, g.id)));
      }
    }

    const joined = ctx.members.filter((m) => m.joined).length;
    return {
      staff: ctx.members.length,
      members: joined,
      applied: ctx.members.filter((m) => m.status === 'applied').length,
      membershipEvents: events.length,
    };
  },
};
