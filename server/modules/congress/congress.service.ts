import { defaultMeetingTitle } from '../../../common/chineseNumber.js';
import type {
  MeetingAction,
  MeetingCreate,
  MeetingStatus,
  MeetingUpdate,
  MeetingView,
  TermBody,
  TermView,
} from '../../../common/schemas/congress.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import { type MeetingWithTerm, congressRepository as repo, type TermRow } from './congress.repository.js';
import { meetingActions, meetingEditable, meetingRefusal, meetingTransition } from './congress.state.js';

export type OrgActor = Actor & { orgId: string };
/** A meeting as other modules see it (proposals reference meetings). */
export type Meeting = MeetingWithTerm['meeting'] & { termNumber: number };

function termName(number: number) {
  return defaultMeetingTitle(number, 1).replace(/第一次/, '');
}

function presentTerm(t: TermRow, delegateCount = 0, fullDelegateCount = 0): TermView {
  return {
    id: t.id,
    number: t.number,
    name: termName(t.number),
    startDate: t.startDate,
    endDate: t.endDate,
    note: t.note,
    delegateCount,
    fullDelegateCount,
  };
}

export function presentMeeting(r: MeetingWithTerm, auth: AuthContext): MeetingView {
  const m = r.meeting;
  const status = m.status as MeetingStatus;
  const manage = auth.permissions.has('congress:manage');
  return {
    id: m.id,
    termId: m.termId,
    termNumber: r.termNumber,
    number: m.number,
    title: m.title,
    date: m.date,
    place: m.place,
    agenda: m.agenda,
    status,
    quorumNumerator: m.quorumNumerator,
    quorumDenominator: m.quorumDenominator,
    version: m.version,
    abilities: {
      edit: manage && meetingEditable(status),
      actions: manage ? meetingActions(status) : [],
    },
  };
}

/** A per-org key taken by a racing request: the number is already used. */
async function uniqueNumber<T>(work: () => Promise<T>, path: string, message: string): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const pg = ((e as { cause?: unknown }).cause ?? e) as { code?: string };
    if (pg?.code === '23505') throw conflict('DUPLICATE', message, [{ path, message }]);
    throw e;
  }
}

async function loadTerm(exec: Executor, orgId: string, id: string): Promise<TermRow> {
  const t = await repo.findTerm(exec, orgId, id);
  if (!t) throw notFound();
  return t;
}

/** A meeting of the org, or 404. Other modules (proposals) call this. */
async function getMeeting(exec: Executor, orgId: string, id: string, opts: { lock?: boolean } = {}) {
  const r = await repo.findMeeting(exec, orgId, id, opts);
  if (!r) throw notFound();
  return { ...r.meeting, termNumber: r.termNumber } satisfies Meeting;
}

export const congressService = {
  getMeeting,
  loadTerm,

  async listTerms(deps: Deps, auth: AuthContext): Promise<TermView[]> {
    const rows = await repo.listTerms(deps.db, auth.orgId);
    return rows.map((r) => presentTerm(r.term, r.delegates, r.fullDelegates));
  },

  async getTerm(deps: Deps, auth: AuthContext, id: string): Promise<TermView> {
    const term = await loadTerm(deps.db, auth.orgId, id);
    const [row] = (await repo.listTerms(deps.db, auth.orgId)).filter((r) => r.term.id === id);
    return presentTerm(term, row?.delegates, row?.fullDelegates);
  },

  async createTerm(deps: Deps, actor: OrgActor, input: TermBody): Promise<TermView> {
    return deps.db.transaction(async (tx) => {
      const term = await uniqueNumber(
        () => repo.insertTerm(tx, { orgId: actor.orgId, ...input }),
        'number',
        `第${input.number}届已登记`,
      );
      await writeAudit(tx, actor, {
        action: 'congress.term.create',
        objectType: 'congressTerm',
        objectId: term.id,
        detail: { number: term.number },
      });
      return presentTerm(term);
    });
  },

  async updateTerm(deps: Deps, actor: OrgActor, id: string, input: TermBody): Promise<TermView> {
    return deps.db.transaction(async (tx) => {
      const term = await uniqueNumber(
        () => repo.updateTerm(tx, actor.orgId, id, input),
        'number',
        `第${input.number}届已登记`,
      );
      if (!term) throw notFound();
      await writeAudit(tx, actor, {
        action: 'congress.term.update',
        objectType: 'congressTerm',
        objectId: id,
        detail: { ...input },
      });
      return presentTerm(term);
    });
  },

  async listMeetings(
    deps: Deps,
    auth: AuthContext,
    q: { termId?: string; page: number; pageSize: number },
  ): Promise<Paged<MeetingView>> {
    const { rows, total } = await repo.listMeetings(deps.db, auth.orgId, q, {
      limit: q.pageSize,
      offset: offsetOf(q),
    });
    return paged(
      rows.map((r) => presentMeeting(r, auth)),
      total,
      q,
    );
  },

  async meetingView(deps: Deps, auth: AuthContext, id: string): Promise<MeetingView> {
    const r = await repo.findMeeting(deps.db, auth.orgId, id);
    if (!r) throw notFound();
    return presentMeeting(r, auth);
  },

  async createMeeting(deps: Deps, auth: AuthContext, actor: OrgActor, input: MeetingCreate) {
    return deps.db.transaction(async (tx) => {
      const term = await repo.findTerm(tx, actor.orgId, input.termId);
      if (!term)
        throw new AppError(400, 'VALIDATION_FAILED', '所选届不存在', [
          { path: 'termId', message: '所选届不存在' },
        ]);
      const meeting = await uniqueNumber(
        () =>
          repo.insertMeeting(tx, {
            ...input,
            orgId: actor.orgId,
            title: input.title ?? defaultMeetingTitle(term.number, input.number),
          }),
        'number',
        `本届第${input.number}次会议已登记`,
      );
      await writeAudit(tx, actor, {
        action: 'congress.meeting.create',
        objectType: 'congressMeeting',
        objectId: meeting.id,
        detail: { title: meeting.title, date: meeting.date },
      });
      return presentMeeting({ meeting, termNumber: term.number }, auth);
    });
  },

  async updateMeeting(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, input: MeetingUpdate) {
    return deps.db.transaction(async (tx) => {
      const current = await getMeeting(tx, actor.orgId, id, { lock: true });
      if (current.version !== input.version) throw conflict('STALE_VERSION');
      if (!meetingEditable(current.status)) {
        throw conflict('INVALID_TRANSITION', '会议已开幕，不能再修改会议信息');
      }
      const { version, ...fields } = input;
      const row = await uniqueNumber(
        () =>
          repo.updateMeeting(tx, actor.orgId, id, version, {
            ...fields,
            title: fields.title ?? defaultMeetingTitle(current.termNumber, fields.number),
          }),
        'number',
        `本届第${fields.number}次会议已登记`,
      );
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, {
        action: 'congress.meeting.update',
        objectType: 'congressMeeting',
        objectId: id,
        detail: { ...fields },
      });
      return presentMeeting({ meeting: row, termNumber: current.termNumber }, auth);
    });
  },

  /** Opens or closes a meeting; closing waits until every poll of it is closed. */
  async changeMeetingStatus(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    id: string,
    action: MeetingAction,
    openPolls: (exec: Executor, orgId: string, meetingId: string) => Promise<number>,
  ): Promise<MeetingView> {
    return deps.db.transaction(async (tx) => {
      const current = await getMeeting(tx, actor.orgId, id, { lock: true });
      const to = meetingTransition(current.status, action);
      if (!to) throw conflict('INVALID_TRANSITION', meetingRefusal(current.status, action));
      if (action === 'close' && (await openPolls(tx, actor.orgId, id)) > 0) {
        throw conflict('INVALID_TRANSITION', '还有表决未结束，不能闭幕');
      }
      const row = await repo.updateMeeting(tx, actor.orgId, id, current.version, { status: to });
      if (!row) throw conflict('STALE_VERSION');
      await writeAudit(tx, actor, {
        action: `congress.meeting.${action}`,
        objectType: 'congressMeeting',
        objectId: id,
        detail: { from: current.status, to },
      });
      return presentMeeting({ meeting: row, termNumber: current.termNumber }, auth);
    });
  },
};
