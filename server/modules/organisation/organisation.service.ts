import type { Executor } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { departmentsRepository } from './departments.repository.js';
import { organisationRepository } from './organisation.repository.js';
import { unionGroupsRepository } from './unionGroups.repository.js';

export const organisationService = {
  createOrg: organisationRepository.insertOrg,

  async getOrg(exec: Executor, id: string) {
    const org = await organisationRepository.findOrg(exec, id);
    if (!org) throw new Error(`org ${id} missing`);
    return org;
  },

  /** 400 naming the field when any id is not a department of this org. */
  async assertDepartmentsExist(exec: Executor, orgId: string, ids: string[], field = 'departmentIds') {
    const found = new Set(await organisationRepository.existingDepartmentIds(exec, orgId, ids));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw invalid([{ path: field, message: '所选科室不存在' }]);
  },

  /** The org's departments (id, name, parentId…), ordered by sort and name: for lookups by other modules. */
  listDepartments: departmentsRepository.list,

  /** The org's union groups with their department ids. */
  listUnionGroups: unionGroupsRepository.list,

  /** 400 naming the field when the id is not a union group of this org. */
  async assertUnionGroupExists(exec: Executor, orgId: string, id: string, field = 'unionGroupId') {
    if (!(await unionGroupsRepository.findById(exec, orgId, id))) {
      throw invalid([{ path: field, message: '所选工会小组不存在' }]);
    }
  },

  /** Department scope of a group leader: the assigned departments and everything below them. */
  scopeDepartments: organisationRepository.withDescendants,
};
