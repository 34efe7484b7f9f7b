import { compactIdentifier } from '../../validation/validators/index.js';
import type { CompanyDirectory, VatChecker, VatCheckAnswer } from '../lookups/adapters.js';
import { isLookupServiceError } from '../lookups/service.js';
import { doublingBackoffMs } from '../processing/retries.js';
import type { CheckStore } from '../stores/check-store.js';
import type { AccountRequestRecord } from '../stores/store.js';
import type { CheckJob, CheckOutcome, CheckResult, SiretCheck, VatCheck } from './types.js';

/** Options of {@link createCheckRunner}. */
export interface CheckRunnerOptions {
  readonly store: CheckStore;
  /** Checks VAT numbers; without it a `vat` job ends `not-applicable`. */
  readonly vat?: VatChecker;
  /** Checks SIRET numbers; without it a `siret` job ends `not-applicable`. */
  readonly company?: CompanyDirectory;
  readonly now?: () => Date;
  /** How long a worker holds a job it runs; default 2 minutes (well above the services' time budgets). */
  readonly lockMs?: number;
  /** Attempts before an `unavailable` check stops being retried (an admin can check again); default 8. */
  readonly maxAttempts?: number;
  /** Wait before attempt `attempt + 1`; default {@link defaultCheckBackoffMs}. */
  readonly backoffMs?: (attempt: number) => number;
  /** Jobs claimed per run; default 20. */
  readonly batch?: number;
}

/** What one run did. */
export interface CheckReport {
  /** Checks answered (valid, invalid, open, closed, not found, not applicable). */
  readonly done: number;
  /** Checks left `unavailable`, to be retried. */
  readonly retrying: number;
  /** Checks left `unavailable` for good (every attempt spent, or an answer no retry can change). */
  readonly failed: number;
}

/** Runs due checks: from a timer (all due jobs) or right after a submission (one request's). */
export interface CheckRunner {
  /** With `fresh`, the services are asked even when their adapters hold a recent answer (check again). */
  run(options?: { readonly requestId?: string; readonly fresh?: boolean }): Promise<CheckReport>;
}

/** 5 minutes, doubling each attempt, at most 12 hours: 8 attempts span about 10 hours. */
export function defaultCheckBackoffMs(attempt: number): number {
  return doublingBackoffMs(attempt, 5 * 60_000, 12 * 60 * 60_000);
}

/** The reason an adapter failed, for `lastError` and `reason`: a code, never the looked-up value. */
function reasonOf(error: unknown): string {
  if (isLookupServiceError(error)) return error.failure;
  return error instanceof Error && error.name === 'AbortError' ? 'timeout' : 'error';
}

// `unavailable`: why the service gave no answer; `final`: when no retry can give one.
type Attempt = { readonly result: CheckResult; readonly unavailable?: string; readonly final?: boolean };

async function checkVat(checker: VatChecker | undefined, record: AccountRequestRecord, at: string, fresh: boolean): Promise<Attempt> {
  const vatNumber = typeof record.values['vatNumber'] === 'string' ? compactIdentifier(record.values['vatNumber']) : '';
  if (!checker || !vatNumber) return { result: { vatCheck: { state: 'not-applicable' } } };
  let answer: VatCheckAnswer;
  try {
    answer = await checker.checkVat(vatNumber, { fresh });
  } catch (error) {
    answer = { state: 'unavailable', reason: reasonOf(error) };
  }
  if (answer.state === 'unavailable') {
    const reason = answer.reason.slice(0, 60);
    return { result: { vatCheck: { state: 'unavailable', vatNumber, checkedAt: at, reason } }, unavailable: reason, ...(answer.final ? { final: true } : {}) };
  }
  const { state, checkedAt, name, address, consultationNumber } = answer;
  const vatCheck: VatCheck = { state, vatNumber, checkedAt, ...(name ? { name } : {}), ...(address ? { address } : {}), ...(consultationNumber ? { consultationNumber } : {}) };
  return { result: { vatCheck } };
}

async function checkSiret(directory: CompanyDirectory | undefined, record: AccountRequestRecord, at: string, fresh: boolean): Promise<Attempt> {
  const siret = typeof record.values['siret'] === 'string' ? compactIdentifier(record.values['siret']) : '';
  if (!directory || !siret) return { result: { siretCheck: { state: 'not-applicable' } } };
  try {
    const company = await directory.lookupCompany(siret, { fresh });
    const siretCheck: SiretCheck = company
      ? { state: company.closed ? 'closed' : 'open', checkedAt: at, ...(company.name ? { name: company.name } : {}) }
      : { state: 'not-found', checkedAt: at };
    return { result: { siretCheck } };
  } catch (error) {
    const reason = reasonOf(error);
    return { result: { siretCheck: { state: 'unavailable', checkedAt: at, reason } }, unavailable: reason };
  }
}

/**
 * Runs the checks of stored requests through the store's durable jobs: claims due jobs with a
 * lock, asks the VAT checker or the directory, and records each answer on its request with the
 * job's outcome in one write. `unavailable` (or a failing adapter) is retried after
 * `backoffMs(attempt)` until `maxAttempts`, a `final` one not at all; a job whose claim was lost
 * (an admin checked again meanwhile) writes nothing. Never throws for a service's failure; a
 * store failure rejects.
 */
export function createCheckRunner(options: CheckRunnerOptions): CheckRunner {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const lockMs = options.lockMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffMs ?? defaultCheckBackoffMs;
  const batch = options.batch ?? 20;

  const attempt = async (job: CheckJob, fresh: boolean): Promise<'done' | 'retrying' | 'failed' | 'lost'> => {
    const record = await store.get(job.requestId);
    const at = now().toISOString();
    if (!record) {
      // The request is gone (erased): nothing to check, nothing to write on it.
      await store.finishCheck(job, { state: 'failed', at, error: 'request not found' }, job.kind === 'vat' ? { vatCheck: { state: 'not-applicable' } } : { siretCheck: { state: 'not-applicable' } });
      return 'failed';
    }
    const { result, unavailable, final } = job.kind === 'vat' ? await checkVat(options.vat, record, at, fresh) : await checkSiret(options.company, record, at, fresh);
    const ended = now();
    const tries = job.attempts + 1;
    let outcome: CheckOutcome;
    if (unavailable === undefined) outcome = { state: 'done', at: ended.toISOString() };
    else if (final || tries >= maxAttempts) outcome = { state: 'failed', at: ended.toISOString(), error: unavailable };
    else outcome = { state: 'pending', at: ended.toISOString(), error: unavailable, nextAttemptAt: new Date(ended.getTime() + backoff(tries)).toISOString() };
    if (!(await store.finishCheck(job, outcome, result))) return 'lost';
    return outcome.state === 'done' ? 'done' : outcome.state === 'pending' ? 'retrying' : 'failed';
  };

  return {
    async run({ requestId, fresh = false } = {}) {
      const report = { done: 0, retrying: 0, failed: 0 };
      for (;;) {
        const time = now();
        const jobs = await store.claimChecks({
          now: time.toISOString(),
          lockedUntil: new Date(time.getTime() + lockMs).toISOString(),
          limit: batch,
          ...(requestId !== undefined ? { requestId } : {}),
        });
        // A request's checks go to different services: run them side by side.
        for (const result of await Promise.all(jobs.map((job) => attempt(job, fresh)))) if (result !== 'lost') report[result] += 1;
        if (jobs.length < batch) return report;
      }
    },
  };
}
