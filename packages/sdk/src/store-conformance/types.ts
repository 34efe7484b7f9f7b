import type { FormConfig } from '../types.js';
import type { SaveConfigContext } from '../server/http/options.js';
import type { RateLimitStore } from '../server/http/rate-limit-store.js';
import type { ProcessingStore } from '../server/stores/processing-store.js';

/**
 * The test functions of your runner: `node:test`'s `describe` and `it`, or any runner's with
 * the same shape (vitest, mocha, Bun's and Deno's `node:test`). `it` gets an async function.
 */
export interface TestFunctions {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

/** A config store as the handler takes it: `loadConfig` (sync or async) and `saveConfig`. */
export interface ConfigStoreUnderTest {
  loadConfig(): unknown;
  saveConfig(config: FormConfig, context: SaveConfigContext): Promise<boolean | void>;
}

/** One open instance of the implementation under test. */
export interface StoreUnderTest {
  /** The handler's `store`: every `ProcessingStore` method, and the `WebhookStore`, `CheckStore`, `DecisionStore` and `FileStore` ones unless the target is `without` them. */
  readonly store: ProcessingStore;
  /** The rate-limit counter (see the target's `without`). */
  readonly rateLimits?: RateLimitStore;
  /** The config store (see the target's `without`), holding its seed or nothing. */
  readonly config?: ConfigStoreUnderTest;
  /** Frees what `open` took (connections, files). */
  close?(): void | Promise<void>;
}

/** How the suite opens the implementation under test. */
export interface StoreConformanceTarget {
  /**
   * A fresh, empty store whose clock (idempotency leases and TTLs) is `now`, in milliseconds:
   * the suite moves it forward instead of waiting. Every other time is passed to the methods.
   */
  open(now: () => number): StoreUnderTest | Promise<StoreUnderTest>;
  /**
   * A second instance on the same data as `first`, as another server process would open it
   * (a second pool on the same database, the same file again). Enables the cross-instance
   * cases; leave it out for a store that lives in one process.
   */
  openPeer?(first: StoreUnderTest, now: () => number): StoreUnderTest | Promise<StoreUnderTest>;
  /** The replay TTL of completed idempotency keys the store was opened with; default 24 hours. */
  readonly idempotencyTtlMs?: number;
  /** Parts the implementation does not have: their cases are not run. */
  readonly without?: readonly ('rateLimits' | 'config' | 'webhooks' | 'checks' | 'decisions' | 'files')[];
  /** How many concurrent calls the concurrency cases make; default 20. */
  readonly concurrency?: number;
}
