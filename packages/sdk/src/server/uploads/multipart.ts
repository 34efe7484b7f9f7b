import { MaxFileSizeExceededError, MaxHeaderSizeExceededError, MaxPartsExceededError, MaxTotalSizeExceededError, MultipartParseError, parseMultipartStream } from '@remix-run/multipart-parser';
import { errorMessage } from '../../i18n/resolve.js';
import { formatFileSize } from '../../validation/files.js';
import { bodyStream } from '../http/body.js';
import { HttpProblem, problem } from '../http/problem.js';

/** A file as the body carried it, before any check of its content. */
export interface Upload {
  /** The name the client gave: shown nowhere as it is (see `safeFileName`). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A `multipart/form-data` submission: its text fields (first value of each name wins) and its files by field. */
export interface MultipartSubmission {
  readonly fields: Map<string, string>;
  readonly files: Map<string, Upload[]>;
}

/** The limits of one multipart body, derived from the config (see `uploadLimits`). */
export interface MultipartLimits {
  /** The largest file each file field takes; a file part for any other field is refused. */
  readonly fileFields: ReadonlyMap<string, number>;
  /** Bytes of all text parts together (the handler's `maxBodyBytes`). */
  readonly maxTextBytes: number;
  /** Bytes of all parts together. */
  readonly maxTotalBytes: number;
  readonly maxParts: number;
  /** The language of the file-too-large message. */
  readonly locale?: string;
}

const TYPE = 'urn:account-request:problem:';
// A part's headers (its name, file name and type) are a few hundred bytes from any browser.
const MAX_PART_HEADER_BYTES = 4096;

function refuse(status: number, kind: string, detail: string, extra: { errors?: { field: string; code: string; message: string }[] } = {}): HttpProblem {
  return new HttpProblem(problem(status, detail, { type: `${TYPE}${kind}`, ...extra }));
}

const tooLarge = (limits: MultipartLimits) => refuse(413, 'too-large', `The request body is larger than ${limits.maxTotalBytes} bytes.`);

function fileTooLarge(limits: MultipartLimits, field?: string, maxBytes?: number): HttpProblem {
  const detail = field ? `A file of ${field} is larger than ${maxBytes} bytes.` : 'A file is larger than any file field takes.';
  const errors = field && maxBytes ? [{ field, code: 'file_too_large', message: errorMessage(limits.locale, 'file_too_large', 'file', { max: formatFileSize(maxBytes, limits.locale) }) }] : undefined;
  return refuse(413, 'file-too-large', detail, errors ? { errors } : {});
}

// The request body, where a failed read (the client went away mid-upload) is one recognizable error.
class BodyReadError extends Error {}

function guarded(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (cause) {
        controller.error(new BodyReadError('The request body could not be read.', { cause }));
        return;
      }
      if (result.done) controller.close();
      else controller.enqueue(result.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/**
 * Reads a `multipart/form-data` submission as a stream, under limits: the declared
 * `Content-Length`, each file against its field's `maxBytes` (413 `file-too-large`, with the
 * field's error when known), all parts together and their number (413 `too-large` /
 * `too-many-parts`), text parts together. A body cut before its closing boundary, a part that is
 * not UTF-8 text, or a file for a field that takes none is a 400. Nothing is kept when it throws.
 */
export async function readMultipartSubmission(request: Request, limits: MultipartLimits): Promise<MultipartSubmission> {
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxTotalBytes) throw tooLarge(limits);
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers.get('Content-Type') ?? '');
  const body = boundary ? await bodyStream(request) : null;
  if (!boundary || !body) throw refuse(400, 'malformed-body', 'The multipart body has no boundary or no content.');
  const largestFile = Math.max(0, ...limits.fileFields.values());
  const fields = new Map<string, string>();
  const files = new Map<string, Upload[]>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let textBytes = 0;
  try {
    const parts = parseMultipartStream(guarded(body), {
      boundary: boundary[1] ?? boundary[2] ?? '',
      maxFileSize: Math.max(largestFile, limits.maxTextBytes),
      maxTotalSize: limits.maxTotalBytes,
      maxParts: limits.maxParts,
      maxHeaderSize: MAX_PART_HEADER_BYTES,
    });
    for await (const part of parts) {
      const name = part.name ?? '';
      if (part.filename === undefined) {
        textBytes += part.size;
        if (textBytes > limits.maxTextBytes) throw refuse(413, 'too-large', `The text fields are larger than ${limits.maxTextBytes} bytes.`);
        if (!fields.has(name)) fields.set(name, decoder.decode(part.bytes));
        continue;
      }
      // A classic form's empty file input sends a part with no name and no content.
      if (part.filename === '' && part.size === 0) continue;
      const maxBytes = limits.fileFields.get(name);
      if (maxBytes === undefined) throw refuse(400, 'unexpected-file', `The field ${JSON.stringify(name.slice(0, 64))} takes no file.`);
      if (part.size > maxBytes) throw fileTooLarge(limits, name, maxBytes);
      const list = files.get(name) ?? [];
      list.push({ name: part.filename, bytes: part.bytes });
      files.set(name, list);
    }
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    if (error instanceof MaxFileSizeExceededError) throw largestFile >= limits.maxTextBytes ? fileTooLarge(limits) : refuse(413, 'too-large', `A text field is larger than ${limits.maxTextBytes} bytes.`);
    if (error instanceof MaxTotalSizeExceededError) throw tooLarge(limits);
    if (error instanceof MaxPartsExceededError) throw refuse(413, 'too-many-parts', `The body has more than ${limits.maxParts} parts.`);
    if (error instanceof MaxHeaderSizeExceededError) throw refuse(400, 'malformed-body', `A part's headers are larger than ${MAX_PART_HEADER_BYTES} bytes (a file name that long, for one).`);
    if (error instanceof BodyReadError || error instanceof MultipartParseError) throw refuse(400, 'malformed-body', 'The multipart body was cut off or is malformed.');
    if (error instanceof TypeError) throw refuse(400, 'malformed-body', 'A text field is not UTF-8 text.');
    throw error;
  }
  return { fields, files };
}
