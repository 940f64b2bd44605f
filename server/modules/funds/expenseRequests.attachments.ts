import type { AttachmentView } from '../../../common/schemas/funds.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { Actor, AuthContext } from '../../lib/context.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { seesAllRequests } from './expenseRequests.policy.js';
import { expenseRequestsRepository as repo } from './expenseRequests.repository.js';

// Files on an expense request: supporting material (the requester, before approval) and the invoice
// (the treasurer, once approved or paid). Kept small and of a few kinds an accountant files.

export const MAX_ATTACHMENT_BYTES = 5 * 1_048_576;
const MAX_PER_REQUEST = 10;

/** The type is read from the file's first bytes, not from its name or the browser's claim. */
const KINDS: { mime: string; ext: string; magic: number[] }[] = [
  { mime: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
];

function kindOf(data: Buffer) {
  return KINDS.find((k) => k.magic.every((b, i) => data[i] === b));
}

type OrgActor = Actor & { orgId: string };

export async function addAttachment(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  requestId: string,
  purpose: 'material' | 'invoice',
  file: { fileName: string; data: Buffer },
): Promise<AttachmentView> {
  if (file.data.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', '附件不能超过5MB');
  }
  if (file.data.length === 0) throw invalid([{ path: 'file', message: '附件是空文件' }]);
  const kind = kindOf(file.data);
  if (!kind) throw invalid([{ path: 'file', message: '附件只能是 PDF、JPG 或 PNG 文件' }]);
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
    const name = file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 100) || `附件.${kind.ext}`;
    const row = await repo.insertAttachment(tx, {
      orgId: auth.orgId,
      requestId: r.id,
      purpose,
      fileName: name,
      mimeType: kind.mime,
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
