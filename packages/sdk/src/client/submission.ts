import { isHTTPError, isTimeoutError } from './http.js';
import type { Access, SubmissionResult } from '../types.js';
import { SubmissionError, type SubmissionRefusal } from './errors.js';
import { parseRetryAfter, readJson, readProblem } from './problem.js';

const ACCESS: readonly unknown[] = ['full', 'browse-only', 'none'] satisfies Access[];

// The handler's problem types a form words itself (SubmissionRefusal); the rest keep the server's text.
const REFUSALS: Readonly<Record<string, SubmissionRefusal>> = {
  'urn:account-request:problem:disabled': 'closed',
  'urn:account-request:problem:cross-site': 'cross-site',
};

// An invitation or correction link that can no longer be used, whatever its state.
const LINK_GONE = /^urn:account-request:problem:(?:invitation|information)-/;

/** Maps whatever a submission's request threw (other than the caller's abort) to a {@link SubmissionError}, never exposing the request's own errors but as `cause`. */
export async function toSubmissionError(error: unknown, url: string): Promise<SubmissionError> {
  if (!isHTTPError(error)) {
    const timeout = isTimeoutError(error);
    return new SubmissionError(timeout ? 'The server did not answer in time' : 'The server could not be reached', { reason: timeout ? 'timeout' : 'offline', url, cause: error });
  }
  const { status, headers } = error.response;
  const { detail, errors, type } = await readProblem(error.response);
  const retryAfter = parseRetryAfter(headers.get('Retry-After'));
  const failure = { url, status, cause: error, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  if (status === 422) {
    // The handler answers 422 without field errors only for a key reused with another body.
    return errors.length > 0
      ? new SubmissionError(detail ?? 'Some fields need attention', { ...failure, reason: 'validation', errors })
      : new SubmissionError(detail ?? 'The server refused the request (HTTP 422)', { ...failure, reason: 'key-reused', refusal: 'key-reused' });
  }
  // A file over its limit that still reached the handler: its 413 names the field, like a 422's field errors.
  if (status === 413 && errors.length > 0) {
    return new SubmissionError(detail ?? 'A file is too large', { ...failure, reason: 'validation', errors });
  }
  // The handler's bot check refused the solution (missing, expired, reused, invalid): a new one may pass.
  if (status === 403 && type?.startsWith('urn:account-request:problem:bot-check-') && type !== 'urn:account-request:problem:bot-check-unavailable') {
    return new SubmissionError(detail ?? 'The anti-robot check was refused', { ...failure, reason: 'bot-check' });
  }
  const reason = status === 408 ? 'timeout' : status === 429 ? 'rate-limited' : status >= 500 ? 'server' : 'rejected';
  const refusal = reason !== 'rejected' ? undefined : status === 413 ? 'too-large' : type !== undefined && Object.hasOwn(REFUSALS, type) ? REFUSALS[type] : LINK_GONE.test(type ?? '') ? 'link-gone' : undefined;
  return new SubmissionError(detail ?? `The server refused the request (HTTP ${status})`, { ...failure, reason, ...(refusal ? { refusal } : {}) });
}

/** Reads a 2xx submission response, checking its shape. */
export async function readSubmissionResult(response: Response, url: string): Promise<SubmissionResult> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch (cause) {
    throw new SubmissionError('The server answered with an unreadable body', { reason: 'lost', url, status: response.status, cause });
  }
  const { id, status, access } = (body ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || status !== 'pending' || !ACCESS.includes(access)) {
    throw new SubmissionError('The server answered with an unexpected body', { reason: 'lost', url, status: response.status });
  }
  return { id, status, access: access as Access };
}
