import { isHTTPError, isTimeoutError } from 'ky';
import type { Access, SubmissionResult } from '../types.js';
import { SubmissionError } from './errors.js';
import { parseRetryAfter, readProblem } from './problem.js';

const ACCESS: readonly Access[] = ['full', 'browse-only', 'none'];

/** True when the caller's own `AbortSignal` stopped the request: that is passed through as is, not wrapped. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Maps whatever ky threw for a submission to a {@link SubmissionError}, never exposing ky's classes. */
export async function toSubmissionError(error: unknown, url: string): Promise<unknown> {
  if (isAbortError(error)) return error;
  if (isTimeoutError(error)) {
    return new SubmissionError('The server did not answer in time', { kind: 'network', url, cause: error });
  }
  if (!isHTTPError(error)) {
    return new SubmissionError('The server could not be reached', { kind: 'network', url, cause: error });
  }
  const { status, headers } = error.response;
  const problem = await readProblem(error.response);
  const retryAfter = parseRetryAfter(headers.get('Retry-After'));
  const extra = retryAfter !== undefined ? { retryAfter } : {};
  // A 422 without field errors (e.g. an idempotency key reused with another body) has nothing to
  // show on a field: it is a server refusal.
  if (status === 422 && problem.errors.length > 0) {
    return new SubmissionError(problem.detail ?? 'Some fields need attention', { kind: 'validation', url, status, errors: problem.errors, cause: error });
  }
  return new SubmissionError(problem.detail ?? `The server refused the request (HTTP ${status})`, { kind: 'server', url, status, ...extra, cause: error });
}

/** Reads a 2xx submission response, checking its shape. */
export async function readSubmissionResult(response: Response, url: string): Promise<SubmissionResult> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text()) as unknown;
  } catch (cause) {
    throw new SubmissionError('The server answered with an unreadable body', { kind: 'server', url, status: response.status, cause });
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { id, access } = record;
  if (typeof id !== 'string' || record['status'] !== 'pending' || !ACCESS.includes(access as Access)) {
    throw new SubmissionError('The server answered with an unexpected body', { kind: 'server', url, status: response.status });
  }
  return { id, status: 'pending', access: access as Access };
}
