import type {
  CheckupAidCaseBody,
  CheckupAssignBody,
  CheckupAttendanceBody,
  CheckupBatchBody,
  CheckupBatchView,
  CheckupFollowUpBody,
  CheckupParticipantView,
  MyCheckups,
} from '../../../common/schemas/checkup.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { openAidCase } from '../aid/aid.service.js';
import type { OrgActor } from '../members/members.service.js';
import {
  type BatchRow,
  type ParticipantFilter,
  type ParticipantRow,
  checkupsRepository as repo,
} from './checkups.repository.js';
import { assertStatus, batchLabel, loadProgramme } from './checkups.service.js';

// 健康体检, the people side: batches, who goes in which, attendance, the follow-up flag (and the aid
// case it may open), and a member's own checkups. The programme's life (draft, publish, close) and
// its eligibility rules are in checkups.service.ts.

async function loadParticipants(exec: Executor, orgId: string, programmeId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await repo.findParticipants(exec, orgId, programmeId, unique);
  if (rows.length !== unique.length) throw notFound();
  return rows;
}

function participantView(
  r: { participant: ParticipantRow; batch: BatchRow | null },
  seesFollowUp: boolean,
  deps: Pick<Deps, 'sealer'>,
): CheckupParticipantView {
  const p = r.participant;
  return {
    id: p.id,
    memberId: p.memberId,
    name: p.name,
    gender: p.gender,
    age: p.age,
    departmentId: p.departmentId,
    departmentName: p.departmentName,
    employmentType: p.employmentType,
    extraItems: p.extraItems,
    batchId: p.batchId,
    batchLabel: r.batch ? batchLabel(r.batch) : null,
    attendance: p.attendance,
    followUp: seesFollowUp ? p.followUp : null,
    followUpNote: seesFollowUp && p.followUpNoteEnc ? deps.sealer.open(p.followUpNoteEnc) : null,
    followUpByName: seesFollowUp ? p.followUpByName : null,
    aidCaseId: seesFollowUp ? p.aidCaseId : null,
  };
}

export const checkupParticipantsService = {
  async participants(
    deps: Deps,
    auth: AuthContext,
    id: string,
    q: Omit<ParticipantFilter, 'followUp'> & { followUp?: 'true' | 'false'; page: number; pageSize: number },
  ): Promise<Paged<CheckupParticipantView>> {
    const seesFollowUp = auth.permissions.has('care:read');
    if (q.followUp !== undefined && !seesFollowUp) throw forbidden('FORBIDDEN', '没有查看复查标记的权限');
    await loadProgramme(deps.db, auth.orgId, id);
    const { rows, total } = await repo.listParticipants(
      deps.db,
      auth.orgId,
      id,
      { ...q, followUp: q.followUp === undefined ? undefined : q.followUp === 'true' },
      q.pageSize,
      offsetOf(q),
    );
    return paged(
      rows.map((r) => participantView(r, seesFollowUp, deps)),
      total,
      q,
    );
  },

  async batches(deps: Deps, auth: AuthContext, id: string): Promise<CheckupBatchView[]> {
    await loadProgramme(deps.db, auth.orgId, id);
    const rows = await repo.listBatches(deps.db, auth.orgId, id);
    return rows.map(({ batch: b, assigned, attended }) => ({
      id: b.id,
      date: b.date,
      timeSlot: b.timeSlot,
      place: b.place,
      capacity: b.capacity,
      assigned,
      attended,
      label: batchLabel(b),
    }));
  },

  async createBatch(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: CheckupBatchBody) {
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id, true);
      assertStatus(p, 'draft', 'published');
      const b = await repo.insertBatch(tx, { ...body, orgId: auth.orgId, programmeId: id });
      await writeAudit(tx, actor, {
        action: 'care.checkup.batch.create',
        objectType: 'checkup',
        objectId: id,
        detail: { batchId: b.id, date: b.date, capacity: b.capacity },
      });
      return { ...b, assigned: 0, attended: 0, label: batchLabel(b) };
    });
  },

  /** A batch may not shrink below the people already in it. */
  async updateBatch(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    batchId: string,
    body: CheckupBatchBody,
  ) {
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id);
      const batch = await repo.findBatch(tx, auth.orgId, id, batchId, true);
      if (!batch) throw notFound();
      assertStatus(p, 'draft', 'published');
      const load = await repo.batchLoad(tx, auth.orgId, batchId);
      if (body.capacity < load.assigned) {
        throw conflict('CONFLICT', `该批次已安排${load.assigned}人，容量不能小于已安排人数`, [
          { path: 'capacity', message: `容量不能小于已安排人数${load.assigned}` },
        ]);
      }
      const b = await repo.updateBatch(tx, auth.orgId, batchId, body);
      await writeAudit(tx, actor, {
        action: 'care.checkup.batch.update',
        objectType: 'checkup',
        objectId: id,
        detail: { batchId, date: b.date, capacity: b.capacity },
      });
      return { ...b, ...load, label: batchLabel(b) };
    });
  },

  /** A batch nobody has attended yet may go; its people return to the unassigned. */
  async removeBatch(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, batchId: string) {
    await deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id);
      const batch = await repo.findBatch(tx, auth.orgId, id, batchId, true);
      if (!batch) throw notFound();
      assertStatus(p, 'draft', 'published');
      const load = await repo.batchLoad(tx, auth.orgId, batchId);
      if (load.attended > 0) throw conflict('IN_USE', '该批次已有人员体检，不能删除');
      await repo.deleteBatch(tx, auth.orgId, batchId);
      await writeAudit(tx, actor, {
        action: 'care.checkup.batch.delete',
        objectType: 'checkup',
        objectId: id,
        detail: { batchId, date: batch.date, unassigned: load.assigned },
      });
    });
  },

  /**
   * Puts whole departments and/or chosen people into a batch. The batch row is locked, so two
   * assignments racing for its last places cannot both fill it. People who already attended stay put.
   */
  async assign(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: CheckupAssignBody) {
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id);
      const batch = await repo.findBatch(tx, auth.orgId, id, body.batchId, true);
      if (!batch) throw notFound();
      assertStatus(p, 'published');
      if (body.participantIds.length) {
        const chosen = await loadParticipants(tx, auth.orgId, id, body.participantIds);
        if (chosen.some((c) => c.attendance === 'attended' && c.batchId !== batch.id)) {
          throw conflict('CONFLICT', '已体检的人员不能调整批次');
        }
      }
      const moving = (await repo.assignable(tx, auth.orgId, id, batch.id, body)).map((r) => r.id);
      const load = await repo.batchLoad(tx, auth.orgId, batch.id);
      if (load.assigned + moving.length > batch.capacity) {
        throw conflict(
          'CONFLICT',
          `该批次容量${batch.capacity}人，已安排${load.assigned}人，本次${moving.length}人超出容量`,
        );
      }
      await repo.setBatch(tx, auth.orgId, moving, batch.id);
      await writeAudit(tx, actor, {
        action: 'care.checkup.assign',
        objectType: 'checkup',
        objectId: id,
        detail: { batchId: batch.id, departments: body.departmentIds.length, assigned: moving.length },
      });
      return { assigned: moving.length, batchTotal: load.assigned + moving.length };
    });
  },

  async markAttendance(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    body: CheckupAttendanceBody,
  ) {
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id);
      const rows = await loadParticipants(tx, auth.orgId, id, body.participantIds);
      assertStatus(p, 'published');
      await repo.setAttendance(
        tx,
        auth.orgId,
        rows.map((r) => r.id),
        body.attendance,
      );
      await writeAudit(tx, actor, {
        action: 'care.checkup.attendance',
        objectType: 'checkup',
        objectId: id,
        detail: { attendance: body.attendance, count: rows.length },
      });
      return { updated: rows.length };
    });
  },

  /** Needs follow-up (需复查): a flag and a short sealed note, never a diagnosis. */
  async setFollowUp(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    participantId: string,
    body: CheckupFollowUpBody,
  ) {
    if (!auth.permissions.has('care:read')) throw forbidden('FORBIDDEN', '没有登记复查标记的权限');
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id);
      const [row] = await loadParticipants(tx, auth.orgId, id, [participantId]);
      assertStatus(p, 'published', 'closed');
      if (body.followUp && row.attendance !== 'attended') {
        throw conflict('CONFLICT', '只有已体检的人员才能标记需复查');
      }
      const updated = await repo.updateParticipant(tx, auth.orgId, row.id, {
        followUp: body.followUp,
        followUpNoteEnc: body.note ? deps.sealer.seal(body.note) : null,
        followUpAt: body.followUp ? new Date() : null,
        followUpByName: body.followUp ? auth.displayName : null,
      });
      await writeAudit(tx, actor, {
        action: 'care.checkup.followUp',
        objectType: 'checkupParticipant',
        objectId: row.id,
        detail: { programmeId: id, memberId: row.memberId, followUp: body.followUp },
      });
      return participantView({ participant: updated, batch: null }, true, deps);
    });
  },

  /**
   * Opens an aid case (大病救助…) for a row flagged for follow-up, in the same transaction, and links
   * it on the row; the row lock makes a second click a 409 rather than a second case.
   */
  async openAidCase(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    participantId: string,
    body: CheckupAidCaseBody,
  ) {
    if (!auth.permissions.has('care:read')) throw forbidden('FORBIDDEN', '没有查看复查标记的权限');
    return deps.db.transaction(async (tx) => {
      await loadProgramme(tx, auth.orgId, id);
      const [row] = await loadParticipants(tx, auth.orgId, id, [participantId]);
      if (!row.followUp) throw conflict('CONFLICT', '只有标记为需复查的人员才能转救助');
      if (row.aidCaseId) throw conflict('DUPLICATE', '已为该人员发起过救助申请');
      const aid = await openAidCase(
        tx,
        auth,
        actor,
        { memberId: row.memberId, ...body, source: { module: 'checkup', id: row.id } },
        deps,
      );
      const updated = await repo.updateParticipant(tx, auth.orgId, row.id, { aidCaseId: aid.id });
      await writeAudit(tx, actor, {
        action: 'care.checkup.aidCase',
        objectType: 'checkupParticipant',
        objectId: row.id,
        detail: { programmeId: id, aidCaseId: aid.id, kind: body.kind },
      });
      return participantView({ participant: updated, batch: null }, true, deps);
    });
  },

  /**
   * The signed-in member's own checkups (published or closed programmes, newest year first). Not
   * audited: it is the member's own list of dates and places, with nothing sealed in it, like the
   * aid module's list of one's own cases (only opening a case, which shows sealed details, is).
   * The follow-up flag is left out on purpose: it is the care officers' signal to act (a visit, an
   * aid case), written for them; a bare "需复查" without the doctor's explanation would alarm rather
   * than inform, and the member gets their results from the checkup centre.
   */
  async mine(deps: Deps, auth: AuthContext): Promise<MyCheckups> {
    if (!auth.memberId) return { data: [], memberLinked: false };
    const rows = await repo.ofMember(deps.db, auth.orgId, auth.memberId);
    return {
      memberLinked: true,
      data: rows.map(({ participant: p, programme, batch }) => ({
        programmeId: programme.id,
        programmeName: programme.name,
        year: programme.year,
        programmeStatus: programme.status === 'closed' ? 'closed' : 'published',
        provider: programme.provider,
        extraItems: p.extraItems,
        batch: batch ? { date: batch.date, timeSlot: batch.timeSlot, place: batch.place } : null,
        attendance: p.attendance,
      })),
    };
  },
};
