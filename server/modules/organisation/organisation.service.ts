import type { Executor } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { organisationRepository } from './organisation.repository.js';

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

  /** Department scope of a group leader: the assigned departments and everything below them. */
  scopeDepartments: organisationRepository.withDescendants,
};
