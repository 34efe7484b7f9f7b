import { isHTTPError, isTimeoutError } from 'ky';
import type { Access, SubmissionResult } from '../types.js';
import { SubmissionError } from './errors.js';
import { parseRetryAfter, readJson, readProblem } from './problem.js';

const ACCESS: readonly unknown[] = ['full', 'browse-only', 'none'] satisfies Access[];

/** Maps whatever ky threw for a submission (other than the caller's abort) to a {@link SubmissionError}, never exposing ky's classes. */
export async function toSubmissionError(error: unknown, url: string): Promise<SubmissionError> {
  if (!isHTTPError(error)) {
    const message = isTimeoutError(error) ? 'The server did not answer in time' : 'The server could not be reached';
    return new SubmissionError(message, { kind: 'network', url, cause: error });
  }
  const { status, headers } = error.response;
  const { detail, errors } = await readProblem(error.response);
  const retryAfter = parseRetryAfter(headers.get('Retry-After'));
  // A 422 without field errors (e.g. an idempotency key reused with another body) has nothing to
  // show on a field: it is a server refusal.
  if (status === 422 && errors.length > 0) {
    return new SubmissionError(detail ?? 'Some fields need attention', { kind: 'validation', url, status, errors, cause: error });
  }
  return new SubmissionError(detail ?? `The server refused the request (HTTP ${status})`, {
    kind: 'server',
    url,
    status,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    cause: error,
  });
}

/** Reads a 2xx submission response, checking its shape. */
export async function readSubmissionResult(response: Response, url: string): Promise<SubmissionResult> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch (cause) {
    throw new SubmissionError('The server answered with an unreadable body', { kind: 'server', url, status: response.status, cause });
  }
  const { id, status, access } = (body ?? {}) as Record<string, unknown>;
  if (typeof id !== 'string' || status !== 'pending' || !ACCESS.includes(access)) {
    throw new SubmissionError('The server answered with an unexpected body', { kind: 'server', url, status: response.status });
  }
  return { id, status, access: access as Access };
}
