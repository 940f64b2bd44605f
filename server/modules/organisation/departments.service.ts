import type { DepartmentView } from '../../../common/schemas/organisation.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import {
  type DepartmentRow,
  type DepartmentValues,
  departmentsRepository,
} from './departments.repository.js';
import { organisationRepository } from './organisation.repository.js';

type OrgActor = Actor & { orgId: string };

export function presentDepartment(d: DepartmentRow): DepartmentView {
  return { id: d.id, name: d.name, parentId: d.parentId, code: d.code, sort: d.sort };
}

async function loadOrThrow(exec: Executor, orgId: string, id: string) {
  const d = await departmentsRepository.findById(exec, orgId, id);
  if (!d) throw notFound('DEPARTMENT_NOT_FOUND');
  return d;
}

async function assertNameFree(exec: Executor, orgId: string, name: string, selfId?: string) {
  const same = await departmentsRepository.findByName(exec, orgId, name);
  if (same && same.id !== selfId) {
    throw conflict('DUPLICATE', '科室名称已存在', [{ path: 'name', message: '科室名称已存在' }]);
  }
}

/** The parent must be a department of this org and, when moving, not the department or one below it. */
async function assertParentAllowed(exec: Executor, orgId: string, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  if (!(await departmentsRepository.findById(exec, orgId, parentId))) {
    throw invalid([{ path: 'parentId', message: '上级科室不存在' }]);
  }
  if (selfId) {
    const subtree = await organisationRepository.withDescendants(exec, orgId, [selfId]);
    if (subtree.includes(parentId)) {
      throw invalid([{ path: 'parentId', message: '不能将科室移到其自身或下级科室之下' }]);
    }
  }
}

/** "有2个下级科室、有5名会员…": every reason a department cannot go, in Chinese. */
function usageProblems(u: Awaited<ReturnType<typeof departmentsRepository.usage>>): string[] {
  const problems: string[] = [];
  if (u.children) problems.push(`有${u.children}个下级科室`);
  if (u.members) problems.push(`有${u.members}名会员`);
  if (u.users) problems.push(`有${u.users}个用户账号负责该科室`);
  if (u.groupNames.length) problems.push(`已关联工会小组“${u.groupNames.join('”、“')}”`);
  return problems;
}

export const departmentsService = {
  async list(deps: Deps, orgId: string): Promise<DepartmentView[]> {
    return (await departmentsRepository.list(deps.db, orgId)).map(presentDepartment);
  },

  async create(deps: Deps, actor: OrgActor, input: DepartmentValues): Promise<DepartmentView> {
    return deps.db.transaction(async (tx) => {
      await organisationRepository.lockStructure(tx, actor.orgId);
      await assertParentAllowed(tx, actor.orgId, input.parentId);
      await assertNameFree(tx, actor.orgId, input.name);
      const row = await departmentsRepository.insert(tx, actor.orgId, input);
      await writeAudit(tx, actor, {
        action: 'department.create',
        objectType: 'department',
        objectId: row.id,
        detail: { name: row.name, parentId: row.parentId, code: row.code },
      });
      return presentDepartment(row);
    });
  },

  async update(deps: Deps, actor: OrgActor, id: string, input: DepartmentValues): Promise<DepartmentView> {
    return deps.db.transaction(async (tx) => {
      await organisationRepository.lockStructure(tx, actor.orgId);
      const before = await loadOrThrow(tx, actor.orgId, id);
      await assertParentAllowed(tx, actor.orgId, input.parentId, id);
      await assertNameFree(tx, actor.orgId, input.name, id);
      const row = await departmentsRepository.update(tx, actor.orgId, id, input);
      await writeAudit(tx, actor, {
        action: 'department.update',
        objectType: 'department',
        objectId: id,
        detail: { before: presentDepartment(before), after: presentDepartment(row) },
      });
      return presentDepartment(row);
    });
  },

  async remove(deps: Deps, actor: OrgActor, id: string): Promise<void> {
    await deps.db.transaction(async (tx) => {
      await organisationRepository.lockStructure(tx, actor.orgId);
      const before = await loadOrThrow(tx, actor.orgId, id);
      const problems = usageProblems(await departmentsRepository.usage(tx, actor.orgId, id));
      if (problems.length) {
        throw conflict('IN_USE', `科室“${before.name}”${problems.join('，')}，不能删除`);
      }
      await departmentsRepository.delete(tx, actor.orgId, id);
      await writeAudit(tx, actor, {
        action: 'department.delete',
        objectType: 'department',
        objectId: id,
        detail: { name: before.name, parentId: before.parentId },
      });
    });
  },
};
