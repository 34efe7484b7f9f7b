import type { ProcessedRecord } from '../processing/lifecycle.js';
import type { CheckJob, CheckResult } from '../checks/types.js';
import type { CheckStore } from './check-store.js';

/** The check methods of the memory store; the store's `create` adds a new request's jobs with `insert`. */
export type MemoryChecks = Pick<CheckStore, 'claimChecks' | 'finishCheck' | 'requeueChecks' | 'listChecks'> & {
  /** Adds jobs at once (no await), replacing a request's job of the same kind. */
  insert(jobs: readonly CheckJob[]): void;
};

const keyOf = (job: Pick<CheckJob, 'requestId' | 'kind'>): string => `${job.requestId}\n${job.kind}`;

/**
 * Check jobs in memory; results go on the requests through `setChecks` (the records' own
 * write). No await inside a method, so each is atomic.
 */
export function createMemoryChecks(setChecks: (requestId: string, results: readonly CheckResult[]) => ProcessedRecord | undefined): MemoryChecks {
  const jobs = new Map<string, CheckJob>();

  const insert = (rows: readonly CheckJob[]): void => {
    for (const job of rows) {
      jobs.delete(keyOf(job));
      jobs.set(keyOf(job), job);
    }
  };

  return {
    insert,
    async claimChecks({ now, lockedUntil, limit, requestId }) {
      const due = [...jobs.values()]
        .filter((job) => job.state === 'pending' && job.nextAttemptAt <= now && (job.lockedUntil === undefined || job.lockedUntil <= now))
        .filter((job) => requestId === undefined || job.requestId === requestId)
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
        .slice(0, Math.max(0, limit));
      return due.map((job) => {
        const claimed = { ...job, lockedUntil };
        jobs.set(keyOf(job), claimed);
        return claimed;
      });
    },
    async finishCheck(job, outcome, result) {
      const held = jobs.get(keyOf(job));
      if (!held || held.state !== 'pending' || held.lockedUntil === undefined || held.lockedUntil !== job.lockedUntil) return false;
      const { lockedUntil: _lock, lastError: _error, ...rest } = held;
      jobs.set(keyOf(job), {
        ...rest,
        state: outcome.state,
        attempts: held.attempts + 1,
        ...(outcome.state === 'pending' ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
        ...(outcome.state !== 'done' ? { lastError: outcome.error } : {}),
      });
      setChecks(job.requestId, [result]);
      return true;
    },
    async requeueChecks(requestId, rows, results) {
      const record = setChecks(requestId, results);
      if (record) insert(rows);
      return record;
    },
    async listChecks(requestId) {
      return [...jobs.values()].filter((job) => job.requestId === requestId);
    },
  };
}
