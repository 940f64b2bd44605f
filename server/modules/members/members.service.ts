import type { Gender, MembershipStatus } from '../../../common/enums.js';
import { idNumberInfo, maskIdNumber } from '../../../common/idNumber.js';
import { isScopedFor } from '../../../common/permissions.js';
import { maskPhone } from '../../../common/phone.js';
import type {
  MemberCreate,
  MemberListQuery,
  MembershipEventView,
  MemberUpdate,
  MemberView,
} from '../../../common/schemas/member.js';
import type { Deps } from '../../app.js';
import type { Executor, Tx } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { totalsCache } from '../../lib/totalsCache.js';
import { organisationService } from '../organisation/organisation.service.js';
import {
  abilitiesOf,
  type MemberAccess,
  type MemberPermission,
  may,
  seesSensitive,
} from './members.policy.js';
import {
  type MemberFilter,
  type MemberWithNames,
  type NewMember,
  membersRepository as repo,
  type Scope,
} from './members.repository.js';
import { initialStatus } from './members.state.js';

export type OrgActor = Actor & { orgId: string };

const MEMBER_PERMISSIONS: MemberPermission[] = [
  'member:read',
  'member:write',
  'member:readSensitive',
  'member:export',
];

/** The user's permissions with the department scope of each: computed once per request. */
export async function accessOf(exec: Executor, auth: AuthContext): Promise<MemberAccess> {
  let departments: ReadonlySet<string> | undefined;
  const scopes = {} as Record<MemberPermission, ReadonlySet<string> | null>;
  for (const p of MEMBER_PERMISSIONS) {
    if (isScopedFor(auth.roles, p)) {
      departments ??= new Set(
        await organisationService.scopeDepartments(exec, auth.orgId, auth.departmentIds),
      );
      scopes[p] = departments;
    } else {
      scopes[p] = null;
    }
  }
  return { permissions: auth.permissions, scopes };
}

/** The scope for a repository query. */
export function scopeOf(access: MemberAccess, permission: MemberPermission): Scope {
  const s = access.scopes[permission];
  return s ? [...s] : null;
}

export function present(r: MemberWithNames, access: MemberAccess): MemberView {
  const m = r.member;
  const status = m.status as MembershipStatus;
  return {
    id: m.id,
    name: m.name,
    gender: m.gender,
    birthDate: m.birthDate,
    idNumberMasked: m.idNumberMasked,
    ethnicity: m.ethnicity,
    politicalStatus: m.politicalStatus as MemberView['politicalStatus'],
    education: m.education as MemberView['education'],
    phone: m.phone && !seesSensitive(access, m) ? maskPhone(m.phone) : m.phone,
    departmentId: m.departmentId,
    departmentName: r.departmentName,
    unionGroupId: m.unionGroupId,
    unionGroupName: r.unionGroupName,
    jobTitle: m.jobTitle,
    employmentType: m.employmentType as MemberView['employmentType'],
    hireDate: m.hireDate,
    joinedAt: m.joinedAt,
    memberNo: m.memberNo,
    status,
    notes: m.notes,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    abilities: abilitiesOf(access, { departmentId: m.departmentId, status }),
  };
}

/** The stored columns of a validated member: ID number sealed, hashed and masked; gaps filled from it. */
export function memberValues(
  deps: Deps,
  orgId: string,
  input: MemberCreate,
  unionGroupId: string | null,
): NewMember {
  const info = idNumberInfo(input.idNumber)!;
  return {
    orgId,
    name: input.name,
    gender: (input.gender ?? info.gender) as Gender,
    birthDate: input.birthDate ?? info.birthDate,
    idNumberEnc: deps.sealer.seal(input.idNumber),
    idNumberHash: deps.sealer.keyedHash(input.idNumber),
    idNumberMasked: maskIdNumber(input.idNumber),
    ethnicity: input.ethnicity,
    politicalStatus: input.politicalStatus,
    education: input.education,
    phone: input.phone,
    departmentId: input.departmentId,
    unionGroupId,
    jobTitle: input.jobTitle,
    employmentType: input.employmentType,
    hireDate: input.hireDate,
    joinedAt: input.joinedAt,
    memberNo: input.memberNo,
    status: initialStatus(input.joinedAt),
    notes: input.notes,
  };
}

export function duplicateIdNumber(name: string) {
  const message = `该身份证号已登记（姓名：${name}）`;
  return conflict('DUPLICATE', message, [{ path: 'idNumber', message }]);
}

export function duplicateMemberNo(name: string) {
  const message = `会员证号已被使用（姓名：${name}）`;
  return conflict('DUPLICATE', message, [{ path: 'memberNo', message }]);
}

/**
 * A unique key the pre-checks could not see (two requests at the same moment) as a 409 naming the
 * field; null for any other error. Drizzle wraps the driver's error, so the code is on `cause`.
 */
export function uniqueViolation(e: unknown): AppError | null {
  if (e instanceof AppError) return null;
  const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string; constraint?: string };
  if (pg?.code !== '23505') return null;
  if (pg.constraint === 'members_org_member_no') {
    return conflict('DUPLICATE', '会员证号已被使用', [{ path: 'memberNo', message: '会员证号已被使用' }]);
  }
  if (pg.constraint === 'members_org_id_number') {
    return conflict('DUPLICATE', '该身份证号已登记', [{ path: 'idNumber', message: '该身份证号已登记' }]);
  }
  return conflict('DUPLICATE');
}

/** Runs a write; a unique-key race becomes a 409 instead of a 500. */
export async function guardUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw uniqueViolation(e) ?? e;
  }
}

/** Department, write scope and union group of a create or update; returns the union group to store. */
async function resolveOrganisation(
  exec: Executor,
  orgId: string,
  access: MemberAccess,
  input: { departmentId: string; unionGroupId: string | null },
): Promise<string | null> {
  await organisationService.assertDepartmentsExist(exec, orgId, [input.departmentId], 'departmentId');
  if (!may(access, 'member:write', input)) {
    throw invalid([{ path: 'departmentId', message: '只能登记本人负责科室的人员' }]);
  }
  if (input.unionGroupId === null) {
    const groups = await organisationService.listUnionGroups(exec, orgId);
    return groups.find((g) => g.departmentIds.includes(input.departmentId))?.id ?? null;
  }
  await organisationService.assertUnionGroupExists(exec, orgId, input.unionGroupId, 'unionGroupId');
  return input.unionGroupId;
}

/** The org's departments with the union group each belongs to: for imports by department name. */
export async function departmentRefs(exec: Executor, orgId: string) {
  const [departments, groups] = await Promise.all([
    organisationService.listDepartments(exec, orgId),
    organisationService.listUnionGroups(exec, orgId),
  ]);
  const groupOf = new Map(groups.flatMap((g) => g.departmentIds.map((d) => [d, g.id] as const)));
  return departments.map((d) => ({ id: d.id, name: d.name, unionGroupId: groupOf.get(d.id) ?? null }));
}

async function assertMemberNoFree(exec: Executor, orgId: string, memberNo: string | null, selfId?: string) {
  if (!memberNo) return;
  const [other] = (await repo.findByMemberNos(exec, orgId, [memberNo])).filter((r) => r.id !== selfId);
  if (other) throw duplicateMemberNo(other.name);
}

/** Loads a member for a change: 404 outside the read scope, 403 outside the write scope, 409 on a stale version. */
export async function loadForChange(
  exec: Executor,
  orgId: string,
  access: MemberAccess,
  id: string,
  version: number,
) {
  const row = await repo.lockById(exec, orgId, id, scopeOf(access, 'member:read'));
  if (!row) throw notFound('MEMBER_NOT_FOUND');
  if (!may(access, 'member:write', row)) throw forbidden();
  if (row.version !== version) throw conflict('STALE_VERSION');
  return row;
}

/** Re-reads a member after a write and presents it. */
export async function reload(exec: Executor, orgId: string, access: MemberAccess, id: string) {
  return present((await repo.findById(exec, orgId, id, null))!, access);
}

function filterOf(q: Omit<MemberListQuery, 'page' | 'pageSize' | 'sort' | 'order'>): MemberFilter {
  return {
    q: q.q,
    unionGroupId: q.unionGroupId,
    employmentType: q.employmentType,
    status: q.status,
    joinedYear: q.joinedYear,
  };
}

/** The list filter with the chosen department widened to its sub-departments. */
export async function resolveFilter(
  exec: Executor,
  orgId: string,
  access: MemberAccess,
  q: Omit<MemberListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): Promise<MemberFilter> {
  const f = filterOf(q);
  // Searching by phone prefix would reveal numbers to someone who sees them masked.
  f.qPhone = access.permissions.has('member:readSensitive') && access.scopes['member:readSensitive'] === null;
  if (q.departmentId)
    f.departmentIds = await organisationService.scopeDepartments(exec, orgId, [q.departmentId]);
  return f;
}

// How long a list total or statistic is reused when nothing was written through this server meanwhile.
export const TOTALS_TTL_MS = 30_000;
export const totalsScope = (orgId: string) => `members:${orgId}`;

/** Runs a write to the roster; the union's list totals are recounted once it has ended. */
export async function inMemberTransaction<T>(
  deps: Deps,
  orgId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  try {
    return await deps.db.transaction(fn);
  } finally {
    totalsCache.invalidate(totalsScope(orgId));
  }
}

export const membersService = {
  async list(deps: Deps, auth: AuthContext, q: MemberListQuery) {
    const access = await accessOf(deps.db, auth);
    const f = await resolveFilter(deps.db, auth.orgId, access, q);
    const scope = scopeOf(access, 'member:read');
    const [rows, total] = await Promise.all([
      repo.list(deps.db, auth.orgId, scope, f, {
        sort: q.sort,
        order: q.order,
        limit: q.pageSize,
        offset: offsetOf(q),
      }),
      totalsCache.get(totalsScope(auth.orgId), JSON.stringify([scope, f]), TOTALS_TTL_MS, () =>
        repo.count(deps.db, auth.orgId, scope, f),
      ),
    ]);
    return paged(
      rows.map((r) => present(r, access)),
      total,
      q,
    );
  },

  async get(deps: Deps, auth: AuthContext, id: string): Promise<MemberView> {
    const access = await accessOf(deps.db, auth);
    const row = await repo.findById(deps.db, auth.orgId, id, scopeOf(access, 'member:read'));
    if (!row) throw notFound('MEMBER_NOT_FOUND');
    return present(row, access);
  },

  async history(deps: Deps, auth: AuthContext, id: string): Promise<MembershipEventView[]> {
    const access = await accessOf(deps.db, auth);
    const row = await repo.findById(deps.db, auth.orgId, id, scopeOf(access, 'member:read'));
    if (!row) throw notFound('MEMBER_NOT_FOUND');
    const events = await repo.history(deps.db, auth.orgId, id);
    return events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      date: e.date,
      reason: e.reason,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    }));
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, input: MemberCreate): Promise<MemberView> {
    return guardUnique(() =>
      inMemberTransaction(deps, auth.orgId, async (tx) => {
        const access = await accessOf(tx, auth);
        const unionGroupId = await resolveOrganisation(tx, auth.orgId, access, input);
        const values = memberValues(deps, auth.orgId, input, unionGroupId);
        const [same] = await repo.findByHashes(tx, auth.orgId, [values.idNumberHash]);
        if (same) throw duplicateIdNumber(same.name);
        await assertMemberNoFree(tx, auth.orgId, values.memberNo ?? null);
        const row = await repo.insert(tx, values);
        await repo.insertEvents(tx, [
          {
            orgId: auth.orgId,
            memberId: row.id,
            action: 'create',
            fromStatus: null,
            toStatus: row.status,
            date: row.joinedAt ?? today(),
            actorId: actor.userId,
            actorName: actor.name,
          },
        ]);
        await writeAudit(tx, actor, {
          action: 'member.create',
          objectType: 'member',
          objectId: row.id,
          detail: { name: row.name, departmentId: row.departmentId, status: row.status },
        });
        return reload(tx, auth.orgId, access, row.id);
      }),
    );
  },

  /** Edits the record; the membership status changes only through `changeMembership`. */
  async update(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: MemberUpdate) {
    return guardUnique(() =>
      inMemberTransaction(deps, auth.orgId, async (tx) => {
        const access = await accessOf(tx, auth);
        const before = await loadForChange(tx, auth.orgId, access, id, input.version);
        const unionGroupId = await resolveOrganisation(tx, auth.orgId, access, input);
        const idNumber = input.idNumber ?? deps.sealer.open(before.idNumberEnc);
        if (!input.idNumber) assertAgreesWithStoredId(idNumber, input);
        const { version, ...fields } = input;
        const values = memberValues(deps, auth.orgId, { ...fields, idNumber }, unionGroupId);
        if (values.idNumberHash !== before.idNumberHash) {
          const [same] = await repo.findByHashes(tx, auth.orgId, [values.idNumberHash]);
          if (same) throw duplicateIdNumber(same.name);
        }
        await assertMemberNoFree(tx, auth.orgId, values.memberNo ?? null, id);
        const { orgId: _org, status: _status, ...changes } = values;
        if (values.idNumberHash === before.idNumberHash) {
          // Unchanged number: keep the stored ciphertext rather than re-encrypting it on every save.
          changes.idNumberEnc = before.idNumberEnc;
        }
        const row = await repo.update(tx, auth.orgId, id, version, changes);
        if (!row) throw conflict('STALE_VERSION');
        const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
          (k) => k !== 'idNumberEnc' && k !== 'idNumberMasked' && String(before[k]) !== String(row[k]),
        );
        await writeAudit(tx, actor, {
          action: 'member.update',
          objectType: 'member',
          objectId: id,
          detail: { changed: changed.map((k) => (k === 'idNumberHash' ? 'idNumber' : k)) },
        });
        return reload(tx, auth.orgId, access, id);
      }),
    );
  },

  /** The full ID number, for a holder of member:readSensitive; every look is audited. */
  async revealIdNumber(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    return deps.db.transaction(async (tx) => {
      const access = await accessOf(tx, auth);
      const row = await repo.findById(tx, auth.orgId, id, scopeOf(access, 'member:readSensitive'));
      if (!row) throw notFound('MEMBER_NOT_FOUND');
      await writeAudit(tx, actor, {
        action: 'member.revealIdNumber',
        objectType: 'member',
        objectId: id,
        detail: { name: row.member.name },
      });
      return { idNumber: deps.sealer.open(row.member.idNumberEnc) };
    });
  },
};

/** Without a new ID number the entered birth date and gender must still agree with the stored one. */
function assertAgreesWithStoredId(idNumber: string, input: { birthDate?: string; gender?: string }) {
  const info = idNumberInfo(idNumber);
  if (!info) return;
  const details = [];
  if (input.birthDate && input.birthDate !== info.birthDate) {
    details.push({ path: 'birthDate', message: `出生日期与身份证号不一致（应为${info.birthDate}）` });
  }
  if (input.gender && input.gender !== info.gender) {
    details.push({ path: 'gender', message: '性别与身份证号不一致' });
  }
  if (details.length) throw invalid(details);
}
