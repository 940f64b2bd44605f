import { and, asc, count, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import type { Sealer } from './crypto.js';

// Supporting documents that describe health or family finances (hardship files, mutual-aid
// claims) live in tables of one shape: org, the record they belong to, name, type, size and the
// sealed content. This is the one place that reads and writes such a table; the module decides
// who may, when, and what the audit row says.

type DocumentColumns = {
  id: PgColumn;
  orgId: PgColumn;
  fileName: PgColumn;
  mimeType: PgColumn;
  sizeBytes: PgColumn;
  contentEnc: PgColumn;
  uploadedBy: PgColumn;
  createdAt: PgColumn;
};

export interface SealedDocumentRow {
  id: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** A document as the API shows it in a record's detail. */
export interface SealedDocumentView extends Omit<SealedDocumentRow, 'createdAt'> {
  createdAt: string;
}

export function documentView(d: SealedDocumentRow): SealedDocumentView {
  return { ...d, createdAt: d.createdAt.toISOString() };
}

/** `table` holds the documents; `owner` names its column pointing at the record (fileId, claimId). */
export function sealedDocuments<T extends PgTable & DocumentColumns, K extends keyof T & string>(
  table: T,
  owner: K,
) {
  const ownerColumn = table[owner] as unknown as PgColumn;
  const listed = {
    id: table.id,
    fileName: table.fileName,
    mimeType: table.mimeType,
    sizeBytes: table.sizeBytes,
    createdAt: table.createdAt,
  };
  const ofOwner = (orgId: string, ownerId: string) => and(eq(table.orgId, orgId), eq(ownerColumn, ownerId));
  const one = (orgId: string, ownerId: string, id: string) => and(ofOwner(orgId, ownerId), eq(table.id, id));

  return {
    async list(exec: Executor, orgId: string, ownerId: string): Promise<SealedDocumentRow[]> {
      const rows = await exec
        .select(listed)
        .from(table as PgTable)
        .where(ofOwner(orgId, ownerId))
        .orderBy(asc(table.createdAt));
      return rows as SealedDocumentRow[];
    },

    async count(exec: Executor, orgId: string, ownerId: string): Promise<number> {
      const [row] = await exec
        .select({ n: count() })
        .from(table as PgTable)
        .where(ofOwner(orgId, ownerId));
      return row?.n ?? 0;
    },

    /** Seals the content and stores it; the upload was checked by acceptUpload. */
    async add(
      exec: Executor,
      sealer: Sealer,
      values: {
        orgId: string;
        ownerId: string;
        fileName: string;
        mimeType: string;
        data: Buffer;
        uploadedBy: string;
      },
    ): Promise<SealedDocumentRow> {
      const [row] = await exec
        .insert(table as PgTable)
        .values({
          orgId: values.orgId,
          [owner]: values.ownerId,
          fileName: values.fileName,
          mimeType: values.mimeType,
          sizeBytes: values.data.length,
          contentEnc: sealer.seal(values.data.toString('base64')),
          uploadedBy: values.uploadedBy,
        })
        .returning(listed);
      return row as SealedDocumentRow;
    },

    /** The document with its content opened; undefined when it is not the record's. */
    async open(
      exec: Executor,
      sealer: Sealer,
      orgId: string,
      ownerId: string,
      id: string,
    ): Promise<(SealedDocumentRow & { content: Buffer }) | undefined> {
      const [row] = await exec
        .select({ ...listed, contentEnc: table.contentEnc })
        .from(table as PgTable)
        .where(one(orgId, ownerId, id));
      if (!row) return undefined;
      const { contentEnc, ...doc } = row as SealedDocumentRow & { contentEnc: Buffer };
      return { ...doc, content: Buffer.from(sealer.open(contentEnc), 'base64') };
    },

    /** Deletes the document; its row as it was, or undefined when it is not the record's. */
    async remove(
      exec: Executor,
      orgId: string,
      ownerId: string,
      id: string,
    ): Promise<SealedDocumentRow | undefined> {
      const [row] = await exec
        .delete(table as PgTable)
        .where(one(orgId, ownerId, id))
        .returning(listed);
      return row as SealedDocumentRow | undefined;
    },
  };
}
