import { isHTTPError, isTimeoutError, type RetryOptions } from 'ky';

/** How the client retries. */
export interface RetryPolicy {
  /** Retries after the first attempt; default 2. */
  readonly limit?: number;
  /** Milliseconds before retry number `attempt` (from 1); default 300 ms doubling each time. */
  readonly delay?: (attempt: number) => number;
  /** Longest wait a `Retry-After` header can impose, in ms; longer ones are cut to it. Default 10 s. */
  readonly maxRetryAfter?: number;
}

/** Statuses that say "not now" rather than "no": the request may succeed unchanged later. */
export const RETRY_STATUSES: readonly number[] = [429, 502, 503, 504];

const DEFAULT_LIMIT = 2;
const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;

/** Normalizes the `retry` option of `createClient`. */
export function toRetryPolicy(retry: number | RetryPolicy | undefined): RetryPolicy {
  return typeof retry === 'number' ? { limit: retry } : (retry ?? {});
}

/**
 * ky retry options: retry network errors (fetch's `TypeError`), timeouts, 429/502/503/504
 * (ky honours `Retry-After`, capped), and nothing else. 500 is not retried: it signals a bug
 * that the same request would hit again; other 4xx need a changed request.
 */
export function kyRetry(policy: RetryPolicy, methods: readonly ('get' | 'post')[]): RetryOptions {
  return {
    limit: policy.limit ?? DEFAULT_LIMIT,
    methods: [...methods],
    statusCodes: [...RETRY_STATUSES],
    afterStatusCodes: [429, 503],
    maxRetryAfter: policy.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER_MS,
    ...(policy.delay ? { delay: policy.delay } : {}),
    retryOnTimeout: true,
    shouldRetry: ({ error }) => {
      if (isHTTPError(error)) return RETRY_STATUSES.includes(error.response.status) ? undefined : false;
      if (isTimeoutError(error)) return true;
      return error.name === 'TypeError' ? true : false;
    },
  };
}
