import '../zod-setup.js';
import { checkCases, checkConcurrencyCases } from './checks.js';
import { concurrencyCases } from './concurrency.js';
import { configCases } from './config.js';
import { fileCases } from './files.js';
import { idempotencyCases } from './idempotency.js';
import { lifecycleCases } from './lifecycle.js';
import { outboxCases } from './outbox.js';
import { queryCases } from './query.js';
import { rateLimitCases } from './rate-limit.js';
import { requestCases } from './requests.js';
import { tokenCases } from './tokens.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';
import { webhookCases, webhookConcurrencyCases } from './webhooks.js';
import { decisionCases, decisionConcurrencyCases } from './decisions.js';

export { checkCrashRetry, CrashRetryError, type CrashRetryOptions, type CrashRetryReport, type CrashRetryTarget } from './crash-retry.js';

/**
 * `@account-request/sdk/store-conformance`: the test cases every store of the handler passes
 * (the memory store, the demo's SQLite store, `@account-request/postgres`). Run them on your
 * own store with your test runner:
 *
 * ```ts
 * import { describe, it } from 'node:test';
 * import { describeStoreConformance } from '@account-request/sdk/store-conformance';
 *
 * describeStoreConformance({ describe, it }, 'my store', {
 *   open: (now) => ({ store: createMyStore({ now }), close: () => … }),
 * });
 * ```
 *
 * The suite never imports a test runner: give it yours. It checks with its own assertions and
 * throws a `ConformanceError` that says what the store did wrong.
 */
export function describeStoreConformance(test: TestFunctions, name: string, target: StoreConformanceTarget): void {
  test.describe(`store conformance: ${name}`, () => {
    requestCases(test, target);
    idempotencyCases(test, target);
    lifecycleCases(test, target);
    queryCases(test, target);
    tokenCases(test, target);
    outboxCases(test, target);
    if (!target.without?.includes('rateLimits')) rateLimitCases(test, target);
    if (!target.without?.includes('config')) configCases(test, target);
    if (!target.without?.includes('webhooks')) webhookCases(test, target);
    if (!target.without?.includes('files')) fileCases(test, target);
    if (!target.without?.includes('decisions')) {
      decisionCases(test, target);
      decisionConcurrencyCases(test, target, false);
      if (target.openPeer) decisionConcurrencyCases(test, target, true);
    }
    if (!target.without?.includes('checks')) checkCases(test, target);
    concurrencyCases(test, target, 'concurrency', false);
    if (!target.without?.includes('checks')) {
      test.describe('check concurrency', () => {
        checkConcurrencyCases(test, target, false);
        if (target.openPeer) checkConcurrencyCases(test, target, true);
      });
    }
    if (target.openPeer) concurrencyCases(test, target, 'concurrency across two instances', true);
    if (!target.without?.includes('webhooks')) {
      test.describe('webhook concurrency', () => {
        webhookConcurrencyCases(test, target, false);
        if (target.openPeer) webhookConcurrencyCases(test, target, true);
      });
    }
  });
}

export { ConformanceError } from './check.js';
export type { ConfigStoreUnderTest, StoreConformanceTarget, StoreUnderTest, TestFunctions } from './types.js';
