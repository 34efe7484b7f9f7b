/** How `submit` encodes the body. */
export type SubmissionEnctype = 'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data';

/** The submission as sent, before encoding. */
export interface SubmissionPayload {
  readonly values: Readonly<Record<string, unknown>>;
  readonly confirmed: boolean;
  readonly locale: string;
}

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob;

/** The files of a value: a `File` (or `Blob`), or a list holding some; `[]` for anything else. */
function filesOf(value: unknown): Blob[] {
  if (isBlob(value)) return [value];
  return Array.isArray(value) ? value.filter(isBlob) : [];
}

/** True when some value holds a file: such a submission can only go as `multipart/form-data`. */
export function hasFiles(values: Readonly<Record<string, unknown>>): boolean {
  return Object.values(values).some((value) => filesOf(value).length > 0);
}

/**
 * The body options for one enctype: `json` for JSON, else a form body that sets its own
 * Content-Type. Form bodies flatten the submission for backends that only read classic forms:
 * each value becomes a top-level field named after its id, next to `confirmed` and `locale`.
 * Unchecked boxes (`false`) are left out as a browser would; `null`, `undefined` and objects
 * are skipped. Values holding files (a `File`, or a list of them, for a file field) force
 * `multipart/form-data`: each file is one part named after the field, with its file name.
 */
export function encodeSubmission(payload: SubmissionPayload, enctype: SubmissionEnctype): { json: SubmissionPayload } | { body: URLSearchParams | FormData } {
  const kind = hasFiles(payload.values) ? 'multipart/form-data' : enctype;
  if (kind === 'application/json') return { json: payload };
  const body = kind === 'application/x-www-form-urlencoded' ? new URLSearchParams() : new FormData();
  for (const [name, value] of Object.entries(payload.values)) {
    const files = filesOf(value);
    if (files.length && body instanceof FormData) for (const file of files) body.append(name, file, file instanceof File ? file.name : 'file');
    else if (value !== false && ['string', 'number', 'boolean'].includes(typeof value)) body.append(name, String(value));
  }
  body.append('confirmed', String(payload.confirmed));
  body.append('locale', payload.locale);
  return { body };
}
