import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, invalid } from './errors.js';
import { contentDisposition } from './excel.js';

// Uploaded supporting files (expense request materials and invoices, hardship and mutual-aid
// documents, visit photos): kept small and of the few kinds an accountant or an officer files, read
// from one multipart field and sent back as downloads the browser never caches nor sniffs.

export const MAX_UPLOAD_BYTES = 5 * 1_048_576;

/** The type is read from the file's first bytes, not from its name or the browser's claim. */
const KINDS: { mime: string; ext: string; magic: number[] }[] = [
  { mime: 'application/pdf', ext: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { mime: 'image/png', ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { mime: 'image/jpeg', ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
];

/**
 * Checks an uploaded file: 413 above 5MB, 400 on `file` when empty or not a PDF/JPG/PNG.
 * Returns its real type and a name safe for a content-disposition header.
 */
export function acceptUpload(file: { fileName: string; data: Buffer }): {
  mimeType: string;
  fileName: string;
} {
  if (file.data.length > MAX_UPLOAD_BYTES) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', '附件不能超过5MB');
  }
  if (file.data.length === 0) throw invalid([{ path: 'file', message: '附件是空文件' }]);
  const kind = KINDS.find((k) => k.magic.every((b, i) => file.data[i] === b));
  if (!kind) throw invalid([{ path: 'file', message: '附件只能是 PDF、JPG 或 PNG 文件' }]);
  const fileName = file.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 100) || `附件.${kind.ext}`;
  return { mimeType: kind.mime, fileName };
}

/** Reads the multipart part named `file`; 400 with `message` (which names the field) otherwise. */
export async function readUpload(
  req: FastifyRequest,
  message: string,
): Promise<{ fileName: string; data: Buffer }> {
  const file = await req.file();
  if (file?.fieldname !== 'file') throw invalid([{ path: 'file', message }]);
  return { fileName: file.filename, data: await file.toBuffer() };
}

/**
 * Sends a stored file as a download that is never cached nor sniffed into something runnable.
 * `prefix` gives the ASCII fallback name (`document-<id>`) for clients without filename*.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { id: string; fileName: string; mimeType: string; content: Buffer },
  prefix: string,
) {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', contentDisposition(file.fileName, `${prefix}-${file.id}`))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
