import type { CategoryCreate, CategoryUpdate, CategoryView } from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { type FundCategory, categoriesRepository as repo } from './categories.repository.js';
import { ensureChart } from './funds.chart.js';

type OrgActor = Actor & { orgId: string };

function present(c: FundCategory, parents: Set<string>): CategoryView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    parentId: c.parentId,
    sort: c.sort,
    builtIn: c.builtIn,
    leaf: !parents.has(c.id),
    overBudgetRule: c.overBudgetRule,
  };
}

export const categoriesService = {
  /** The org's chart (seeded on first use), parents before children within each kind. */
  async listFor(exec: Executor, orgId: string): Promise<CategoryView[]> {
    await ensureChart(exec, orgId);
    const rows = await repo.list(exec, orgId);
    const parents = new Set(rows.map((r) => r.parentId).filter((p): p is string => !!p));
    return rows.map((r) => present(r, parents));
  },

  /** A union's own sub-category under an existing one; a category already holding money cannot get one. */
  async create(deps: Deps, actor: OrgActor, input: CategoryCreate): Promise<CategoryView> {
    return deps.db.transaction(async (tx) => {
      await ensureChart(tx, actor.orgId);
      const parent = await repo.findById(tx, actor.orgId, input.parentId);
      if (!parent) throw invalid([{ path: 'parentId', message: '上级科目不存在' }]);
      if (parent.parentId) throw invalid([{ path: 'parentId', message: '科目最多两级' }]);
      if (
        !(await repo.hasChildren(tx, actor.orgId, parent.id)) &&
        (await repo.isUsed(tx, actor.orgId, parent.id))
      ) {
        throw conflict('IN_USE', `「${parent.name}」已有预算或账目，不能再设下级科目`);
      }
      const code = input.code ?? (await repo.nextChildCode(tx, actor.orgId, parent));
      if (await repo.findByCode(tx, actor.orgId, code))
        throw conflict('DUPLICATE', `科目编码 ${code} 已存在`);
      const row = await repo.insert(tx, {
        orgId: actor.orgId,
        code,
        name: input.name,
        kind: parent.kind,
        parentId: parent.id,
        sort: input.sort ?? 100,
      });
      await writeAudit(tx, actor, {
        action: 'funds.category.create',
        objectType: 'fundCategory',
        objectId: row.id,
        detail: { code, name: row.name },
      });
      return present(row, new Set());
    });
  },

  async update(deps: Deps, actor: OrgActor, id: string, input: CategoryUpdate): Promise<CategoryView> {
    return deps.db.transaction(async (tx) => {
      const c = await repo.findById(tx, actor.orgId, id);
      if (!c) throw notFound('FUND_CATEGORY_NOT_FOUND');
      // Built-in names come from the accounting rules; a union renames only its own.
      if (c.builtIn && input.name !== undefined && input.name !== c.name) {
        throw conflict('CONFLICT', '内置科目的名称来自工会会计制度，不能修改');
      }
      const row = await repo.update(tx, actor.orgId, id, input);
      await writeAudit(tx, actor, {
        action: 'funds.category.update',
        objectType: 'fundCategory',
        objectId: id,
        detail: { ...input },
      });
      const parents = (await repo.hasChildren(tx, actor.orgId, id)) ? new Set([id]) : new Set<string>();
      return present(row, parents);
    });
  },
};
