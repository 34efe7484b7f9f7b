// The crash of issue 10, against any RequestStore: a server process dies in the middle of a
// submission, a new process opens the same data, and the client retries with its key. Runner-
// agnostic (plain Errors, no node:test), so every store implementation runs the same scenario:
// memory (packages/sdk/src/server/stores/crash-retry.node.test.ts), SQLite
// (packages/demo-server/src/sqlite-crash-retry.node.test.ts), PostgreSQL (packages/postgres),
// and a store of your own through `@account-request/sdk/store-conformance`.
import { defaultConfig } from '../config/index.js';
import { createAccountRequestHandler } from '../server/http/handler.js';
import { createMemoryConfigStore } from '../server/stores/config-store.js';
import type { RequestStore } from '../server/stores/store.js';
import { VALID_VALUES } from './values.js';

/** How the scenario opens the store under test, then opens it again after the crash. */
export interface CrashRetryTarget {
  /** An empty store: the one the process that will die uses. */
  open(): RequestStore | Promise<RequestStore>;
  /**
   * The store on the data `crashed` holds, as a restarted server process opens it. `crashed` is
   * left as a killed process leaves it: nothing ran after the cut. Drop its connections without
   * writing (close a SQLite file, end a pool), then open anew. A store whose data lives in its
   * object only (memory) returns `crashed` itself: the handler's process died, not the data.
   */
  reopen(crashed: RequestStore): RequestStore | Promise<RequestStore>;
  /** Frees the reopened store at the end. */
  close?(store: RequestStore): void | Promise<void>;
}

/** Options of {@link checkCrashRetry}. */
export interface CrashRetryOptions {
  /** The handler's `idempotencyLeaseMs`; default 1000 (short, so the check is quick). */
  readonly leaseMs?: number;
  /** How long the retry may keep answering 409 before the check fails; default 3 leases + 2 s. */
  readonly deadlineMs?: number;
}

/** What the scenario measured, in milliseconds from the reopening of the store. */
export interface CrashRetryReport {
  /** Cut after the commit of the request: until the retry got its first answer back (a replay). */
  readonly afterCommitMs: number;
  /** Cut after the claim, before the commit: until the retry was processed (201, a new request). */
  readonly beforeCommitMs: number;
}

/** A failed check of the crash scenario. */
export class CrashRetryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrashRetryError';
  }
}

type Cut = 'before-commit' | 'after-commit';

const never = new Promise<never>(() => undefined);

/**
 * `store` as seen by a process that stops for good at `cut` of its first `create`: from then
 * on no call of that process reaches the store or returns (no release, no answer, no renewal).
 */
function dyingAt(store: RequestStore, cut: Cut): { store: RequestStore; dead: Promise<string> } {
  let alive = true;
  let died = (_id: string): void => undefined;
  const dead = new Promise<string>((resolve) => (died = resolve));
  const guard = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => (...args: A): Promise<R> => (alive ? call(...args) : never);
  return {
    dead,
    store: {
      create: guard(async (record, options) => {
        if (cut === 'after-commit') await store.create(record, options);
        alive = false;
        died(record.id);
        return never;
      }),
      list: guard((options) => store.list(options)),
      get: guard((id) => store.get(id)),
      claimIdempotencyKey: guard((key, bodyHash, leaseMs) => store.claimIdempotencyKey(key, bodyHash, leaseMs)),
      renewIdempotencyClaim: guard((key, leaseMs) => store.renewIdempotencyClaim(key, leaseMs)),
      saveIdempotentResponse: guard((key, response) => store.saveIdempotentResponse(key, response)),
      releaseIdempotencyKey: guard((key) => store.releaseIdempotencyKey(key)),
    },
  };
}

function handlerOn(store: RequestStore, leaseMs: number): (request: Request) => Promise<Response> {
  return createAccountRequestHandler({
    ...createMemoryConfigStore(defaultConfig()),
    store,
    basePath: '/api/account-requests',
    idempotencyLeaseMs: leaseMs,
    authorize: () => true,
  });
}

function submission(key: string, companyName: string): Request {
  return new Request('https://shop.test/api/account-requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ values: { ...VALID_VALUES, companyName }, confirmed: true, locale: 'fr' }),
  });
}

/** Retries until an answer other than 409 (in progress), polling every 25 ms up to `deadlineMs`. */
async function retry(handler: (request: Request) => Promise<Response>, key: string, companyName: string, deadlineMs: number): Promise<{ response: Response; ms: number }> {
  const start = performance.now();
  for (;;) {
    const response = await handler(submission(key, companyName));
    const ms = performance.now() - start;
    if (response.status !== 409) return { response, ms };
    await response.body?.cancel();
    if (ms > deadlineMs) throw new CrashRetryError(`the retry of ${key} still answers 409 (in progress) ${Math.round(ms)} ms after the restart`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function countStored(store: RequestStore, companyName: string): Promise<number> {
  let count = 0;
  for (let offset = 0; ; offset += 200) {
    const page = await store.list({ limit: 200, offset });
    count += page.filter((record) => record.values['companyName'] === companyName).length;
    if (page.length < 200) return count;
  }
}

async function crashOnce(target: CrashRetryTarget, cut: Cut, leaseMs: number, deadlineMs: number): Promise<number> {
  const key = `crash-${cut}-${crypto.randomUUID()}`;
  const companyName = `Coupure ${cut} ${key.slice(-8)}`;
  const opened = await target.open();
  const dying = dyingAt(opened, cut);
  // The first attempt never answers: its process died at the cut.
  void handlerOn(dying.store, leaseMs)(submission(key, companyName));
  const firstId = await dying.dead;

  const store = await target.reopen(opened);
  try {
    const { response, ms } = await retry(handlerOn(store, leaseMs), key, companyName, deadlineMs);
    const text = await response.text();
    if (response.status !== 201) throw new CrashRetryError(`cut ${cut}: the retry of ${key} answered ${response.status} ${text}`);
    const { id } = JSON.parse(text) as { id: string };
    const stored = await countStored(store, companyName);
    if (stored !== 1) throw new CrashRetryError(`cut ${cut}: ${stored} requests stored for the key ${key} after its retry, not 1`);
    if (cut === 'after-commit') {
      if (id !== firstId) throw new CrashRetryError(`cut after the commit: the retry answered a new id ${id}, not the committed ${firstId}`);
      if (response.headers.get('Idempotent-Replayed') !== 'true') throw new CrashRetryError('cut after the commit: the retry is not marked Idempotent-Replayed');
    } else if ((await store.get(firstId)) !== undefined) {
      throw new CrashRetryError('cut before the commit: the request of the dead attempt was stored');
    }
    // A second retry is a plain replay of the first answer.
    const again = await handlerOn(store, leaseMs)(submission(key, companyName));
    const replayed = (await again.json()) as { id?: string };
    if (again.status !== 201 || replayed.id !== id) throw new CrashRetryError(`cut ${cut}: a second retry answered ${again.status} ${JSON.stringify(replayed)}`);
    return ms;
  } finally {
    await target.close?.(store);
  }
}

/**
 * Runs the crash scenario twice against `target`, each through the SDK handler:
 *
 * 1. The process dies right after the store committed the request (before anything else ran).
 *    After the reopening, the retry with the same key and body must replay that request's 201
 *    (same id, `Idempotent-Replayed`), and exactly one request holds the submission.
 * 2. The process dies after claiming the key, before the commit. The retry must be processed
 *    (201, one request) within the lease, not refused as in progress for long.
 *
 * Throws a {@link CrashRetryError} naming what went wrong; resolves how long each retry took.
 */
export async function checkCrashRetry(target: CrashRetryTarget, options: CrashRetryOptions = {}): Promise<CrashRetryReport> {
  const leaseMs = options.leaseMs ?? 1000;
  const deadlineMs = options.deadlineMs ?? 3 * leaseMs + 2000;
  const afterCommitMs = await crashOnce(target, 'after-commit', leaseMs, deadlineMs);
  const beforeCommitMs = await crashOnce(target, 'before-commit', leaseMs, deadlineMs);
  return { afterCommitMs, beforeCommitMs };
}
