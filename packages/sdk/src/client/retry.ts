import { TRANSIENT_STATUSES } from './errors.js';
import type { RetrySettings } from './http.js';

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
 * The request settings for the `retry` option of `createClient` (a limit or a {@link RetryPolicy}):
 * retry network errors (fetch's `TypeError`), timeouts, 408/429/502/503/504 or the policy's
 * `statusCodes` (honouring `Retry-After` of a 429 or 503, capped), and nothing else. 500 is not
 * retried: it signals a bug that the same request would hit again; other 4xx need a changed request.
 */
export function retrySettings(retry: number | RetryPolicy | undefined): RetrySettings {
  const policy: RetryPolicy = typeof retry === 'number' ? { limit: retry } : (retry ?? {});
  return {
    limit: policy.limit ?? 2,
    statusCodes: policy.statusCodes ?? TRANSIENT_STATUSES,
    afterStatusCodes: [429, 503],
    maxRetryAfter: policy.maxRetryAfter ?? 10_000,
    delay: policy.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
  };
}
