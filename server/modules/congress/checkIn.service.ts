import type { AttendanceView, DelegateKind, MyMeetingView } from '../../../common/schemas/congress.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { congressRepository as repo } from './congress.repository.js';
import { congressService, type Meeting, type OrgActor } from './congress.service.js';
import { meetingAcceptsCheckIn, quorumRequired } from './congress.state.js';
import { presentDelegate } from './delegates.service.js';

// Sign-in (签到): an officer at the desk, or the delegate on a phone through the meeting link.

async function openForCheckIn(exec: Executor, orgId: string, meetingId: string): Promise<Meeting> {
  const meeting = await congressService.getMeeting(exec, orgId, meetingId);
  if (!meetingAcceptsCheckIn(meeting.status)) throw conflict('INVALID_TRANSITION', '会议已闭幕，不能签到');
  return meeting;
}

/** The delegate of the meeting's term behind the signed-in account, or 403. */
export async function delegateOfAccount(exec: Executor, auth: AuthContext, meeting: Meeting) {
  const d = auth.memberId
    ? await repo.findDelegateOfMember(exec, auth.orgId, meeting.termId, auth.memberId)
    : undefined;
  if (!d) throw forbidden('FORBIDDEN', '您不是本届职工代表');
  return d;
}

async function checkIn(
  exec: Executor,
  actor: OrgActor,
  meeting: Meeting,
  delegateId: string,
  method: 'officer' | 'self',
) {
  const inserted = await repo.insertCheckIn(exec, {
    orgId: actor.orgId,
    meetingId: meeting.id,
    delegateId,
    method,
    byUserId: actor.userId,
  });
  if (inserted) {
    await writeAudit(exec, actor, {
      action: 'congress.checkIn',
      objectType: 'congressMeeting',
      objectId: meeting.id,
      detail: { delegateId, method },
    });
  }
  const at = await repo.isCheckedIn(exec, actor.orgId, meeting.id, delegateId);
  return { delegateId, checkedInAt: at!.toISOString(), already: !inserted };
}

export const checkInService = {
  async attendance(deps: Deps, auth: AuthContext, meetingId: string): Promise<AttendanceView> {
    const meeting = await congressService.getMeeting(deps.db, auth.orgId, meetingId);
    const rows = await repo.attendance(deps.db, auth.orgId, meeting.termId, meeting.id);
    const full = rows.filter((r) => r.delegate.kind === 'full');
    const present = full.filter((r) => r.checkedInAt).length;
    const required = quorumRequired(full.length, meeting.quorumNumerator, meeting.quorumDenominator);
    return {
      meetingId,
      status: meeting.status,
      entitled: full.length,
      present,
      othersPresent: rows.filter((r) => r.delegate.kind !== 'full' && r.checkedInAt).length,
      quorumRequired: required,
      quorumReached: full.length > 0 && present >= required,
      delegates: rows.map((r) => ({
        ...presentDelegate(r),
        checkedInAt: r.checkedInAt?.toISOString() ?? null,
        method: r.method,
      })),
    };
  },

  /** An officer signs a delegate in; signing in twice keeps the first time. */
  async byOfficer(deps: Deps, actor: OrgActor, meetingId: string, delegateId: string) {
    return deps.db.transaction(async (tx) => {
      const meeting = await openForCheckIn(tx, actor.orgId, meetingId);
      const d = await repo.findDelegate(tx, actor.orgId, delegateId);
      if (!d || d.delegate.termId !== meeting.termId) throw notFound();
      return checkIn(tx, actor, meeting, delegateId, 'officer');
    });
  },

  /** A sign-in entered by mistake is taken back while the meeting runs. */
  async undo(deps: Deps, actor: OrgActor, meetingId: string, delegateId: string) {
    await deps.db.transaction(async (tx) => {
      await openForCheckIn(tx, actor.orgId, meetingId);
      if (!(await repo.deleteCheckIn(tx, actor.orgId, meetingId, delegateId))) throw notFound();
      await writeAudit(tx, actor, {
        action: 'congress.checkIn.undo',
        objectType: 'congressMeeting',
        objectId: meetingId,
        detail: { delegateId },
      });
    });
  },

  /** The delegate signs themself in on a phone. */
  async bySelf(deps: Deps, auth: AuthContext, actor: OrgActor, meetingId: string) {
    return deps.db.transaction(async (tx) => {
      const meeting = await openForCheckIn(tx, auth.orgId, meetingId);
      const d = await delegateOfAccount(tx, auth, meeting);
      return checkIn(tx, actor, meeting, d.delegate.id, 'self');
    });
  },

  /** What the delegate's phone shows at the meeting link. */
  async mine(deps: Deps, auth: AuthContext, meetingId: string): Promise<MyMeetingView> {
    const meeting = await congressService.getMeeting(deps.db, auth.orgId, meetingId);
    const d = auth.memberId
      ? await repo.findDelegateOfMember(deps.db, auth.orgId, meeting.termId, auth.memberId)
      : undefined;
    const [presence, at] = await Promise.all([
      repo.presence(deps.db, auth.orgId, meeting.termId, meeting.id),
      d ? repo.isCheckedIn(deps.db, auth.orgId, meeting.id, d.delegate.id) : null,
    ]);
    return {
      meeting: {
        id: meeting.id,
        title: meeting.title,
        date: meeting.date,
        place: meeting.place,
        status: meeting.status,
      },
      delegate: d
        ? {
            id: d.delegate.id,
            name: d.name,
            kind: d.delegate.kind as DelegateKind,
            delegation: d.delegate.delegation,
          }
        : null,
      checkedInAt: at?.toISOString() ?? null,
      present: presence.present,
      entitled: presence.entitled,
    };
  },
};
