/** How `submit` encodes the body. */
export type SubmissionEnctype = 'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data';

/** The submission as sent, before encoding. */
export interface SubmissionPayload {
  readonly values: Readonly<Record<string, unknown>>;
  readonly confirmed: boolean;
  readonly locale: string;
}

/**
 * ky body options for one enctype: `json` for JSON, else a form body that sets its own
 * Content-Type. Form bodies flatten the submission for backends that only read classic forms:
 * each value becomes a top-level field named after its id, next to `confirmed` and `locale`.
 * Unchecked boxes (`false`) are left out as a browser would; `null`, `undefined` and objects
 * are skipped.
 */
export function encodeSubmission(payload: SubmissionPayload, enctype: SubmissionEnctype): { json: SubmissionPayload } | { body: URLSearchParams | FormData } {
  if (enctype === 'application/json') return { json: payload };
  const body = enctype === 'application/x-www-form-urlencoded' ? new URLSearchParams() : new FormData();
  for (const [name, value] of Object.entries(payload.values)) {
    if (value !== false && ['string', 'number', 'boolean'].includes(typeof value)) body.append(name, String(value));
  }
  body.append('confirmed', String(payload.confirmed));
  body.append('locale', payload.locale);
  return { body };
}
