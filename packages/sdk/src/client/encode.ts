/** How `submit` encodes the body. */
export type SubmissionEnctype = 'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data';

/** The submission as sent, before encoding. */
export interface SubmissionPayload {
  readonly values: Readonly<Record<string, unknown>>;
  readonly confirmed: boolean;
  readonly locale: string;
}

function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * Flattens a submission for backends that only read classic forms: each value becomes a
 * top-level field named after its id, next to `confirmed` and `locale`. Unchecked boxes
 * (`false`) are left out as a browser would; `null`, `undefined` and objects are skipped.
 */
function formEntries(payload: SubmissionPayload): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of Object.entries(payload.values)) {
    if (value === false) continue;
    const text = fieldText(value);
    if (text !== undefined) entries.push([name, text]);
  }
  entries.push(['confirmed', String(payload.confirmed)], ['locale', payload.locale]);
  return entries;
}

/** ky body options for one enctype: `json` for JSON, else a form body that sets its own Content-Type. */
export function encodeSubmission(payload: SubmissionPayload, enctype: SubmissionEnctype): { json: SubmissionPayload } | { body: URLSearchParams | FormData } {
  if (enctype === 'application/json') return { json: payload };
  if (enctype === 'application/x-www-form-urlencoded') return { body: new URLSearchParams(formEntries(payload)) };
  const form = new FormData();
  for (const [name, value] of formEntries(payload)) form.append(name, value);
  return { body: form };
}
