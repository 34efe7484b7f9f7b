import { HttpProblem, problem } from './problem.js';

/** Body encodings the handler reads. */
export type BodyKind = 'json' | 'urlencoded' | 'multipart';

const MEDIA_TYPES: Readonly<Record<string, BodyKind>> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'urlencoded',
  'multipart/form-data': 'multipart',
};

/** The body kind of a `Content-Type`, or `undefined` for anything else. */
export function bodyKind(contentType: string | null, accepted: readonly BodyKind[]): BodyKind | undefined {
  const essence = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const kind = Object.hasOwn(MEDIA_TYPES, essence) ? MEDIA_TYPES[essence] : undefined;
  return kind && accepted.includes(kind) ? kind : undefined;
}

/** Throws a 415 problem naming what `accepted` allows. */
export function unsupportedMediaType(accepted: readonly BodyKind[]): HttpProblem {
  const types = Object.keys(MEDIA_TYPES).filter((type) => accepted.includes(MEDIA_TYPES[type] as BodyKind));
  return new HttpProblem(problem(415, `Send the body as ${types.join(', or ')}.`, { headers: { 'Accept-Post': types.join(', ') } }));
}

function tooLarge(maxBytes: number): HttpProblem {
  return new HttpProblem(problem(413, `The request body is larger than ${maxBytes} bytes.`));
}

/**
 * The body as a stream, `null` when there is none. Firefox's `Request` has no `body` (a handler
 * run in a page or a service worker there): its Blob stands in, the limits then checked as it
 * is streamed like any other body (the declared `Content-Length` before, by the callers).
 */
export async function bodyStream(request: Request): Promise<ReadableStream<Uint8Array> | null> {
  if (request.body !== undefined) return request.body;
  const blob = await request.blob();
  return blob.size > 0 ? blob.stream() : null;
}

/**
 * Reads the body, stopping (and cancelling the stream) as soon as it exceeds `maxBytes`, so an
 * oversized or endless upload costs at most `maxBytes` of memory. A declared `Content-Length`
 * above the limit is refused before reading anything.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const body = await bodyStream(request);
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch {
      throw new HttpProblem(problem(400, 'The request body could not be read.'));
    }
    if (result.done) break;
    total += result.value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(result.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function malformed(detail: string): HttpProblem {
  return new HttpProblem(problem(400, detail));
}

// Submissions and configs nest a few levels; 64 KiB of `[[[[…` nests 32,000 deep and would
// overflow the stack of any recursive walk (hashing, validation) later on.
const MAX_DEPTH = 32;

function tooDeep(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [value, depth] = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Decodes a JSON body; invalid UTF-8 or JSON, or nesting deeper than 32 levels, is a 400 problem. */
export function parseJsonBody(bytes: Uint8Array): unknown {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw malformed('The request body is not valid JSON.');
  }
  if (tooDeep(value)) throw malformed(`The request body nests deeper than ${MAX_DEPTH} levels.`);
  return value;
}

// URLSearchParams turns percent-escapes that are not UTF-8 (`%FF`) into U+FFFD without a word:
// the value stored would not be the one sent. Such a body is refused, as the same raw bytes are;
// a `%` that starts no escape stays a `%`, as URLSearchParams keeps it.
function urlencoded(text: string): URLSearchParams {
  for (const part of text.split(/[&=]/)) decodeURIComponent(part.replace(/\+/g, ' ').replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
  return new URLSearchParams(text);
}

/**
 * Decodes a classic form body into name → value (first value wins). File parts are refused:
 * the form has no file field.
 */
export async function parseFormBody(bytes: Uint8Array<ArrayBuffer>, kind: 'urlencoded' | 'multipart', contentType: string): Promise<Map<string, string>> {
  let entries: Iterable<[string, FormDataEntryValue]>;
  try {
    entries = kind === 'urlencoded' ? urlencoded(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) : await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw malformed('The form body could not be parsed.');
  }
  const fields = new Map<string, string>();
  for (const [name, value] of entries) {
    if (typeof value !== 'string') throw malformed('File uploads are not accepted.');
    if (!fields.has(name)) fields.set(name, value);
  }
  return fields;
}
