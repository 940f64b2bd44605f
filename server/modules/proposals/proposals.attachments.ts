import path from 'node:path';
import type { Deps } from '../../app.js';
import { writeAudit } from '../../lib/audit.js';
import type { AuthContext } from '../../lib/context.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { proposalsRepository as repo } from './proposals.repository.js';
import { loadVisible, type OrgActor, viewerOf } from './proposals.service.js';

// Files a proposer attaches (photos, the survey behind a proposal). The stored content type comes
// from the allow-listed extension, never from the browser, and downloads are always attachments.

export const ATTACHMENT_MAX_BYTES = 5 * 1_048_576;
export const ATTACHMENTS_PER_PROPOSAL = 10;

export const ATTACHMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

function checkFile(fileName: string, size: number) {
  const ext = path.extname(fileName).toLowerCase();
  const contentType = ATTACHMENT_TYPES[ext];
  if (!contentType) {
    throw invalid([{ path: 'file', message: '附件只能是 PDF、Word、Excel、JPG、PNG 或文本文件' }]);
  }
  if (size === 0) throw invalid([{ path: 'file', message: '附件是空文件' }]);
  if (size > ATTACHMENT_MAX_BYTES) throw invalid([{ path: 'file', message: '附件不能超过5MB' }]);
  // Keep the name printable and short: it is shown in lists and sent back in Content-Disposition.
  const name = path
    .basename(fileName)
    .replace(/\p{Cc}|["\\/]/gu, '_')
    .slice(-100);
  return { name, contentType };
}

export const attachmentsService = {
  async add(
    deps: Deps,
    auth: AuthContext,
    actor: OrgActor,
    proposalId: string,
    file: { fileName: string; data: Buffer },
  ) {
    const { name, contentType } = checkFile(file.fileName, file.data.length);
    return deps.db.transaction(async (tx) => {
      const p = await repo.find(tx, auth.orgId, proposalId, true);
      if (!p || p.proposerMemberId !== auth.memberId) throw notFound();
      if (p.state !== 'draft' && p.state !== 'awaitingCosigners')
        throw conflict('CONFLICT', '提案提交后不能再添加附件');
      if ((await repo.countAttachments(tx, auth.orgId, proposalId)) >= ATTACHMENTS_PER_PROPOSAL) {
        throw conflict('CONFLICT', `每件提案最多${ATTACHMENTS_PER_PROPOSAL}个附件`);
      }
      const row = await repo.insertAttachment(tx, {
        orgId: auth.orgId,
        proposalId,
        fileName: name,
        contentType,
        size: file.data.length,
        data: file.data,
        uploadedBy: auth.userId,
      });
      await writeAudit(tx, actor, {
        action: 'proposal.attach',
        objectType: 'proposal',
        objectId: proposalId,
        detail: { attachmentId: row.id, fileName: name, size: file.data.length },
      });
      return { id: row.id, fileName: name, size: file.data.length, contentType };
    });
  },

  async remove(deps: Deps, auth: AuthContext, actor: OrgActor, proposalId: string, id: string) {
    await deps.db.transaction(async (tx) => {
      const p = await repo.find(tx, auth.orgId, proposalId, true);
      if (!p || p.proposerMemberId !== auth.memberId) throw notFound();
      const a = await repo.attachment(tx, auth.orgId, proposalId, id);
      if (!a) throw notFound();
      if (p.state !== 'draft') throw conflict('CONFLICT', '只有草稿可以删除附件');
      await repo.deleteAttachment(tx, auth.orgId, id);
      await writeAudit(tx, actor, {
        action: 'proposal.detach',
        objectType: 'proposal',
        objectId: proposalId,
        detail: { attachmentId: id, fileName: a.fileName },
      });
    });
  },

  /** The file, for whoever may see the proposal. */
  async get(deps: Deps, auth: AuthContext, proposalId: string, id: string) {
    await loadVisible(deps.db, await viewerOf(deps.db, auth), proposalId);
    const a = await repo.attachment(deps.db, auth.orgId, proposalId, id);
    if (!a) throw notFound();
    return a;
  },
};
