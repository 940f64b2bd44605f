import type { AuditView } from '../../../common/schemas/audit.js';
import type { Deps } from '../../app.js';
import type { AuthContext } from '../../lib/context.js';
import { invalid } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { type AuditFilter, type AuditRow, auditRepository } from './audit.repository.js';

export function presentAudit(a: AuditRow): AuditView {
  return {
    id: String(a.id),
    at: a.at.toISOString(),
    actorName: a.actorName,
    roles: a.roles,
    action: a.action,
    objectType: a.objectType,
    objectId: a.objectId,
    result: a.result,
    ip: a.ip,
    detail: (a.detail as Record<string, unknown> | null) ?? null,
  };
}

// Read-only by design: the log is append-only (a database trigger refuses UPDATE, DELETE and
// TRUNCATE), and there is deliberately no route that changes or removes a row.
export const auditService = {
  /** The auditor's own org only; rows without an org (unknown-user logins) belong to no one's view. */
  async list(deps: Deps, auth: AuthContext, q: AuditFilter & { page: number; pageSize: number }) {
    if (q.from && q.to && q.from > q.to) {
      throw invalid([{ path: 'to', message: '结束日期不能早于开始日期' }]);
    }
    const { rows, total } = await auditRepository.list(deps.db, auth.orgId, q, {
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return paged(rows.map(presentAudit), total, q);
  },
};
