import { isHTTPError, isTimeoutError } from 'ky';
import type { Access, SubmissionResult } from '../types.js';
import { SubmissionError } from './errors.js';
import { parseRetryAfter, readJson, readProblem } from './problem.js';

const ACCESS: readonly unknown[] = ['full', 'browse-only', 'none'] satisfies Access[];

/** Maps whatever ky threw for a submission (other than the caller's abort) to a {@link SubmissionError}, never exposing ky's classes. */
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
      : new SubmissionError(detail ?? 'The server refused the request (HTTP 422)', { ...failure, reason: 'key-reused' });
  }
  // The handler's bot check refused the solution (missing, expired, reused, invalid): a new one may pass.
  if (status === 403 && type?.startsWith('urn:account-request:problem:bot-check-') && type !== 'urn:account-request:problem:bot-check-unavailable') {
    return new SubmissionError(detail ?? 'The anti-robot check was refused', { ...failure, reason: 'bot-check' });
  }
  const reason = status === 408 ? 'timeout' : status === 429 ? 'rate-limited' : status >= 500 ? 'server' : 'rejected';
  return new SubmissionError(detail ?? `The server refused the request (HTTP ${status})`, { ...failure, reason });
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
