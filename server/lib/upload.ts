import { AppError, invalid } from './errors.js';

// Uploaded supporting files (expense request materials and invoices, hardship and mutual-aid
// documents): kept small and of the few kinds an accountant or an officer files.

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
