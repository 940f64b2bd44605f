import type { EmploymentType, MembershipStatus } from '../../../common/enums.js';
import type {
  CheckupCounts,
  CheckupListQuery,
  CheckupPreview,
  CheckupProgrammeBody,
  CheckupProgrammeUpdateBody,
  CheckupProgrammeView,
  CheckupStatus,
} from '../../../common/schemas/checkup.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { offsetOf, paged } from '../../lib/pagination.js';
import type { OrgActor } from '../members/members.service.js';
import { type BatchRow, type ProgrammeRow, checkupsRepository as repo } from './checkups.repository.js';

// 健康体检, the programme's life: eligibility rules (editable only as a draft), the eligible list
// frozen at publish, closing. Batches, attendance and the follow-up flag are in
// checkups.participants.ts. care:summary sees counts; names and the list are for care:write;
// follow-up flags and notes are health-adjacent and need care:read.

const PREVIEW_ROWS = 20;

export const batchLabel = (b: Pick<BatchRow, 'date' | 'timeSlot' | 'place'>) =>
  `${b.date} ${b.timeSlot} ${b.place}`;

const EMPTY_COUNTS = { eligible: 0, assigned: 0, attended: 0, absent: 0, rescheduled: 0, followUps: 0 };

function countsOf(c: typeof EMPTY_COUNTS): CheckupCounts {
  return {
    eligible: c.eligible,
    assigned: c.assigned,
    attended: c.attended,
    absent: c.absent,
    rescheduled: c.rescheduled,
    followUps: c.followUps,
    pending: c.eligible - c.attended - c.absent - c.rescheduled,
    coverage: c.eligible ? c.attended / c.eligible : 0,
  };
}

function present(p: ProgrammeRow, counts: typeof EMPTY_COUNTS = EMPTY_COUNTS): CheckupProgrammeView {
  return {
    id: p.id,
    name: p.name,
    year: p.year,
    provider: p.provider,
    budgetPerPersonFen: p.budgetPerPersonFen,
    referenceDate: p.referenceDate,
    employmentTypes: p.employmentTypes as EmploymentType[],
    minServiceYears: p.minServiceYears,
    minAge: p.minAge,
    maxAge: p.maxAge,
    statuses: p.statuses as MembershipStatus[],
    womenExtraItems: p.womenExtraItems,
    status: p.status,
    note: p.note,
    version: p.version,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    createdByName: p.createdByName,
    createdAt: p.createdAt.toISOString(),
    counts: countsOf(counts),
  };
}

async function withCounts(exec: Executor, orgId: string, rows: ProgrammeRow[]) {
  const counts = new Map(
    (
      await repo.counts(
        exec,
        orgId,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.programmeId, c]),
  );
  return rows.map((r) => present(r, counts.get(r.id)));
}

export async function loadProgramme(exec: Executor, orgId: string, id: string, lock = false) {
  const p = await repo.findProgramme(exec, orgId, id, lock);
  if (!p) throw notFound();
  return p;
}

const STEP_MESSAGES: Record<CheckupStatus, string> = {
  draft: '体检项目尚未发布',
  published: '体检项目已发布，名单已固定，不能再修改条件',
  closed: '体检项目已结束',
};

/** 409 unless the programme is in one of the given states; the message says which state it is in. */
export function assertStatus(p: ProgrammeRow, ...allowed: CheckupStatus[]) {
  if (!allowed.includes(p.status)) throw conflict('INVALID_TRANSITION', STEP_MESSAGES[p.status]);
}

function programmeValues(body: CheckupProgrammeBody) {
  return {
    name: body.name,
    year: body.year,
    provider: body.provider,
    budgetPerPersonFen: body.budgetPerPersonFen,
    referenceDate: body.referenceDate ?? `${body.year}-01-01`,
    employmentTypes: body.employmentTypes,
    minServiceYears: body.minServiceYears,
    minAge: body.minAge,
    maxAge: body.maxAge,
    statuses: body.statuses,
    womenExtraItems: body.womenExtraItems,
    note: body.note,
  };
}

const duplicateName = (body: { year: number; name: string }) =>
  conflict('DUPLICATE', `${body.year}年已有名为「${body.name}」的体检项目`, [
    { path: 'name', message: '同一年度的体检项目名称不能重复' },
  ]);

function isUniqueViolation(e: unknown) {
  return ((e as { cause?: { code?: string } }).cause ?? (e as { code?: string }))?.code === '23505';
}

/** The participants by id on this programme; 404 when any is missing (or another programme's). */
export const checkupsService = {
  async list(deps: Deps, auth: AuthContext, q: CheckupListQuery) {
    const { rows, total } = await repo.listProgrammes(
      deps.db,
      auth.orgId,
      { year: q.year, status: q.status },
      q.pageSize,
      offsetOf(q),
    );
    return paged(await withCounts(deps.db, auth.orgId, rows), total, q);
  },

  async get(deps: Deps, auth: AuthContext, id: string) {
    const p = await loadProgramme(deps.db, auth.orgId, id);
    const [view] = await withCounts(deps.db, auth.orgId, [p]);
    return view;
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, body: CheckupProgrammeBody) {
    return deps.db.transaction(async (tx) => {
      const row = await repo.insertProgramme(tx, {
        ...programmeValues(body),
        orgId: auth.orgId,
        createdByName: auth.displayName,
      });
      if (!row) throw duplicateName(body);
      await writeAudit(tx, actor, {
        action: 'care.checkup.create',
        objectType: 'checkup',
        objectId: row.id,
        detail: { name: row.name, year: row.year },
      });
      return present(row);
    });
  },

  /** Rules change only in a draft: once published, the list is what the centre was sent. */
  async update(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: CheckupProgrammeUpdateBody) {
    try {
      return await deps.db.transaction(async (tx) => {
        const p = await loadProgramme(tx, auth.orgId, id, true);
        assertStatus(p, 'draft');
        if (p.version !== body.version) throw conflict('STALE_VERSION');
        const row = await repo.updateProgramme(tx, auth.orgId, id, programmeValues(body));
        await writeAudit(tx, actor, {
          action: 'care.checkup.update',
          objectType: 'checkup',
          objectId: id,
          detail: { name: row.name, year: row.year },
        });
        return present(row);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateName(body);
      throw e;
    }
  },

  async remove(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    await deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id, true);
      assertStatus(p, 'draft');
      await repo.deleteProgramme(tx, auth.orgId, id);
      await writeAudit(tx, actor, {
        action: 'care.checkup.delete',
        objectType: 'checkup',
        objectId: id,
        detail: { name: p.name, year: p.year },
      });
    });
  },

  /** Who the draft's rules select today: the count and the first rows. */
  async preview(deps: Deps, auth: AuthContext, id: string): Promise<CheckupPreview> {
    const p = await loadProgramme(deps.db, auth.orgId, id);
    assertStatus(p, 'draft');
    const [count, rows] = await Promise.all([
      repo.eligibleCount(deps.db, auth.orgId, p),
      repo.eligibleRows(deps.db, auth.orgId, p, PREVIEW_ROWS),
    ]);
    return { count, rows };
  },

  /** Freezes the eligible list as participant rows; the row lock makes a second publish a 409. */
  async publish(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id, true);
      assertStatus(p, 'draft');
      const n = await repo.freezeEligible(tx, p);
      if (n === 0) throw conflict('CONFLICT', '按当前条件没有符合体检条件的人员，请调整条件后再发布');
      const row = await repo.updateProgramme(tx, auth.orgId, id, {
        status: 'published',
        eligibleCount: n,
        publishedAt: new Date(),
      });
      await writeAudit(tx, actor, {
        action: 'care.checkup.publish',
        objectType: 'checkup',
        objectId: id,
        detail: { eligible: n },
      });
      const [view] = await withCounts(tx, auth.orgId, [row]);
      return view;
    });
  },

  async close(deps: Deps, auth: AuthContext, actor: OrgActor, id: string) {
    return deps.db.transaction(async (tx) => {
      const p = await loadProgramme(tx, auth.orgId, id, true);
      assertStatus(p, 'published');
      const row = await repo.updateProgramme(tx, auth.orgId, id, { status: 'closed', closedAt: new Date() });
      await writeAudit(tx, actor, { action: 'care.checkup.close', objectType: 'checkup', objectId: id });
      const [view] = await withCounts(tx, auth.orgId, [row]);
      return view;
    });
  },
};
