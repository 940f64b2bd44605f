import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { invalid, notFound } from '../../lib/errors.js';
import { acceptUpload } from '../../lib/upload.js';
import type { OrgActor } from '../members/members.service.js';
import { careScope } from './visits.policy.js';
import { visitsRepository as repo } from './visits.repository.js';

// The one photo of a visit: a JPG or PNG of at most 5MB (the shared upload check), stored in the
// database like every other uploaded file; a new upload replaces the old one.

export async function putVisitPhoto(
  deps: Deps,
  auth: AuthContext,
  actor: OrgActor,
  visitId: string,
  file: { fileName: string; data: Buffer },
): Promise<void> {
  const { mimeType, fileName } = acceptUpload(file);
  if (!mimeType.startsWith('image/'))
    throw invalid([{ path: 'file', message: '照片只能是 JPG 或 PNG 文件' }]);
  await deps.db.transaction(async (tx) => {
    const visit = await repo.lockById(tx, auth.orgId, visitId);
    if (!visit) throw notFound('VISIT_NOT_FOUND');
    await repo.putPhoto(tx, {
      orgId: auth.orgId,
      visitId,
      fileName,
      mimeType,
      sizeBytes: file.data.length,
      content: file.data,
      uploadedBy: auth.userId,
    });
    await writeAudit(tx, actor, {
      action: 'care.visit.photo',
      objectType: 'visit',
      objectId: visitId,
      detail: { fileName, sizeBytes: file.data.length },
    });
  });
}

/** The photo, for anyone who may see the visit. */
export async function readVisitPhoto(deps: Deps, auth: AuthContext, visitId: string) {
  const scope = await careScope(deps.db, auth);
  if (!(await repo.findRow(deps.db, auth.orgId, visitId, scope))) throw notFound('VISIT_NOT_FOUND');
  const photo = await repo.photo(deps.db, auth.orgId, visitId);
  if (!photo) throw notFound();
  return photo;
}
