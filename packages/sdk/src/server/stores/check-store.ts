import type { ProcessedRecord } from '../processing/lifecycle.js';
import type { CheckJob, CheckOutcome, CheckResult } from '../checks/types.js';
import type { ProcessingStore } from './processing-store.js';
import type { RequestStore } from './store.js';

/**
 * A {@link ProcessingStore} that also keeps the checks of stored requests (the VAT number at
 * VIES, the SIRET in the register): one job row per request and kind, written by `create`
 * (`options.checks`) in the request's transaction, and the result on the request itself
 * (`vatCheck`, `siretCheck`). The handler's `checks` option needs it; `createMemoryStore`, the
 * demo's SQLite store and `@account-request/postgres` implement it.
 */
export interface CheckStore extends ProcessingStore {
  /**
   * Locks up to `limit` pending jobs due at `now` (unlocked, or locked until `now` or before)
   * until `lockedUntil`, oldest first, and returns them with that lock. With `requestId`, only
   * that request's jobs.
   */
  claimChecks(options: { readonly now: string; readonly lockedUntil: string; readonly limit: number; readonly requestId?: string }): Promise<readonly CheckJob[]>;
  /**
   * Records the outcome of an attempt on `job` (as claimed: attempts raised by one, unlocked)
   * and writes `result` on its request, raising the request's version by one, in one
   * transaction; only while the job still holds that claim (state pending, same `lockedUntil`).
   * Resolves `false`, writing nothing, when it does not (requeued or taken over meanwhile).
   */
  finishCheck(job: CheckJob, outcome: CheckOutcome, result: CheckResult): Promise<boolean>;
  /**
   * Queues `jobs` again for their request (pending, attempts 0, due at their `nextAttemptAt`,
   * unlocked; replacing rows of the same kind) and writes `results` on the request (raising its
   * version by one), in one transaction: an admin's "check again". Resolves the updated
   * request, or `undefined` (nothing written) when it does not exist.
   */
  requeueChecks(requestId: string, jobs: readonly CheckJob[], results: readonly CheckResult[]): Promise<ProcessedRecord | undefined>;
  /** The check jobs of a request (one per kind at most). */
  listChecks(requestId: string): Promise<readonly CheckJob[]>;
}

const METHODS = ['claimChecks', 'finishCheck', 'requeueChecks', 'listChecks'] as const;

/** True when `store` implements the {@link CheckStore} methods (and the processing ones). */
export function isCheckStore(store: RequestStore): store is CheckStore {
  const methods = store as unknown as Record<string, unknown>;
  return METHODS.every((name) => typeof methods[name] === 'function') && typeof methods['query'] === 'function';
}
