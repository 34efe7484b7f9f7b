import type { CompanyDirectory, VatChecker } from '../lookups/adapters.js';
import { isCheckStore, type CheckStore } from '../stores/check-store.js';
import type { AccountRequestRecord, RequestStore } from '../stores/store.js';
import { changedChecks, planChecks, type CheckPlan } from './plan.js';
import { createCheckRunner, type CheckRunner } from './runner.js';

/**
 * The handler's `checks` option: checks of every stored request, run after its `201` (never
 * delaying or refusing it) through the store's durable jobs, their results kept on the request
 * for the back office. Needs a `CheckStore`.
 */
export interface CheckOptions {
  /** Checks the VAT number (`vatCheck`): `createViesChecker()`. */
  readonly vat?: VatChecker;
  /** Checks the SIRET in a register (`siretCheck`, a closed establishment flagged): `createRechercheEntreprisesDirectory()`. */
  readonly company?: CompanyDirectory;
  /** Attempts before an unavailable check stops being retried; default 8. */
  readonly maxAttempts?: number;
  /** Wait before attempt `attempt + 1`; default 5 minutes doubling, at most 12 hours. */
  readonly backoffMs?: (attempt: number) => number;
  /** How long a worker holds a check it runs; default 2 minutes. */
  readonly lockMs?: number;
}

/** What the handler's routes use of the checks, built once per handler. */
export interface CheckRuntime {
  readonly store: CheckStore;
  readonly runner: CheckRunner;
  /** The check states and jobs of a new request. */
  plan(record: Pick<AccountRequestRecord, 'id' | 'values'>, at: string): CheckPlan;
  /** The check states and jobs a correction of `before` into `record` needs: those of the numbers it changed. */
  replan(before: Pick<AccountRequestRecord, 'values'>, record: Pick<AccountRequestRecord, 'id' | 'values'>, at: string): CheckPlan;
  /** Runs a request's due checks after the answer (`waitUntil` keeps a worker alive for them). */
  runInBackground(requestId: string, waitUntil?: (promise: Promise<unknown>) => void): void;
}

/** The checks of a handler, or `undefined` when it runs none; throws when the store cannot keep them. */
export function createCheckRuntime(options: CheckOptions | undefined, store: RequestStore, now: () => Date): CheckRuntime | undefined {
  if (!options?.vat && !options?.company) return undefined;
  if (!isCheckStore(store)) throw new TypeError('createAccountRequestHandler: checks need a store with the CheckStore methods (durable check jobs).');
  const runner = createCheckRunner({
    store,
    now,
    ...(options.vat ? { vat: options.vat } : {}),
    ...(options.company ? { company: options.company } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
    ...(options.lockMs !== undefined ? { lockMs: options.lockMs } : {}),
  });
  const plan = (record: Pick<AccountRequestRecord, 'id' | 'values'>, at: string): CheckPlan => planChecks({ vat: options.vat !== undefined, siret: options.company !== undefined }, record, at);
  return {
    store,
    runner,
    plan,
    replan: (before, record, at) => changedChecks(plan(record, at), before.values, record.values),
    runInBackground(requestId, waitUntil) {
      // A failure leaves the jobs due in the store: the timer's run (createCheckRunner) takes them.
      const running = runner.run({ requestId }).catch(() => undefined);
      waitUntil?.(running);
    },
  };
}
