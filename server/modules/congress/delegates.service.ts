import {
  DELEGATE_KIND_LABELS,
  type DelegateAdd,
  type DelegateKind,
  type DelegateView,
} from '../../../common/schemas/congress.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { AppError, conflict, invalid, notFound } from '../../lib/errors.js';
import { type SheetColumn, writeSheet } from '../../lib/excel.js';
import { type DelegateWithName, congressRepository as repo } from './congress.repository.js';
import { congressService, type OrgActor } from './congress.service.js';

// Delegates of a term, chosen from the members of the union.

export function presentDelegate(r: DelegateWithName): DelegateView {
  return {
    id: r.delegate.id,
    termId: r.delegate.termId,
    memberId: r.delegate.memberId,
    name: r.name,
    departmentName: r.departmentName,
    kind: r.delegate.kind as DelegateKind,
    delegation: r.delegate.delegation,
  };
}

const EXPORT_COLUMNS: SheetColumn[] = [
  { header: '代表团', width: 16 },
  { header: '姓名', width: 12 },
  { header: '科室', width: 16 },
  { header: '代表类别', width: 12 },
];

export const delegatesService = {
  async list(deps: Deps, auth: AuthContext, termId: string): Promise<DelegateView[]> {
    await congressService.loadTerm(deps.db, auth.orgId, termId);
    return (await repo.listDelegates(deps.db, auth.orgId, termId)).map(presentDelegate);
  },

  /** Adds members as delegates; members already on the term are left as they are. */
  async add(deps: Deps, actor: OrgActor, termId: string, input: DelegateAdd) {
    return deps.db.transaction(async (tx) => {
      await congressService.loadTerm(tx, actor.orgId, termId);
      const ids = [...new Set(input.memberIds)];
      const found = await repo.membersByIds(tx, actor.orgId, ids);
      if (found.length !== ids.length) {
        throw invalid([{ path: 'memberIds', message: '所选人员不在本工会名册中' }]);
      }
      const nonMember = found.find((m) => m.status !== 'member');
      if (nonMember) {
        throw invalid([{ path: 'memberIds', message: `${nonMember.name}不是在册会员，不能当选代表` }]);
      }
      const added = await repo.insertDelegates(
        tx,
        ids.map((memberId) => ({
          orgId: actor.orgId,
          termId,
          memberId,
          kind: input.kind,
          delegation: input.delegation,
        })),
      );
      await writeAudit(tx, actor, {
        action: 'congress.delegate.add',
        objectType: 'congressTerm',
        objectId: termId,
        detail: { kind: input.kind, delegation: input.delegation, added: added.length },
      });
      return { added: added.length, skipped: ids.length - added.length };
    });
  },

  async update(
    deps: Deps,
    actor: OrgActor,
    termId: string,
    delegateId: string,
    input: { kind: DelegateKind; delegation: string | null },
  ): Promise<DelegateView> {
    return deps.db.transaction(async (tx) => {
      const before = await repo.findDelegate(tx, actor.orgId, delegateId);
      if (!before || before.delegate.termId !== termId) throw notFound();
      await repo.updateDelegate(tx, actor.orgId, delegateId, input);
      await writeAudit(tx, actor, {
        action: 'congress.delegate.update',
        objectType: 'congressDelegate',
        objectId: delegateId,
        detail: { name: before.name, ...input },
      });
      return presentDelegate({ ...before, delegate: { ...before.delegate, ...input } });
    });
  },

  /** Removes a delegate who has not signed in or been on a voter list (those records must stay). */
  async remove(deps: Deps, actor: OrgActor, termId: string, delegateId: string): Promise<void> {
    await deps.db.transaction(async (tx) => {
      const before = await repo.findDelegate(tx, actor.orgId, delegateId);
      if (!before || before.delegate.termId !== termId) throw notFound();
      try {
        await tx.transaction(async (sp) => repo.deleteDelegate(sp, actor.orgId, delegateId));
      } catch (e) {
        if (e instanceof AppError) throw e;
        const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string };
        if (pg?.code === '23503') {
          throw conflict('IN_USE', `${before.name}已有签到或表决记录，不能移除；可改为列席代表`);
        }
        throw e;
      }
      await writeAudit(tx, actor, {
        action: 'congress.delegate.remove',
        objectType: 'congressDelegate',
        objectId: delegateId,
        detail: { name: before.name, termId },
      });
    });
  },

  /** The delegate list as a workbook, by delegation; audited. */
  async exportXlsx(deps: Deps, actor: OrgActor, termId: string): Promise<{ name: string; body: Buffer }> {
    return deps.db.transaction(async (tx) => {
      const term = await congressService.loadTerm(tx, actor.orgId, termId);
      const rows = await repo.listDelegates(tx, actor.orgId, termId);
      const body = await writeSheet(
        '代表名单',
        EXPORT_COLUMNS,
        rows.map((r) => [
          r.delegate.delegation ?? '',
          r.name,
          r.departmentName,
          DELEGATE_KIND_LABELS[r.delegate.kind as DelegateKind],
        ]),
      );
      await writeAudit(tx, actor, {
        action: 'congress.delegate.export',
        objectType: 'congressTerm',
        objectId: termId,
        detail: { rows: rows.length },
      });
      return { name: `第${term.number}届职工代表名单.xlsx`, body };
    });
  },
};
