import { isScopedFor, ROLE_PERMISSIONS, ROLES } from '../../../common/permissions.js';
import { VISIT_REASON_LABELS } from '../../../common/schemas/care.js';
import type { Paged } from '../../../common/schemas/shared.js';
import {
  type CareEventCreate,
  type CareEventListQuery,
  type CareEventView,
  EVENT_OVERDUE_DAYS,
} from '../../../common/schemas/visit.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { daysBetween, today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { OrgActor } from '../members/members.service.js';
import { notify } from '../notifications/notifications.service.js';
import { organisationService } from '../organisation/organisation.service.js';
import { type CareEventRow, careEventsRepository as repo } from './careEvents.repository.js';
import { careScope } from './visits.policy.js';
import { visitsRepository } from './visits.repository.js';

// 事件报告: group leaders report what happened to a member of their departments; the officers are
// told and the event waits on the worklist (待慰问) until a visit answers it or it is dismissed.

/** Roles that record visits: they are told about every reported event. */
const VISITING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('care:write'));

export function presentEvent(r: CareEventRow, on = today()): CareEventView {
  const e = r.event;
  return {
    id: e.id,
    memberId: e.memberId,
    memberName: r.memberName,
    departmentName: r.departmentName,
    kind: e.kind,
    kindLabel: VISIT_REASON_LABELS[e.kind],
    eventDate: e.eventDate,
    note: e.note,
    status: e.status,
    visitId: e.visitId,
    dismissReason: e.dismissReason,
    reportedByName: e.reportedByName,
    closedByName: e.closedByName,
    createdAt: e.createdAt.toISOString(),
    overdue: e.status === 'open' && daysBetween(e.eventDate, on) > EVENT_OVERDUE_DAYS,
  };
}

export const careEventsService = {
  /** A group leader reports for members of their departments only: anyone else's member is a 404. */
  async report(deps: Deps, auth: AuthContext, actor: OrgActor, body: CareEventCreate) {
    return deps.db.transaction(async (tx) => {
      const [member] = await visitsRepository.members(tx, auth.orgId, [body.memberId]);
      if (!member) throw notFound('MEMBER_NOT_FOUND');
      if (isScopedFor(auth.roles, 'care:report')) {
        const scope = await organisationService.scopeDepartments(tx, auth.orgId, auth.departmentIds);
        if (!scope.includes(member.departmentId)) throw notFound('MEMBER_NOT_FOUND');
      }
      const event = await repo.insert(tx, {
        orgId: auth.orgId,
        memberId: member.id,
        kind: body.kind,
        eventDate: body.eventDate,
        note: body.note,
        reportedBy: auth.userId,
        reportedByName: auth.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'care.event.report',
        objectType: 'careEvent',
        objectId: event.id,
        detail: { memberId: member.id, kind: body.kind, eventDate: body.eventDate },
      });
      await notify(tx, {
        orgId: auth.orgId,
        to: { userIds: await repo.usersWithRoles(tx, auth.orgId, VISITING_ROLES) },
        kind: 'careReported',
        title: `${member.name}（${VISIT_REASON_LABELS[body.kind]}，${body.eventDate}）待慰问`,
        link: '/care/worklists',
        objectType: 'careEvent',
        objectId: event.id,
      });
      const row = await repo.findRow(tx, auth.orgId, event.id, null);
      return presentEvent(row!);
    });
  },

  async dismiss(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, reason: string) {
    return deps.db.transaction(async (tx) => {
      const event = await repo.lockById(tx, auth.orgId, id);
      if (!event) throw notFound('CARE_EVENT_NOT_FOUND');
      if (event.status !== 'open') throw conflict('INVALID_TRANSITION', '该事件已处理');
      await repo.update(tx, auth.orgId, id, {
        status: 'dismissed',
        dismissReason: reason,
        closedBy: auth.userId,
        closedByName: auth.displayName,
        closedAt: new Date(),
      });
      await writeAudit(tx, actor, {
        action: 'care.event.dismiss',
        objectType: 'careEvent',
        objectId: id,
        detail: { reason },
      });
      const row = await repo.findRow(tx, auth.orgId, id, null);
      return presentEvent(row!);
    });
  },

  async list(deps: Deps, auth: AuthContext, q: CareEventListQuery): Promise<Paged<CareEventView>> {
    const scope = await careScope(deps.db, auth);
    const { rows, total } = await repo.list(deps.db, auth.orgId, scope, q, {
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    const on = today();
    return paged(
      rows.map((r) => presentEvent(r, on)),
      total,
      q,
    );
  },
};
