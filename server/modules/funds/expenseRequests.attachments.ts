import type { AttachmentView } from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { acceptUpload } from '../../lib/upload.js';
import { seesAllRequests } from './expenseRequests.policy.js';
import { expenseRequestsRepository as repo } from './expenseRequests.repository.js';

// Files on an expense request: supporting material (the requester, before approval) and the invoice
// (the treasurer, once approved or paid). Kept small and of a few kinds an accountant files.

const MAX_PER_REQUEST = 10;

type OrgActor = Actor & { orgId: string };

export async function addAttachment(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  requestId: string,
  purpose: 'material' | 'invoice',
  file: { fileName: string; data: Buffer },
): Promise<AttachmentView> {
  const { mimeType, fileName: name } = acceptUpload(file);
  return deps.db.transaction(async (tx) => {
    const r = await repo.findForUpdate(tx, auth.orgId, requestId);
    if (!r || (!seesAllRequests(auth) && r.requestedBy !== auth.userId))
      throw notFound('EXPENSE_REQUEST_NOT_FOUND');
    if (purpose === 'material') {
      if (r.requestedBy !== auth.userId) throw forbidden('FORBIDDEN', '只有申请人可以上传申请材料');
      if (r.status !== 'draft' && r.status !== 'pending') {
        throw conflict('INVALID_TRANSITION', '申请已办结，不能再上传申请材料');
      }
    } else {
      if (!auth.permissions.has('funds:write')) throw forbidden('FORBIDDEN', '发票由工会会计上传');
      if (r.status !== 'approved' && r.status !== 'paid') {
        throw conflict('INVALID_TRANSITION', '申请批准后才能上传发票');
      }
    }
    const existing = await repo.attachments(tx, auth.orgId, [r.id]);
    if (existing.length >= MAX_PER_REQUEST)
      throw conflict('CONFLICT', `每个申请最多${MAX_PER_REQUEST}个附件`);
    const row = await repo.insertAttachment(tx, {
      orgId: auth.orgId,
      requestId: r.id,
      purpose,
      fileName: name,
      mimeType,
      sizeBytes: file.data.length,
      content: file.data,
      uploadedBy: auth.userId,
    });
    await writeAudit(tx, actor, {
      action: 'funds.request.attach',
      objectType: 'expenseRequest',
      objectId: r.id,
      detail: { purpose, fileName: name, sizeBytes: file.data.length },
    });
    return { ...row, createdAt: row.createdAt.toISOString() };
  });
}

export async function listAttachments(
  deps: Deps,
  auth: AuthContext,
  requestId: string,
): Promise<AttachmentView[]> {
  return (await repo.attachments(deps.db, auth.orgId, [requestId])).map(({ requestId: _r, ...a }) => ({
    ...a,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function readAttachment(deps: Deps, auth: AuthContext, requestId: string, id: string) {
  const row = await repo.findById(deps.db, auth.orgId, requestId);
  if (!row || (!seesAllRequests(auth) && row.request.requestedBy !== auth.userId)) {
    throw notFound('EXPENSE_REQUEST_NOT_FOUND');
  }
  const a = await repo.attachment(deps.db, auth.orgId, requestId, id);
  if (!a) throw notFound();
  return a;
}
