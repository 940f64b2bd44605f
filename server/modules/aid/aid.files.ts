import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { acceptUpload } from '../../lib/upload.js';
import type { OrgActor } from '../members/members.service.js';
import { aidViewer, caseFacts } from './aid.access.js';
import { mayUpload, sightOf } from './aid.policy.js';
import { aidRepository as repo } from './aid.repository.js';

// Materials of an aid case, each filed under an item of the case's checklist (诊断证明, 学费凭证…).
// Added before the review by the applicant, whoever filed the case, or an officer; opened only by
// those who see the whole case, and every opening is audited.

const MAX_PER_CASE = 20;

export async function addAidFile(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  caseId: string,
  itemKey: string,
  file: { fileName: string; data: Buffer },
) {
  const { mimeType, fileName } = acceptUpload(file);
  return deps.db.transaction(async (tx) => {
    const c = await repo.findForUpdate(tx, auth.orgId, caseId);
    const viewer = await aidViewer(tx, auth);
    if (!c || !sightOf(viewer, caseFacts(c))) throw notFound('AID_CASE_NOT_FOUND');
    const item = c.checklist.find((i) => i.key === itemKey);
    if (!item) throw invalid([{ path: 'item', message: '材料项不在本类救助的材料清单中' }]);
    if (c.state !== 'submitted' && c.state !== 'recommended') {
      throw conflict('INVALID_TRANSITION', '申请已审核，不能再补充材料');
    }
    if (!mayUpload(viewer, caseFacts(c)))
      throw forbidden('FORBIDDEN', '只有申请人、代为申请人或专职干部可以上传材料');
    if ((await repo.files(tx, auth.orgId, c.id)).length >= MAX_PER_CASE) {
      throw conflict('CONFLICT', `每个申请最多${MAX_PER_CASE}个材料文件`);
    }
    const row = await repo.insertFile(tx, {
      orgId: auth.orgId,
      caseId: c.id,
      itemKey,
      fileName,
      mimeType,
      sizeBytes: file.data.length,
      content: file.data,
      uploadedBy: auth.userId,
      uploadedByName: auth.displayName,
    });
    await writeAudit(tx, actor, {
      action: 'care.aid.attach',
      objectType: 'aidCase',
      objectId: c.id,
      detail: { item: itemKey, fileName, sizeBytes: file.data.length },
    });
    return { ...row, createdAt: row.createdAt.toISOString() };
  });
}

/** Takes back a wrong file before the review: the same people who may add one. */
export async function removeAidFile(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  caseId: string,
  id: string,
) {
  await deps.db.transaction(async (tx) => {
    const c = await repo.findForUpdate(tx, auth.orgId, caseId);
    const viewer = await aidViewer(tx, auth);
    if (!c || !sightOf(viewer, caseFacts(c))) throw notFound('AID_CASE_NOT_FOUND');
    if (c.state !== 'submitted' && c.state !== 'recommended') {
      throw conflict('INVALID_TRANSITION', '申请已审核，材料不能再删除');
    }
    if (!mayUpload(viewer, caseFacts(c)))
      throw forbidden('FORBIDDEN', '只有申请人、代为申请人或专职干部可以删除材料');
    const f = await repo.file(tx, auth.orgId, c.id, id);
    if (!f || !(await repo.deleteFile(tx, auth.orgId, c.id, id))) throw notFound();
    await writeAudit(tx, actor, {
      action: 'care.aid.detach',
      objectType: 'aidCase',
      objectId: c.id,
      detail: { item: f.itemKey, fileName: f.fileName },
    });
  });
}

/** A file's content, for those who see the whole case (care:read, the applicant); audited. */
export async function readAidFile(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  caseId: string,
  id: string,
) {
  const c = (await repo.findById(deps.db, auth.orgId, caseId))?.aid;
  const viewer = await aidViewer(deps.db, auth);
  if (!c || sightOf(viewer, caseFacts(c)) !== 'full') throw notFound('AID_CASE_NOT_FOUND');
  const f = await repo.file(deps.db, auth.orgId, caseId, id);
  if (!f) throw notFound();
  await writeAudit(deps.db, actor, {
    action: 'care.aid.file.view',
    objectType: 'aidCase',
    objectId: c.id,
    detail: { fileId: f.id, item: f.itemKey },
  });
  return f;
}
