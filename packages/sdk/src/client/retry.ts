import { isHTTPError, isTimeoutError, type RetryOptions } from 'ky';
import { TRANSIENT_STATUSES } from './errors.js';

/** How the client retries. */
export interface RetryPolicy {
  /** Retries after the first attempt; default 2. */
  readonly limit?: number;
  /** Milliseconds before retry number `attempt` (from 1); default 300 ms doubling each time. */
  readonly delay?: (attempt: number) => number;
  /** Longest wait a `Retry-After` header can impose, in ms; longer ones are cut to it. Default 10 s. */
  readonly maxRetryAfter?: number;
  /**
   * HTTP statuses retried; default 408, 429, 502, 503 and 504. Leave 429 out to hand a rate limit
   * straight to the caller (e.g. to show the wait) instead of waiting out its `Retry-After`.
   * Network errors and timeouts are retried whatever this says.
   */
  readonly statusCodes?: readonly number[];
}

/**
 * ky retry options for the `retry` option of `createClient` (a limit or a {@link RetryPolicy}):
 * retry network errors (fetch's `TypeError`), timeouts, 408/429/502/503/504 or the policy's
 * `statusCodes` (ky honours `Retry-After`, capped), and nothing else. 500 is not retried: it signals a bug that the same
 * request would hit again; other 4xx need a changed request.
 */
export function kyRetry(retry: number | RetryPolicy | undefined, method: 'get' | 'post'): RetryOptions {
  const policy: RetryPolicy = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit: policy.limit ?? 2,
    methods: [method],
    statusCodes: [...(policy.statusCodes ?? TRANSIENT_STATUSES)],
    afterStatusCodes: [429, 503],
    maxRetryAfter: policy.maxRetryAfter ?? 10_000,
    ...(policy.delay ? { delay: policy.delay } : {}),
    retryOnTimeout: true,
    // HTTP errors and timeouts go to ky's own checks (the statuses and `retryOnTimeout` above);
    // of the other errors, only fetch's network failure (`TypeError`) is worth a retry.
    shouldRetry: ({ error }) => (isHTTPError(error) || isTimeoutError(error) ? undefined : error.name === 'TypeError'),
  };
}
