import type { FileKind, FormConfig } from '../../types.js';
import type { SubmissionFiles } from '../../validation/validate.js';
import { FILE_KIND_TYPES, fileLimits } from '../../validation/files.js';
import { sha256 } from '../http/etag.js';
import type { FileInfo, StoredFile } from '../stores/file-store.js';
import { detectFileKind } from './detect.js';
import type { MultipartLimits, Upload } from './multipart.js';
import { safeFileName } from './names.js';

/** Default of the handler's `maxUploadBytes`: all parts of one submission with files together. */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** An upload once its content was read: its real kind (if any we accept) and its digest. */
export interface CheckedUpload extends Upload {
  readonly kind: FileKind | undefined;
  readonly sha256: string;
}

/**
 * The limits of a multipart body for `config`: each file field's `maxBytes`, the text parts
 * within `maxBodyBytes`, everything within what the file fields can hold (capped by
 * `maxUploadBytes`), and as many parts as the fields and files need, a few more.
 */
export function uploadLimits(config: FormConfig, maxBodyBytes: number, maxUploadBytes: number, locale?: string): MultipartLimits {
  const fileFields = new Map<string, number>();
  let room = 0;
  let files = 0;
  for (const field of config.customFields) {
    if (field.type !== 'file') continue;
    const { maxBytes, maxFiles } = fileLimits(field);
    fileFields.set(field.id, maxBytes);
    room += maxBytes * maxFiles;
    files += maxFiles;
  }
  return {
    fileFields,
    maxTextBytes: maxBodyBytes,
    maxTotalBytes: Math.min(maxUploadBytes, maxBodyBytes + room),
    maxParts: config.fields.length + files + 16,
    ...(locale ? { locale } : {}),
  };
}

async function checkUpload(upload: Upload): Promise<CheckedUpload> {
  return { ...upload, kind: detectFileKind(upload.bytes), sha256: await sha256(upload.bytes.slice()) };
}

/**
 * Puts the uploads into the submission as the validation reads them: each file field's value
 * becomes its files' descriptions with the type detected from their content (the client's type
 * is never read) and their digest (so a replay with other files is another body). Whatever a
 * body said of a file field otherwise (a JSON body cannot carry files) is dropped.
 */
export async function withUploads(body: unknown, config: FormConfig, uploads: ReadonlyMap<string, readonly Upload[]>): Promise<{ body: unknown; checked: Map<string, CheckedUpload[]> }> {
  const checked = new Map<string, CheckedUpload[]>();
  if (typeof body !== 'object' || body === null) return { body, checked };
  const sent: unknown = Object.hasOwn(body, 'values') ? (body as { values: unknown }).values : undefined;
  const values: Record<string, unknown> = typeof sent === 'object' && sent !== null && !Array.isArray(sent) ? { ...sent } : {};
  for (const field of config.customFields) {
    if (field.type !== 'file') continue;
    delete values[field.id];
    const list = await Promise.all((uploads.get(field.id) ?? []).map(checkUpload));
    if (!list.length) continue;
    checked.set(field.id, list);
    values[field.id] = list.map(({ name, bytes, kind, sha256 }) => ({ name, size: bytes.byteLength, type: kind ? FILE_KIND_TYPES[kind] : 'application/octet-stream', sha256 }));
  }
  return { body: { ...body, values }, checked };
}

/**
 * The files to store with request `requestId`: those validation kept (`files`, shown fields
 * only, in the order sent), each with a new id and its safe name; and the list the request
 * carries (no bytes).
 */
export function filesToStore(requestId: string, files: SubmissionFiles | undefined, checked: ReadonlyMap<string, readonly CheckedUpload[]>): { stored: StoredFile[]; listed: FileInfo[] } {
  const stored: StoredFile[] = [];
  for (const [field, kept] of Object.entries(files ?? {})) {
    kept.forEach((_, i) => {
      const upload = checked.get(field)?.[i];
      if (!upload?.kind) return;
      stored.push({ id: crypto.randomUUID(), requestId, field, name: safeFileName(upload.name, upload.kind), size: upload.bytes.byteLength, type: FILE_KIND_TYPES[upload.kind], bytes: upload.bytes });
    });
  }
  const listed = stored.map(({ id, field, name, size, type }) => ({ id, field, name, size, type }));
  return { stored, listed };
}
