import type { Access, SubmissionValues } from '../../types.js';
import type { HistoryEntry, RequestStatus } from '../processing/lifecycle.js';
import { createMemoryOutbox } from './memory-outbox.js';
import { createMemoryRecords } from './memory-records.js';
import type { ProcessingStore } from './processing-store.js';

/** One stored account request. The password never appears in `values`; only its hash is kept. */
export interface AccountRequestRecord {
  readonly id: string;
  /** ISO 8601 date-time. */
  readonly createdAt: string;
  readonly values: SubmissionValues;
  /** PHC-style PBKDF2 string (see `hashPassword`); never sent to any client. */
  readonly passwordHash?: string;
  readonly locale: string;
  readonly access: Access;
  /** `pending` is what stores made before the lifecycle kept; it reads as `new`. */
  readonly status: RequestStatus | 'pending';
  /** Client en compte: the applicant buys on account. Absent means `false`. */
  readonly inAccount?: boolean;
  /** Internal note of the sales team; never sent to the applicant. */
  readonly note?: string;
  /** Oldest first. */
  readonly history?: readonly HistoryEntry[];
  /** Starts at 1, raised by every change; the ETag of the request. */
  readonly version?: number;
  /** ISO 8601 date-time at which the applicant set a password through an activation link. */
  readonly activatedAt?: string;
}

/** The first response given to an idempotency key, replayed byte for byte to its retries. */
export interface StoredResponse {
  readonly status: number;
  /** The response body, as sent. */
  readonly body: string;
  readonly contentType: string;
  readonly location?: string;
}

/** Outcome of {@link RequestStore.claimIdempotencyKey}. */
export type IdempotencyClaim =
  /** The key was free and is now claimed by the caller, which must later save a response or release it. */
  | { readonly state: 'new' }
  /** The key already completed with the same body: replay this response. */
  | { readonly state: 'replay'; readonly response: StoredResponse }
  /** The key is claimed with the same body but its first request has not finished (another process). */
  | { readonly state: 'in_progress' }
  /** The key was used with a different body. */
  | { readonly state: 'conflict' };

/**
 * Where the handler keeps account requests and idempotency keys. Every method may be async;
 * a failure (rejection) becomes a 503 problem response.
 *
 * A SQL store implements `claimIdempotencyKey` atomically with a unique key:
 * `INSERT INTO idempotency (key, body_hash, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`;
 * when no row was inserted, read the row: a different `body_hash` is a `conflict`, a null
 * `response` is `in_progress` (or, past a timeout, a crashed claim to take over), else `replay`.
 * `releaseIdempotencyKey` deletes the row only while its response is still null.
 */
export interface RequestStore {
  create(record: AccountRequestRecord): Promise<void>;
  /** Newest first. */
  list(options?: { readonly limit?: number; readonly offset?: number }): Promise<readonly AccountRequestRecord[]>;
  get(id: string): Promise<AccountRequestRecord | undefined>;
  claimIdempotencyKey(key: string, bodyHash: string): Promise<IdempotencyClaim>;
  saveIdempotentResponse(key: string, response: StoredResponse): Promise<void>;
  /** Frees a claimed key whose request did not complete (validation failed, store error), so it can be used again. */
  releaseIdempotencyKey(key: string): Promise<void>;
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** How long a completed key is replayed; default 24 hours. */
  readonly idempotencyTtlMs?: number;
  readonly now?: () => number;
}

interface KeyEntry {
  readonly bodyHash: string;
  readonly claimedAt: number;
  response?: StoredResponse;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_THRESHOLD = 1000;

/**
 * An in-memory {@link ProcessingStore} for tests, demos and single-process prototypes: data is
 * lost on restart. Every method runs synchronously inside its promise, so claims are atomic.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): ProcessingStore {
  const ttl = options.idempotencyTtlMs ?? DAY_MS;
  const now = options.now ?? Date.now;
  const keys = new Map<string, KeyEntry>();
  const records = createMemoryRecords();
  const outbox = createMemoryOutbox();

  // Keys sit in the map in claim order, so expired ones are at the front: stop at the first
  // fresh one and each sweep costs what it removes.
  const sweep = (): void => {
    if (keys.size < SWEEP_THRESHOLD) return;
    const oldest = now() - ttl;
    for (const [key, entry] of keys) {
      if (entry.claimedAt >= oldest) break;
      keys.delete(key);
    }
  };

  return {
    ...records,
    ...outbox,
    async create(record, notifications = []) {
      await records.create(record);
      await outbox.enqueueNotifications(notifications);
    },
    async saveActivationToken(token, notification) {
      await records.saveActivationToken(token);
      if (notification) await outbox.enqueueNotifications([notification]);
    },
    async claimIdempotencyKey(key, bodyHash) {
      sweep();
      const entry = keys.get(key);
      if (entry && entry.claimedAt < now() - ttl) keys.delete(key);
      else if (entry) {
        if (entry.bodyHash !== bodyHash) return { state: 'conflict' };
        return entry.response ? { state: 'replay', response: entry.response } : { state: 'in_progress' };
      }
      keys.set(key, { bodyHash, claimedAt: now() });
      return { state: 'new' };
    },
    async saveIdempotentResponse(key, response) {
      const entry = keys.get(key);
      if (entry) entry.response = response;
    },
    async releaseIdempotencyKey(key) {
      if (keys.get(key)?.response === undefined) keys.delete(key);
    },
  };
}
