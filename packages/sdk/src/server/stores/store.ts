import type { Access, SubmissionValues } from '../../types.js';
import type { HistoryEntry, RequestStatus } from '../processing/lifecycle.js';
import type { ConsentRecord } from './decision-store.js';
import { createMemoryDecisions } from './memory-decisions.js';
import { createMemoryChecks } from './memory-checks.js';
import { createMemoryOutbox } from './memory-outbox.js';
import type { CheckStore } from './check-store.js';
import type { CheckJob, SiretCheck, VatCheck } from '../checks/types.js';
import { createMemoryRecords } from './memory-records.js';
import { createMemoryWebhooks } from './memory-webhooks.js';
import type { NotificationRecord, ProcessingStore } from './processing-store.js';
import type { WebhookDelivery, WebhookStore } from './webhook-store.js';
import type { DecisionStore } from './decision-store.js';
import { createMemoryFiles, type FileInfo, type FileStore, type StoredFile } from './file-store.js';

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
  readonly status: RequestStatus;
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
  /** The VIES check of the VAT number (with the handler's `checks.vat`); never shown to the applicant. */
  readonly vatCheck?: VatCheck;
  /** The register check of the SIRET (with the handler's `checks.company`): a closed establishment is flagged here. */
  readonly siretCheck?: SiretCheck;
  /** The consent boxes the applicant was shown (newsletter, partner offers), each with its time and wording; oldest first. */
  readonly consents?: readonly ConsentRecord[];
  /** The invitation whose link the request came from. */
  readonly invitationId?: string;
  /** Set when the personal data was erased: `values` is then empty and the history holds no personal value. */
  readonly erasedAt?: string;
  /** The files sent with the request (file fields), without their bytes: `getFile` of a `FileStore` reads those. */
  readonly files?: readonly FileInfo[];
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

/** The answer of an idempotent creation, written in the same transaction as the request. */
export interface IdempotentAnswer {
  readonly key: string;
  readonly response: StoredResponse;
}

/** What {@link RequestStore.create} writes together with the request: all of it or nothing. */
export interface CreateOptions {
  /** Outbox rows (e-mails) that exist only with the request; needs a `ProcessingStore`. */
  readonly notifications?: readonly NotificationRecord[];
  /**
   * Saves this response for the claimed key in the same transaction, so a request never exists
   * without the answer its retries replay. When the key holds no claim waiting for its answer
   * (already answered, or released), `create` rejects and writes nothing.
   */
  readonly answer?: IdempotentAnswer;
  /** Webhook deliveries of the `account-request.created` event; needs a `WebhookStore`. */
  readonly webhooks?: readonly WebhookDelivery[];
  /** The request's check jobs (VIES, register), run after the answer; needs a `CheckStore`. */
  readonly checks?: readonly CheckJob[];
  /**
   * The invitation the request answers (needs a `DecisionStore`): marked used by this request in
   * the same transaction, only while it is unused, not revoked and `expiresAt > at`; otherwise
   * `create` rejects and writes nothing.
   */
  readonly invitation?: { readonly hash: string; readonly at: string };
  /** The request's uploaded files (listed in `record.files`), written in the same transaction; needs a `FileStore`. */
  readonly files?: readonly StoredFile[];
}

/**
 * Where the handler keeps account requests and idempotency keys. Every method may be async;
 * a failure (rejection) becomes a 503 problem response.
 *
 * A SQL store implements `claimIdempotencyKey` atomically with a unique key:
 * `INSERT INTO idempotency (key, body_hash, claimed_at, lease_until) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`;
 * when no row was inserted, read the row: a different `body_hash` is a `conflict`, a null
 * `response` is `in_progress` (or, once `lease_until` has passed, a dead claim to take over with
 * one guarded `UPDATE`), else `replay`. `create` with `options.answer` inserts the request and
 * sets `response` (`WHERE key = ? AND response IS NULL`, one row or roll back) in one transaction.
 * `releaseIdempotencyKey` deletes the row only while its response is still null.
 */
export interface RequestStore {
  /** Stores the request, and with it `options.notifications` and `options.answer`: all or nothing. */
  create(record: AccountRequestRecord, options?: CreateOptions): Promise<void>;
  /** Newest first. */
  list(options?: { readonly limit?: number; readonly offset?: number }): Promise<readonly AccountRequestRecord[]>;
  get(id: string): Promise<AccountRequestRecord | undefined>;
  /**
   * Claims `key` for `leaseMs` milliseconds. A claim with no saved answer whose lease has
   * expired belongs to a process that died (or stalled): the next claim takes it over (`new`).
   */
  claimIdempotencyKey(key: string, bodyHash: string, leaseMs: number): Promise<IdempotencyClaim>;
  /** Extends the lease of a claim still without answer to `leaseMs` from now (the handler renews while its work runs). */
  renewIdempotencyClaim(key: string, leaseMs: number): Promise<void>;
  /** Saves the answer of a claimed key outside `create` (custom flows; the handler answers through `create`). */
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
  /** Until when an unanswered claim belongs to its claimant; past it, the next claim takes it over. */
  leaseUntil: number;
  response?: StoredResponse;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_THRESHOLD = 1000;

/**
 * An in-memory {@link ProcessingStore} (and {@link WebhookStore}, {@link DecisionStore}) for
 * tests, demos and single-process prototypes: data is lost on restart. No method awaits before
 * it has written everything, so each one (a claim, a creation with its notifications, deliveries
 * and answer) is atomic.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): CheckStore & WebhookStore & DecisionStore & FileStore {
  const ttl = options.idempotencyTtlMs ?? DAY_MS;
  const now = options.now ?? Date.now;
  const keys = new Map<string, KeyEntry>();
  const { insert: insertDeliveries, scrub: scrubDeliveries, ...webhooks } = createMemoryWebhooks();
  const { insert: insertRecord, setChecks, applyUpdate, read, replace, all, forgetTokens, ...records } = createMemoryRecords(insertDeliveries);
  const { insert: insertChecks, ...checks } = createMemoryChecks(setChecks);
  const { insert: insertNotifications, forget: forgetNotifications, ...outbox } = createMemoryOutbox();
  const { insert: insertFiles, forget: forgetFiles, ...files } = createMemoryFiles();
  const { checkInvitation, useInvitation, ...decisions } = createMemoryDecisions({
    records: { ...records, applyUpdate, read, replace, all, forgetTokens },
    insertNotifications,
    forgetNotifications,
    insertDeliveries,
    insertChecks,
    scrubDeliveries,
    forgetFiles,
  });

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
    ...webhooks,
    ...checks,
    ...decisions,
    ...files,
    async create(record, { notifications = [], answer, checks: jobs = [], webhooks: deliveries = [], invitation, files: uploads = [] } = {}) {
      // Every check before the first write: a refusal leaves nothing behind.
      const entry = answer ? keys.get(answer.key) : undefined;
      if (answer && (!entry || entry.response)) throw new Error(`The idempotency key ${answer.key} holds no claim waiting for its answer.`);
      const invited = invitation ? checkInvitation(invitation.hash, invitation.at) : undefined;
      insertRecord(record);
      if (invited && invitation) useInvitation(invited, invitation.at, record.id);
      insertNotifications(notifications);
      insertDeliveries(deliveries);
      insertChecks(jobs);
      insertFiles(uploads);
      if (entry && answer) entry.response = answer.response;
    },
    async saveActivationToken(token, notification) {
      // An erased request gets no link and no e-mail (an erasure may have run since it was read).
      if (read(token.requestId)?.erasedAt !== undefined) return;
      await records.saveActivationToken(token);
      if (notification) insertNotifications([notification]);
    },
    async claimIdempotencyKey(key, bodyHash, leaseMs) {
      sweep();
      const time = now();
      const entry = keys.get(key);
      const dead = entry && (entry.response ? entry.claimedAt < time - ttl : entry.leaseUntil < time);
      if (entry && !dead) {
        if (entry.bodyHash !== bodyHash) return { state: 'conflict' };
        return entry.response ? { state: 'replay', response: entry.response } : { state: 'in_progress' };
      }
      // Deleted first so a taken-over key moves to the end of the claim order.
      keys.delete(key);
      keys.set(key, { bodyHash, claimedAt: time, leaseUntil: time + leaseMs });
      return { state: 'new' };
    },
    async renewIdempotencyClaim(key, leaseMs) {
      const entry = keys.get(key);
      if (entry && !entry.response) entry.leaseUntil = now() + leaseMs;
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
