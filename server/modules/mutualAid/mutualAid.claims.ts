import type {
  ClaimCreate,
  ClaimDocumentView,
  ClaimListItem,
  ClaimStatus,
  ClaimView,
} from '../../../common/schemas/mutualAid.js';
import type { Paged } from '../../../common/schemas/shared.js';
import type { Deps } from '../../app.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { paged } from '../../lib/pagination.js';
import { documentView } from '../../lib/sealedDocuments.js';
import { acceptUpload } from '../../lib/upload.js';
import type { OrgActor } from '../members/members.service.js';
import {
  type ClaimWithNames,
  claimDocumentStore as documents,
  mutualAidRepository as repo,
} from './mutualAid.repository.js';
import { claimTransition } from './mutualAid.state.js';

// 互助金申请 (claims): registered by the officer for an enrolled member, approved or refused, then
// the payout recorded. The insurer or the higher union pays the member directly, so the payout is a
// record here and never a ledger entry. Notes and documents describe illness: sealed, looks audited.

const MAX_DOCUMENTS = 20;

function listItem(r: ClaimWithNames): ClaimListItem {
  const c = r.claim;
  return {
    id: c.id,
    planId: c.planId,
    planName: r.planName,
    memberId: c.memberId,
    memberName: r.memberName,
    departmentName: r.departmentName,
    occurredOn: c.occurredOn,
    kind: c.kind,
    claimedFen: c.claimedFen,
    status: c.status,
    approvedFen: c.approvedFen,
    payoutFen: c.payoutFen,
    paidOn: c.paidOn,
    createdAt: c.createdAt.toISOString(),
  };
}

async function detail(deps: Deps, exec: Executor, orgId: string, id: string): Promise<ClaimView> {
  const r = await repo.claim(exec, orgId, id);
  if (!r) throw notFound();
  const docs = await documents.list(exec, orgId, id);
  const c = r.claim;
  return {
    ...listItem(r),
    note: c.noteEnc ? deps.sealer.open(c.noteEnc) : null,
    refuseReason: c.refuseReason,
    payoutRef: c.payoutRef,
    decidedByName: c.decidedByName,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    createdByName: c.createdByName,
    version: c.version,
    documents: docs.map(documentView),
  };
}

type StepBody =
  | { action: 'approve'; approvedFen: number; version: number }
  | { action: 'refuse'; reason: string; version: number }
  | { action: 'pay'; payoutFen: number; paidOn: string; payoutRef: string | null; version: number };

export const claimsService = {
  async list(
    deps: Deps,
    auth: AuthContext,
    q: { page: number; pageSize: number; planId?: string; year?: number; status?: ClaimStatus },
  ): Promise<Paged<ClaimListItem>> {
    const { rows, total } = await repo.claims(deps.db, auth.orgId, q);
    return paged(rows.map(listItem), total, q);
  },

  async get(deps: Deps, auth: AuthContext, actor: OrgActor, id: string): Promise<ClaimView> {
    const view = await detail(deps, deps.db, auth.orgId, id);
    await writeAudit(deps.db, actor, {
      action: 'care.mutualAid.claim.view',
      objectType: 'mutualAidClaim',
      objectId: id,
    });
    return view;
  },

  async create(deps: Deps, auth: AuthContext, actor: OrgActor, body: ClaimCreate): Promise<ClaimView> {
    if (body.occurredOn > today()) throw invalid([{ path: 'occurredOn', message: '发生日期不能晚于今天' }]);
    return deps.db.transaction(async (tx) => {
      const plan = await repo.plan(tx, auth.orgId, body.planId);
      if (!plan) throw invalid([{ path: 'planId', message: '互助保障计划不存在' }]);
      if (!(await repo.enrolment(tx, auth.orgId, body.planId, { memberId: body.memberId }))) {
        throw invalid([{ path: 'memberId', message: '该职工未参加此互助保障计划' }]);
      }
      const { periodStart, periodEnd } = plan.plan;
      if (body.occurredOn < periodStart || body.occurredOn > periodEnd) {
        throw invalid([{ path: 'occurredOn', message: `发生日期须在保障期${periodStart}至${periodEnd}内` }]);
      }
      const row = await repo.insertClaim(tx, {
        orgId: auth.orgId,
        planId: body.planId,
        memberId: body.memberId,
        occurredOn: body.occurredOn,
        kind: body.kind,
        claimedFen: body.claimedFen,
        noteEnc: body.note ? deps.sealer.seal(body.note) : null,
        createdBy: auth.userId,
        createdByName: auth.displayName,
      });
      await writeAudit(tx, actor, {
        action: 'care.mutualAid.claim.create',
        objectType: 'mutualAidClaim',
        objectId: row.id,
        detail: {
          planId: body.planId,
          memberId: body.memberId,
          kind: body.kind,
          claimedFen: body.claimedFen,
        },
      });
      return detail(deps, tx, auth.orgId, row.id);
    });
  },

  /** approve → approved (the amount may be less than claimed), refuse → refused, pay → paid. */
  async step(deps: Deps, auth: AuthContext, actor: OrgActor, id: string, body: StepBody): Promise<ClaimView> {
    return deps.db.transaction(async (tx) => {
      const c = await repo.lockClaim(tx, auth.orgId, id);
      if (!c) throw notFound();
      const status = claimTransition(c.status, body.action);
      if (c.version !== body.version) throw conflict('STALE_VERSION');
      const decided = { decidedBy: auth.userId, decidedByName: auth.displayName, decidedAt: new Date() };
      if (body.action === 'approve') {
        if (body.approvedFen > c.claimedFen) {
          throw invalid([{ path: 'approvedFen', message: '核准金额不能超过申请金额' }]);
        }
        await repo.updateClaim(tx, auth.orgId, id, { status, approvedFen: body.approvedFen, ...decided });
      } else if (body.action === 'refuse') {
        await repo.updateClaim(tx, auth.orgId, id, { status, refuseReason: body.reason, ...decided });
      } else {
        if (body.payoutFen > (c.approvedFen ?? 0)) {
          throw invalid([{ path: 'payoutFen', message: '给付金额不能超过核准金额' }]);
        }
        if (body.paidOn < c.occurredOn || body.paidOn > today()) {
          throw invalid([{ path: 'paidOn', message: '给付日期须在发生日期之后且不晚于今天' }]);
        }
        await repo.updateClaim(tx, auth.orgId, id, {
          status,
          payoutFen: body.payoutFen,
          paidOn: body.paidOn,
          payoutRef: body.payoutRef,
        });
      }
      const { version: _v, action, ...detailFields } = body;
      await writeAudit(tx, actor, {
        action: `care.mutualAid.claim.${action}`,
        objectType: 'mutualAidClaim',
        objectId: id,
        detail: detailFields,
      });
      return detail(deps, tx, auth.orgId, id);
    });
  },

  async addDocument(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    claimId: string,
    upload: { fileName: string; data: Buffer },
  ): Promise<ClaimDocumentView> {
    const { mimeType, fileName } = acceptUpload(upload);
    return deps.db.transaction(async (tx) => {
      const c = await repo.lockClaim(tx, auth.orgId, claimId);
      if (!c) throw notFound();
      if (c.status === 'refused' || c.status === 'paid') {
        throw conflict('INVALID_TRANSITION', '申请已办结，不能再上传材料');
      }
      if ((await documents.count(tx, auth.orgId, claimId)) >= MAX_DOCUMENTS) {
        throw conflict('CONFLICT', `每个申请最多${MAX_DOCUMENTS}份材料`);
      }
      const doc = await documents.add(tx, deps.sealer, {
        orgId: auth.orgId,
        ownerId: claimId,
        fileName,
        mimeType,
        data: upload.data,
        uploadedBy: auth.userId,
      });
      await writeAudit(tx, actor, {
        action: 'care.mutualAid.claim.document.add',
        objectType: 'mutualAidClaim',
        objectId: claimId,
        detail: { documentId: doc.id, sizeBytes: doc.sizeBytes },
      });
      return documentView(doc);
    });
  },

  async readDocument(deps: Deps, auth: AuthContext, actor: OrgActor, claimId: string, id: string) {
    const doc = await documents.open(deps.db, deps.sealer, auth.orgId, claimId, id);
    if (!doc) throw notFound();
    await writeAudit(deps.db, actor, {
      action: 'care.mutualAid.claim.document.view',
      objectType: 'mutualAidClaim',
      objectId: claimId,
      detail: { documentId: id },
    });
    return doc;
  },
};
