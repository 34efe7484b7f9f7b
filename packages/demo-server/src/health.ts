import { problem, type RequestStore } from '@account-request/sdk/server';
import type { Hono } from 'hono';
import { maskedError, type Logger } from './logger.js';

/** How long `/readyz` waits for the database before it answers 503. */
export const READY_TIMEOUT_MS = 2000;

// A well-formed id no request has: looking it up is one primary-key read on any store.
const PROBE_ID = '00000000-0000-4000-8000-000000000000';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Rejects after `ms` unless `work` settles first; the timer never keeps the process alive. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Mounts `/healthz` (the process answers: 200 whatever the database does, for a liveness
 * probe) and `/readyz` (the database answers a read through the store within `timeoutMs`,
 * default {@link READY_TIMEOUT_MS}: 200, else a 503 problem, for a readiness probe or a load
 * balancer).
 */
export function mountHealth(app: Hono, store: Pick<RequestStore, 'get'>, logger: Logger, timeoutMs: number = READY_TIMEOUT_MS): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    try {
      await within(Promise.resolve().then(() => store.get(PROBE_ID)), timeoutMs);
      return c.json({ status: 'ready' }, 200, NO_STORE);
    } catch (error) {
      logger.warn({ error: maskedError(error) }, 'readiness check failed: the database did not answer');
      return problem(503, 'The database is not reachable.');
    }
  });
}
