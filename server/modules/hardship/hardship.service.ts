import type {
  HardshipClose,
  HardshipCreate,
  HardshipFileView,
  HardshipLevel,
  HardshipListItem,
  HardshipListQuery,
  HardshipReason,
  HardshipReview,
  HardshipSummary,
  HardshipUpdate,
  HouseholdMember,
} from '../../../common/schemas/hardship.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import type { Sealer } from '../../lib/crypto.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { paged } from '../../lib/pagination.js';
import { documentView } from '../../lib/sealedDocuments.js';
import type { OrgActor } from '../members/members.service.js';
import { oneYearAfter, reviewDueBy } from './hardship.dates.js';
import {
  type HardshipFileRow,
  type HardshipFileWithNames,
  hardshipDocumentStore,
  hardshipRepository as repo,
} from './hardship.repository.js';

// 困难职工档案: register, update, review yearly, close. The household, income and notes are sealed;
// only care:read sees them, and every look at a file is audited.

/** What `details_enc` holds: the family's finances, never stored in plain text. */
interface SealedDetails {
  household: HouseholdMember[];
  monthlyIncomePerHeadFen: number;
  situation: string | null;
}

const sealDetails = (sealer: Sealer, d: SealedDetails) => sealer.seal(JSON.stringify(d));
const openDetails = (sealer: Sealer, enc: Buffer): SealedDetails => JSON.parse(sealer.open(enc));
const sealNote = (sealer: Sealer, note: string | null | undefined) => (note ? sealer.seal(note) : null);

function listItem(row: HardshipFileWithNames, now: string): HardshipListItem {
  const f = row.file;
  const active = f.status === 'active';
  return {
    id: f.id,
    memberId: f.memberId,
    memberName: row.memberName,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    status: f.status,
    level: f.level,
    reasons: f.reasons as HardshipReason[],
    registeredOn: f.registeredOn,
    nextReviewOn: f.nextReviewOn,
    closedOn: f.closedOn,
    reviewDue: active && f.nextReviewOn <= reviewDueBy(now),
    overdue: active && f.nextReviewOn < now,
  };
}

async function detail(deps: Deps, exec: Executor, orgId: string, id: string): Promise<HardshipFileView> {
  const row = await repo.find(exec, orgId, id);
  if (!row) throw notFound();
  // One after another: inside a transaction the queries share one connection.
  const events = await repo.events(exec, orgId, id);
  const documents = await hardshipDocumentStore.list(exec, orgId, id);
  const otherFiles = await repo.otherFiles(exec, orgId, row.file.memberId, id);
  const details = openDetails(deps.sealer, row.file.detailsEnc);
  return {
    ...listItem(row, today()),
    memberIdNumberMasked: row.idNumberMasked,
    household: details.household,
    monthlyIncomePerHeadFen: details.monthlyIncomePerHeadFen,
    situation: details.situation,
    closeReason: row.file.closeReason,
    version: row.file.version,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      on: e.on,
      outcome: e.outcome,
      levelFrom: e.levelFrom as HardshipLevel | null,
      levelTo: e.levelTo as HardshipLevel | null,
      note: e.noteEnc ? deps.sealer.open(e.noteEnc) : null,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    })),
    documents: documents.map(documentView),
    otherFiles,
  };
}

/** Locks the file; 404 when missing, 409 when closed or changed since the caller read it. */
async function lockActive(
  tx: Executor,
  orgId: string,
  id: string,
  version?: number,
): Promise<HardshipFileRow> {
  const file = await repo.findForUpdate(tx, orgId, id);
  if (!file) throw notFound();
  if (file.status !== 'active')
    throw conflict('INVALID_TRANSITION', '档案已退出，不能再修改；如再次困难请新建档案');
  if (version !== undefined && file.version !== version) throw conflict('STALE_VERSION');
  return file;
}

function notBefore(date: string, earliest: string, path: string, label: string) {
  if (date < earliest) throw invalid([{ path, message: `${label}不能早于建档日期${earliest}` }]);
}

export const hardshipService = {
  async list(deps: Deps, auth: AuthContext, q: HardshipListQuery): Promise<Paged<HardshipListItem>> {
    const now = today();
    const { rows, total } = await repo.list(deps.db, auth.orgId, q, reviewDueBy(now));
    return paged(
      rows.map((r) => listItem(r, now)),
      total,
      q,
    );
  },

  async summary(deps: Deps, auth: AuthContext): Promise<HardshipSummary> {
    const rows = await repo.summary(deps.db, auth.orgId, reviewDueBy(today()));
    const s: HardshipSummary = {
      active: 0,
      closed: 0,
      reviewDue: 0,
      byLevel: { general: 0, special: 0, deep: 0 },
    };
    for (const r of rows) {
      s[r.status] += r.n;
      if (r.status === 'active') {
        s.byLevel[r.level] += r.n;
        s.reviewDue += r.due;
      }
    }
    return s;
  },

  /** A look at the family's finances: audited whoever looks. */
  async get(deps: Deps, auth: AuthContext, actor: OrgActor, id: string): Promise<HardshipFileView> {
    const view = await detail(deps, deps.db, auth.orgId, id);
    await writeAudit(deps.db, actor, {
      action: 'care.hardship.view',
      objectType: 'hardshipFile',
      objectId: id,
    });
    return view;
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, body: HardshipCreate) {
    if (body.registeredOn > today()) {
      throw invalid([{ path: 'registeredOn', message: '建档日期不能晚于今天' }]);
    }
    return deps.db.transaction(async (tx) => {
      const member = await repo.memberInOrg(tx, auth.orgId, body.memberId);
      if (!member) throw invalid([{ path: 'memberId', message: '职工不存在' }]);
      const file = await repo.insert(tx, {
        orgId: auth.orgId,
        memberId: body.memberId,
        level: body.level,
        reasons: body.reasons,
        detailsEnc: sealDetails(deps.sealer, {
          household: body.household,
          monthlyIncomePerHeadFen: body.monthlyIncomePerHeadFen,
          situation: body.situation,
        }),
        registeredOn: body.registeredOn,
        nextReviewOn: oneYearAfter(body.registeredOn),
        createdBy: auth.userId,
        createdByName: auth.displayName,
      });
      if (!file) throw conflict('DUPLICATE', `${member.name}已有在档的困难职工档案`);
      await repo.insertEvent(tx, {
        orgId: auth.orgId,
        fileId: file.id,
        kind: 'registered',
        on: body.registeredOn,
        levelTo: body.level,
        actorId: auth.userId,
        actorName: auth.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'care.hardship.create',
        objectType: 'hardshipFile',
        objectId: file.id,
        detail: { memberId: body.memberId, level: body.level },
      });
      return detail(deps, tx, auth.orgId, file.id);
    });
  },

  async update(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: HardshipUpdate) {
    return deps.db.transaction(async (tx) => {
      const file = await lockActive(tx, auth.orgId, id, body.version);
      await repo.update(tx, auth.orgId, id, {
        level: body.level,
        reasons: body.reasons,
        detailsEnc: sealDetails(deps.sealer, {
          household: body.household,
          monthlyIncomePerHeadFen: body.monthlyIncomePerHeadFen,
          situation: body.situation,
        }),
      });
      await repo.insertEvent(tx, {
        orgId: auth.orgId,
        fileId: id,
        kind: 'updated',
        on: today(),
        levelFrom: file.level,
        levelTo: body.level,
        actorId: auth.userId,
        actorName: auth.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'care.hardship.update',
        objectType: 'hardshipFile',
        objectId: id,
        detail: { levelFrom: file.level, levelTo: body.level },
      });
      return detail(deps, tx, auth.orgId, id);
    });
  },

  /**
   * 年度复核. Continue: the level and income may change and the next review is a year after this one.
   * Close: the file leaves the register with the review note as its reason.
   */
  async review(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: HardshipReview) {
    if (body.reviewedOn > today()) throw invalid([{ path: 'reviewedOn', message: '复核日期不能晚于今天' }]);
    return deps.db.transaction(async (tx) => {
      const file = await lockActive(tx, auth.orgId, id, body.version);
      notBefore(body.reviewedOn, file.registeredOn, 'reviewedOn', '复核日期');
      const levelTo = body.outcome === 'continue' ? (body.level ?? file.level) : file.level;
      if (body.outcome === 'continue') {
        let detailsEnc: Buffer | undefined;
        if (body.monthlyIncomePerHeadFen !== undefined) {
          const d = openDetails(deps.sealer, file.detailsEnc);
          detailsEnc = sealDetails(deps.sealer, {
            ...d,
            monthlyIncomePerHeadFen: body.monthlyIncomePerHeadFen,
          });
        }
        await repo.update(tx, auth.orgId, id, {
          level: levelTo,
          nextReviewOn: oneYearAfter(body.reviewedOn),
          ...(detailsEnc ? { detailsEnc } : {}),
        });
      } else {
        await repo.update(tx, auth.orgId, id, {
          status: 'closed',
          closedOn: body.reviewedOn,
          closeReason: body.note,
        });
      }
      await repo.insertEvent(tx, {
        orgId: auth.orgId,
        fileId: id,
        kind: 'reviewed',
        on: body.reviewedOn,
        outcome: body.outcome,
        levelFrom: file.level,
        levelTo,
        noteEnc: sealNote(deps.sealer, body.note),
        actorId: auth.userId,
        actorName: auth.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'care.hardship.review',
        objectType: 'hardshipFile',
        objectId: id,
        detail: { outcome: body.outcome, levelFrom: file.level, levelTo },
      });
      return detail(deps, tx, auth.orgId, id);
    });
  },

  async close(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: HardshipClose) {
    if (body.closedOn > today()) throw invalid([{ path: 'closedOn', message: '退出日期不能晚于今天' }]);
    return deps.db.transaction(async (tx) => {
      const file = await lockActive(tx, auth.orgId, id, body.version);
      notBefore(body.closedOn, file.registeredOn, 'closedOn', '退出日期');
      await repo.update(tx, auth.orgId, id, {
        status: 'closed',
        closedOn: body.closedOn,
        closeReason: body.reason,
      });
      await repo.insertEvent(tx, {
        orgId: auth.orgId,
        fileId: id,
        kind: 'closed',
        on: body.closedOn,
        levelFrom: file.level,
        noteEnc: sealNote(deps.sealer, body.reason),
        actorId: auth.userId,
        actorName: auth.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'care.hardship.close',
        objectType: 'hardshipFile',
        objectId: id,
      });
      return detail(deps, tx, auth.orgId, id);
    });
  },
};
