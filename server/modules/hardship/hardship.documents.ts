import type { HardshipDocumentView } from '../../../common/schemas/hardship.js';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import { today } from '../../lib/businessDate.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { documentView } from '../../lib/sealedDocuments.js';
import { acceptUpload } from '../../lib/upload.js';
import type { OrgActor } from '../members/members.service.js';
import { hardshipRepository as repo, hardshipDocumentStore as store } from './hardship.repository.js';

// Supporting documents of a hardship file (income certificates, medical records). They describe a
// family's finances and health, so the content is sealed like the file's details and every
// download is audited.

const MAX_PER_FILE = 20;

export async function addDocument(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  fileId: string,
  upload: { fileName: string; data: Buffer },
): Promise<HardshipDocumentView> {
  const { mimeType, fileName } = acceptUpload(upload);
  return deps.db.transaction(async (tx) => {
    const file = await repo.findForUpdate(tx, auth.orgId, fileId);
    if (!file) throw notFound();
    if (file.status !== 'active') throw conflict('INVALID_TRANSITION', '档案已退出，不能再上传证明材料');
    if ((await store.count(tx, auth.orgId, fileId)) >= MAX_PER_FILE) {
      throw conflict('CONFLICT', `每份档案最多${MAX_PER_FILE}份证明材料`);
    }
    const doc = await store.add(tx, deps.sealer, {
      orgId: auth.orgId,
      ownerId: fileId,
      fileName,
      mimeType,
      data: upload.data,
      uploadedBy: auth.userId,
    });
    await repo.insertEvent(tx, {
      orgId: auth.orgId,
      fileId,
      kind: 'documentAdded',
      on: today(),
      noteEnc: deps.sealer.seal(fileName),
      actorId: auth.userId,
      actorName: auth.displayName,
    });
    await writeAudit(tx, actor, {
      action: 'care.hardship.document.add',
      objectType: 'hardshipFile',
      objectId: fileId,
      detail: { documentId: doc.id, sizeBytes: doc.sizeBytes },
    });
    return documentView(doc);
  });
}

export async function readDocument(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  fileId: string,
  id: string,
) {
  const doc = await store.open(deps.db, deps.sealer, auth.orgId, fileId, id);
  if (!doc) throw notFound();
  await writeAudit(deps.db, actor, {
    action: 'care.hardship.document.view',
    objectType: 'hardshipFile',
    objectId: fileId,
    detail: { documentId: id },
  });
  return doc;
}

export async function removeDocument(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  fileId: string,
  id: string,
) {
  await deps.db.transaction(async (tx) => {
    const file = await repo.findForUpdate(tx, auth.orgId, fileId);
    if (!file) throw notFound();
    if (file.status !== 'active') throw conflict('INVALID_TRANSITION', '档案已退出，证明材料随档案保留');
    const doc = await store.remove(tx, auth.orgId, fileId, id);
    if (!doc) throw notFound();
    await repo.insertEvent(tx, {
      orgId: auth.orgId,
      fileId,
      kind: 'documentRemoved',
      on: today(),
      noteEnc: deps.sealer.seal(doc.fileName),
      actorId: auth.userId,
      actorName: auth.displayName,
    });
    await writeAudit(tx, actor, {
      action: 'care.hardship.document.remove',
      objectType: 'hardshipFile',
      objectId: fileId,
      detail: { documentId: id },
    });
  });
}
