import type { UnionGroupView } from '../../../common/schemas/organisation.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { organisationRepository } from './organisation.repository.js';
import { organisationService } from './organisation.service.js';
import {
  type UnionGroupValues,
  type UnionGroupWithDepartments,
  unionGroupsRepository,
} from './unionGroups.repository.js';

type OrgActor = Actor & { orgId: string };
export type UnionGroupInput = UnionGroupValues & { departmentIds: string[] };

export function presentUnionGroup(g: UnionGroupWithDepartments): UnionGroupView {
  return {
    id: g.id,
    name: g.name,
    departmentIds: g.departmentIds,
    leaderName: g.leaderName,
    note: g.note,
  };
}

/** Name free in the org, departments of the org, and none of them already in another group. */
async function assertAllowed(exec: Executor, orgId: string, input: UnionGroupInput, selfId?: string) {
  await organisationService.assertDepartmentsExist(exec, orgId, input.departmentIds);
  const same = await unionGroupsRepository.findByName(exec, orgId, input.name);
  if (same && same.id !== selfId) {
    throw conflict('DUPLICATE', '小组名称已存在', [{ path: 'name', message: '小组名称已存在' }]);
  }
  const taken = await unionGroupsRepository.linkedElsewhere(exec, orgId, input.departmentIds, selfId);
  if (taken.length) {
    const details = taken.map((t) => ({
      path: 'departmentIds',
      message: `科室“${t.departmentName}”已属于工会小组“${t.groupName}”`,
    }));
    throw conflict('DUPLICATE', details[0].message, details);
  }
}

async function loadOrThrow(exec: Executor, orgId: string, id: string) {
  const g = await unionGroupsRepository.findById(exec, orgId, id);
  if (!g) throw notFound('UNION_GROUP_NOT_FOUND');
  return g;
}

const unique = (ids: string[]) => [...new Set(ids)];

export const unionGroupsService = {
  async list(deps: Deps, orgId: string): Promise<UnionGroupView[]> {
    return (await unionGroupsRepository.list(deps.db, orgId)).map(presentUnionGroup);
  },

  async create(deps: Deps, actor: OrgActor, body: UnionGroupInput): Promise<UnionGroupView> {
    const input = { ...body, departmentIds: unique(body.departmentIds) };
    return deps.db.transaction(async (tx) => {
      await organisationRepository.lockStructure(tx, actor.orgId);
      await assertAllowed(tx, actor.orgId, input);
      const row = await unionGroupsRepository.insert(tx, actor.orgId, {
        name: input.name,
        leaderName: input.leaderName,
        note: input.note,
      });
      await unionGroupsRepository.setDepartments(tx, actor.orgId, row.id, input.departmentIds);
      const created = presentUnionGroup((await unionGroupsRepository.findById(tx, actor.orgId, row.id))!);
      await writeAudit(tx, actor, {
        action: 'unionGroup.create',
        objectType: 'unionGroup',
        objectId: row.id,
        detail: { name: created.name, departmentIds: created.departmentIds },
      });
      return created;
    });
  },

  async update(deps: Deps, actor: OrgActor, id: string, body: UnionGroupInput): Promise<UnionGroupView> {
    const input = { ...body, departmentIds: unique(body.departmentIds) };
    return deps.db.transaction(async (tx) => {
      await organisationRepository.lockStructure(tx, actor.orgId);
      const before = presentUnionGroup(await loadOrThrow(tx, actor.orgId, id));
      await assertAllowed(tx, actor.orgId, input, id);
      await unionGroupsRepository.update(tx, actor.orgId, id, {
        name: input.name,
        leaderName: input.leaderName,
        note: input.note,
      });
      await unionGroupsRepository.setDepartments(tx, actor.orgId, id, input.departmentIds);
      const after = presentUnionGroup((await unionGroupsRepository.findById(tx, actor.orgId, id))!);
      await writeAudit(tx, actor, {
        action: 'unionGroup.update',
        objectType: 'unionGroup',
        objectId: id,
        detail: { before, after },
      });
      return after;
    });
  },

  async remove(deps: Deps, actor: OrgActor, id: string): Promise<void> {
    await deps.db.transaction(async (tx) => {
      await organisationRepository.lockStructure(tx, actor.orgId);
      const before = await loadOrThrow(tx, actor.orgId, id);
      await unionGroupsRepository.delete(tx, actor.orgId, id);
      await writeAudit(tx, actor, {
        action: 'unionGroup.delete',
        objectType: 'unionGroup',
        objectId: id,
        detail: { name: before.name, departmentIds: before.departmentIds },
      });
    });
  },
};
