import type { HistoryEntry, ProcessedRecord, RequestStatus } from '../processing/lifecycle.js';
import type { RequestStore } from './store.js';
import type { VatCheckState } from '../checks/types.js';
import type { ChangeOptions } from './webhook-store.js';

/** Sort keys of {@link RequestQuery}. */
export type RequestSort = 'createdAt' | 'companyName' | 'status';

/** Filters, order and page of {@link ProcessingStore.query}. Every filter is optional; they combine with AND. */
export interface RequestQuery {
  readonly status?: readonly RequestStatus[];
  readonly inAccount?: boolean;
  /** States of the VIES check (`vatCheck.state`); a request without a VAT check matches none. */
  readonly vatCheck?: readonly VatCheckState[];
  /** Text found in the company name, the e-mail or the SIRET, ignoring case and accents (see `searchText`). */
  readonly q?: string;
  /** Inclusive lower bound of `createdAt` (ISO 8601 instant). */
  readonly from?: string;
  /** Exclusive upper bound of `createdAt` (ISO 8601 instant). */
  readonly to?: string;
  /** Default `createdAt`; ties are broken by creation order, newest first. */
  readonly sort?: RequestSort;
  /** Default `desc`. */
  readonly order?: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

/** One page of matching requests and how many match in all. */
export interface RequestPage {
  readonly items: readonly ProcessedRecord[];
  readonly total: number;
}

/** The members an admin (or an activation) may change. */
export interface RequestPatch {
  readonly status?: RequestStatus;
  readonly inAccount?: boolean;
  readonly note?: string;
  /** Set once, by a used activation token. */
  readonly activatedAt?: string;
  readonly passwordHash?: string;
}

/** Outcome of {@link ProcessingStore.update}. */
export type UpdateResult =
  | { readonly state: 'updated'; readonly record: ProcessedRecord }
  /** The stored version is not the expected one: nothing was written. */
  | { readonly state: 'conflict'; readonly record: ProcessedRecord }
  | { readonly state: 'not_found' };

/** An activation token as stored: its SHA-256 only, never the token itself. */
export interface ActivationTokenRecord {
  /** SHA-256 of the token, base64url. */
  readonly hash: string;
  readonly requestId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
  /** Set when a newer token was issued for the same request. */
  readonly replacedAt?: string;
}

/** What a notification is for. An `invitation` has no request yet: its `requestId` is the invitation's id. */
export type NotificationKind = 'confirmation' | 'alert' | 'activation' | 'rejection' | 'information' | 'invitation';

/** Delivery state of a notification: `failed` only once every attempt is spent. */
export type NotificationState = 'pending' | 'sent' | 'failed';

/** An e-mail as the handler hands it to a {@link Notifier}. */
export interface MailMessage {
  /** The notification id: stable across retries, usable as a Message-ID or a file name. */
  readonly id: string;
  readonly to: string;
  /** One line: never holds CR or LF. */
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly kind: NotificationKind;
  readonly requestId: string;
}

/** One outbox row: a message and its delivery state. */
export interface NotificationRecord extends MailMessage {
  /** Unique: a second notification with the same key is not stored (no duplicate mails). */
  readonly dedupeKey: string;
  readonly state: NotificationState;
  readonly attempts: number;
  readonly lastError?: string;
  readonly createdAt: string;
  /** When the next attempt is due (pending only). */
  readonly nextAttemptAt: string;
  /** A worker holds the row until then; others skip it. */
  readonly lockedUntil?: string;
  readonly sentAt?: string;
}

/** The outcome of one delivery attempt, as recorded by {@link ProcessingStore.finishNotification}. */
export type DeliveryOutcome =
  | { readonly state: 'sent'; readonly at: string }
  | { readonly state: 'pending'; readonly at: string; readonly error: string; readonly nextAttemptAt: string }
  | { readonly state: 'failed'; readonly at: string; readonly error: string };

/**
 * A {@link RequestStore} that also keeps what processing needs: the lifecycle (`update`, with
 * optimistic concurrency on `version`), filtered queries, activation tokens and the e-mail
 * outbox. Every write must be atomic (one transaction, or one statement); `create` stores the
 * request with its first notifications (`options.notifications`) and its answer: all or none.
 * The handler's admin processing routes, activation routes and notifications need it;
 * `createMemoryStore` and the demo's SQLite store implement it.
 */
export interface ProcessingStore extends RequestStore {
  query(query: RequestQuery): Promise<RequestPage>;
  /**
   * Applies `patch` and appends `entry` to the history, raising the version by one, only while
   * the stored version is `expectedVersion`. With `options.webhooks` (a `WebhookStore`), writes
   * the deliveries it returns for the updated request in the same transaction.
   */
  update(id: string, patch: RequestPatch, expectedVersion: number, entry: HistoryEntry, options?: ChangeOptions): Promise<UpdateResult>;
  /**
   * Stores a new token and marks every unused older token of the same request replaced, with the
   * notification that carries it; writes nothing for a request erased meanwhile (`erasedAt`).
   */
  saveActivationToken(token: ActivationTokenRecord, notification?: NotificationRecord): Promise<void>;
  findActivationToken(hash: string): Promise<ActivationTokenRecord | undefined>;
  /**
   * Marks the token used and applies `patch` (password hash, activation date) to its request,
   * only while the token is unused, not replaced and not expired at `at`. Resolves the updated
   * request, or `undefined` when the token could not be used (nothing was written). With
   * `options.webhooks`, writes its deliveries for the updated request in the same transaction.
   */
  useActivationToken(hash: string, at: string, patch: RequestPatch, entry: HistoryEntry, options?: ChangeOptions): Promise<ProcessedRecord | undefined>;
  /** Adds notifications; one whose `dedupeKey` exists is skipped. */
  enqueueNotifications(notifications: readonly NotificationRecord[]): Promise<void>;
  /**
   * Locks up to `limit` pending notifications due at `now` (and not locked by another worker,
   * or locked past `now`) until `lockedUntil`, oldest first, and returns them. With `ids`, only those.
   */
  claimNotifications(options: { readonly now: string; readonly lockedUntil: string; readonly limit: number; readonly ids?: readonly string[] }): Promise<readonly NotificationRecord[]>;
  /**
   * Records the outcome of an attempt on `notification` (as claimed): raises `attempts`, unlocks;
   * only while it still holds that claim (pending, same `lockedUntil`). Resolves `false`,
   * writing nothing, when it does not: its lock ran out and another worker claimed it (and
   * records its own attempt), or it was finished or erased meanwhile.
   */
  finishNotification(notification: Pick<NotificationRecord, 'id' | 'lockedUntil'>, outcome: DeliveryOutcome): Promise<boolean>;
  listNotifications(options: { readonly state?: NotificationState; readonly requestId?: string; readonly limit: number; readonly offset: number }): Promise<{ readonly items: readonly NotificationRecord[]; readonly total: number }>;
  getNotification(id: string): Promise<NotificationRecord | undefined>;
}

const METHODS = ['query', 'update', 'saveActivationToken', 'findActivationToken', 'useActivationToken', 'enqueueNotifications', 'claimNotifications', 'finishNotification', 'listNotifications', 'getNotification'] as const;

/** True when `store` implements every {@link ProcessingStore} method. */
export function isProcessingStore(store: RequestStore): store is ProcessingStore {
  const methods = store as unknown as Record<string, unknown>;
  return METHODS.every((name) => typeof methods[name] === 'function');
}
