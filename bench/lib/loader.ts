import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EmploymentType, Gender, MembershipStatus } from '../../common/enums.js';
import { maskIdNumber } from '../../common/idNumber.js';
import { DEPARTMENT_SPECS } from '../../server/demo/generators/organisation.js';
import { mobileNumber, personName, uniqueIdNumber } from '../../server/demo/people.js';
import { addDays, createRng, type Rng } from '../../server/demo/rng.js';
import type { Sealer } from '../../server/lib/crypto.js';
import type { BenchUnion } from '../types.js';

// A fast bulk loader for benchmark unions: the department tree and union groups of the demo
// hospital, and `size` members with the shape the app writes (sealed ID number, keyed hash, masked
// form, phone, department and union group, employment type, status, member number) plus the
// history row an import writes, streamed with COPY FROM STDIN. Names and ID numbers come from the
// demo generator's helpers (server/demo), so bench data looks like demo data.

const EMPLOYMENT: readonly (readonly [EmploymentType, number])[] = [
  ['permanent', 45],
  ['contract', 35],
  ['recruited', 8],
  ['agency', 7],
  ['retired', 5],
];
const JOIN_RATE: Record<EmploymentType, number> = {
  permanent: 0.93,
  contract: 0.75,
  recruited: 0.85,
  agency: 0.6,
  retired: 0.95,
};
const JOBS = ['医师', '主治医师', '副主任医师', '护士', '护师', '主管护师', '技师', '药师', '科员', '工程师'];
const EDUCATIONS = ['doctorate', 'master', 'bachelor', 'bachelor', 'college', 'secondary'];
const POLITICAL = ['cpc', 'cpc', 'league', 'none', 'none', 'none', 'democratic'];
const ROWS_PER_CHUNK = 2000;

interface Dept {
  id: string;
  name: string;
  unionGroupId: string;
  staff: number;
}

/** COPY text format: \N is NULL; our values never hold tabs, newlines or backslashes. */
const cell = (v: string | null) => (v === null ? '\\N' : v);

export async function loadUnion(
  pool: pg.Pool,
  sealer: Sealer,
  opts: { name: string; size: number; seed: string },
): Promise<BenchUnion> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const orgId = (await client.query('insert into orgs (name) values ($1) returning id', [opts.name]))
      .rows[0].id as string;
    const depts = await createOrganisation(client, orgId);
    const memberIds = await copyMembers(client, sealer, orgId, depts, opts.size, createRng(opts.seed));
    await client.query('commit');
    // A bulk load is followed by autovacuum in a real database: without fresh statistics and the
    // visibility map the planner guesses one row and counts read the heap. Measure the steady state.
    await client.query('vacuum analyze members');
    await client.query('vacuum analyze membership_events');
    return { orgId, name: opts.name, size: opts.size, departments: depts, memberIds };
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function createOrganisation(client: pg.PoolClient, orgId: string): Promise<Dept[]> {
  const idOf = new Map<string, string>();
  const ordered = [...DEPARTMENT_SPECS].sort((a, b) => Number(!!a.parent) - Number(!!b.parent));
  for (const spec of ordered) {
    const id = randomUUID();
    idOf.set(spec.name, id);
    await client.query(
      'insert into departments (id, org_id, parent_id, name, sort) values ($1, $2, $3, $4, $5)',
      [id, orgId, spec.parent ? idOf.get(spec.parent) : null, spec.name, DEPARTMENT_SPECS.indexOf(spec) + 1],
    );
  }
  const groupOf = new Map<string, string>();
  const out: Dept[] = [];
  for (const spec of DEPARTMENT_SPECS) {
    if (spec.kind === 'parent') continue;
    const group = spec.group ?? `${spec.name}工会小组`;
    if (!groupOf.has(group)) {
      const id = randomUUID();
      groupOf.set(group, id);
      await client.query('insert into union_groups (id, org_id, name) values ($1, $2, $3)', [
        id,
        orgId,
        group,
      ]);
    }
    const unionGroupId = groupOf.get(group)!;
    const departmentId = idOf.get(spec.name)!;
    await client.query(
      'insert into union_group_departments (org_id, union_group_id, department_id) values ($1, $2, $3)',
      [orgId, unionGroupId, departmentId],
    );
    out.push({ id: departmentId, name: spec.name, unionGroupId, staff: spec.staff });
  }
  return out;
}

const MEMBER_COLUMNS = [
  'id',
  'org_id',
  'name',
  'gender',
  'birth_date',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'ethnicity',
  'political_status',
  'education',
  'phone',
  'department_id',
  'union_group_id',
  'job_title',
  'employment_type',
  'hire_date',
  'joined_at',
  'member_no',
  'status',
  'created_at',
  'updated_at',
];
const EVENT_COLUMNS = ['org_id', 'member_id', 'action', 'from_status', 'to_status', 'date', 'reason'];

async function copyMembers(
  client: pg.PoolClient,
  sealer: Sealer,
  orgId: string,
  depts: Dept[],
  size: number,
  rng: Rng,
): Promise<string[]> {
  const weights = depts.map((d) => [d, d.staff] as const);
  const ids: string[] = [];
  const events: string[] = [];
  const taken = new Set<string>();
  // Created one second apart, the newest last: the list's default order (created_at desc) is real.
  const start = Date.now() - size * 1000;
  function* chunks() {
    let lines: string[] = [];
    for (let i = 0; i < size; i++) {
      const gender: Gender = rng.chance(0.62) ? 'female' : 'male';
      const birthDate = rng.date('1963-01-01', '2001-12-31');
      const idNumber = uniqueIdNumber(rng, taken, birthDate, gender);
      const dept = rng.weighted(weights);
      const employment = rng.weighted(EMPLOYMENT);
      const hireDate = addDays(birthDate, rng.int(22 * 365, 30 * 365));
      const joined = rng.chance(JOIN_RATE[employment]);
      const joinedAt = joined ? addDays(hireDate, rng.int(30, 700)) : null;
      const status: MembershipStatus = joined
        ? employment === 'retired'
          ? 'retired'
          : 'member'
        : rng.chance(0.1)
          ? 'applied'
          : 'nonMember';
      const id = randomUUID();
      ids.push(id);
      const at = new Date(start + i * 1000).toISOString();
      lines.push(
        [
          id,
          orgId,
          personName(rng, gender),
          gender,
          birthDate,
          `\\\\x${sealer.seal(idNumber).toString('hex')}`,
          sealer.keyedHash(idNumber),
          maskIdNumber(idNumber),
          rng.chance(0.93) ? '汉族' : '回族',
          rng.pick(POLITICAL),
          rng.pick(EDUCATIONS),
          mobileNumber(rng),
          dept.id,
          dept.unionGroupId,
          rng.pick(JOBS),
          employment,
          hireDate,
          cell(joinedAt),
          joined ? `GH${String(i + 1).padStart(7, '0')}` : '\\N',
          status,
          at,
          at,
        ].join('\t'),
      );
      events.push([orgId, id, 'import', '\\N', status, joinedAt ?? hireDate, '基准测试数据'].join('\t'));
      if (lines.length === ROWS_PER_CHUNK) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length) yield `${lines.join('\n')}\n`;
  }
  await pipeline(
    Readable.from(chunks()),
    client.query(copyFrom(`copy members (${MEMBER_COLUMNS.join(', ')}) from stdin`)),
  );
  await pipeline(
    Readable.from(
      (function* () {
        for (let i = 0; i < events.length; i += ROWS_PER_CHUNK) {
          yield `${events.slice(i, i + ROWS_PER_CHUNK).join('\n')}\n`;
        }
      })(),
    ),
    client.query(copyFrom(`copy membership_events (${EVENT_COLUMNS.join(', ')}) from stdin`)),
  );
  return ids;
}
