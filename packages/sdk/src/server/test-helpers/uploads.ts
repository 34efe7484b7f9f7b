import { addCustomField, defaultConfig, setVisibleWhen } from '../../config/index.js';
import type { FormConfig } from '../../types.js';
import { URL_BASE, validValues } from './setup.js';

const encoder = new TextEncoder();

/** A small, real PDF (what a Kbis extract looks like to a type detector). */
export const PDF = encoder.encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A 1×1 PNG. */
export const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
/** The start of a Windows executable (MZ header, PE signature). */
export const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, ...new Array<number>(48).fill(0), 0x50, 0x45, 0x00, 0x00]);
/** An HTML page with a script. */
export const HTML = encoder.encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** The default config with a required Kbis (PDF, 1 KiB at most) and optional photos (PNG/JPEG, up to 2). */
export function uploadConfig(): FormConfig {
  let config = addCustomField(defaultConfig(), { id: 'kbis', type: 'file', label: 'Kbis', accept: ['pdf'], maxBytes: 1024, required: true });
  config = addCustomField(config, { id: 'photos', type: 'file', label: 'Photos', accept: ['png', 'jpeg'], maxFiles: 2 });
  return config;
}

/** `uploadConfig` where the Kbis is asked of French applicants only. */
export function conditionalUploadConfig(): FormConfig {
  return setVisibleWhen(uploadConfig(), 'kbis', { field: 'country', in: ['FR'] });
}

export type Part = readonly [name: string, value: string | { bytes: Uint8Array; filename: string; type?: string }];

/** A multipart body as a browser sends it: the default valid values, `confirmed`, `locale`, then `parts`. */
export function uploadForm(parts: readonly Part[], values: Record<string, unknown> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(validValues(values))) if (typeof value === 'string') form.append(name, value);
  form.append('confirmed', 'true');
  form.append('locale', 'en');
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.bytes.slice()], { type: value.type ?? 'application/octet-stream' }), value.filename);
  }
  return form;
}

/** A POST of `form` with an idempotency key. */
export function postForm(form: FormData, key: string = crypto.randomUUID()): Request {
  return new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': key }, body: form });
}

/** The bytes and Content-Type a `FormData` encodes to. */
export async function encodedForm(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = new Response(form);
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('Content-Type') ?? '' };
}

/** A POST whose body is `bytes` streamed in chunks, then ended (`end: 'close'`) or failed (`end: 'error'`). */
export function postStream(bytes: Uint8Array, contentType: string, end: 'close' | 'error' = 'close', key: string = crypto.randomUUID()): Request {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        if (end === 'error') controller.error(new Error('connection reset'));
        else controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + 256));
      offset += 256;
    },
  });
  return new Request(URL_BASE, { method: 'POST', headers: { 'Idempotency-Key': key, 'Content-Type': contentType }, body, duplex: 'half' } as RequestInit);
}
