import type { WebhookEventType } from '../../webhooks/events.js';
import type { ProcessedRecord } from '../processing/lifecycle.js';
import type { ProcessingStore } from './processing-store.js';

/** A signing secret of an endpoint. */
export interface WebhookSecret {
  /** `whsec_…`. */
  readonly secret: string;
  readonly createdAt: string;
  /** Set when a newer secret replaced it: it keeps signing (beside the new one) until then. */
  readonly expiresAt?: string;
}

/** Where webhooks go. */
export interface WebhookEndpoint {
  readonly id: string;
  /** `https:` (or `http:` where private addresses are allowed, for local receivers). */
  readonly url: string;
  /** Newest first: the first signs; older ones sign too until their `expiresAt`. */
  readonly secrets: readonly WebhookSecret[];
  readonly createdAt: string;
  /** Set while the endpoint receives nothing: by an admin, or after it answered 410 Gone. */
  readonly disabledAt?: string;
  readonly disabledReason?: 'admin' | 'gone';
}

/** `pending` until a 2xx (`delivered`), the last allowed attempt (`failed`), or its endpoint was disabled (`cancelled`). */
export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** One message to one endpoint, and how its delivery went. */
export interface WebhookDelivery {
  /** The `webhook-id`: the same on every attempt, so a receiver can drop a repeat. */
  readonly id: string;
  readonly endpointId: string;
  readonly type: WebhookEventType;
  /** The request the event is about; absent for a ping. */
  readonly requestId?: string;
  /** The JSON body, exactly as signed and sent on every attempt. */
  readonly body: string;
  readonly state: WebhookDeliveryState;
  readonly attempts: number;
  readonly createdAt: string;
  /** When the next attempt is due (pending only). */
  readonly nextAttemptAt: string;
  /** A worker holds the delivery until then; others skip it. */
  readonly lockedUntil?: string;
  readonly lastAttemptAt?: string;
  /** The HTTP status of the last answer (none after a network error or a timeout). */
  readonly lastStatus?: number;
  /** The start of the last answer's body (at most 500 characters). */
  readonly lastResponse?: string;
  /** Why the last attempt failed, when it did. */
  readonly lastError?: string;
  readonly deliveredAt?: string;
}

/** The outcome of one attempt, as {@link WebhookStore.finishWebhookDelivery} records it. */
export interface WebhookAttempt {
  readonly state: WebhookDeliveryState;
  readonly at: string;
  /** Pending only: when to try again. */
  readonly nextAttemptAt?: string;
  readonly status?: number;
  readonly response?: string;
  readonly error?: string;
}

/** Deliveries to write in the same transaction as a change, built from the request as it stands after the change. */
export type WebhookRows = (updated: ProcessedRecord) => readonly WebhookDelivery[];

/** What `update` and `useActivationToken` of a {@link WebhookStore} also write with their change: all or nothing. */
export interface ChangeOptions {
  /** Called once the change is decided (inside the transaction); must not throw. */
  readonly webhooks?: WebhookRows;
}

/**
 * A {@link ProcessingStore} that also keeps webhook endpoints and a durable outbox of deliveries.
 * The handler writes a change's deliveries in the change's own transaction: `create(record, {
 * webhooks })`, `update(…, { webhooks })`, `useActivationToken(…, { webhooks })`; deliveries of a
 * change that was not written (a version conflict, a used token) are not written either.
 */
export interface WebhookStore extends ProcessingStore {
  /** Inserts the endpoint, or replaces the one with its id. */
  saveWebhookEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  getWebhookEndpoint(id: string): Promise<WebhookEndpoint | undefined>;
  /** Oldest first. */
  listWebhookEndpoints(): Promise<readonly WebhookEndpoint[]>;
  /** Adds deliveries; one whose id exists is skipped. */
  enqueueWebhookDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void>;
  /**
   * Locks up to `limit` pending deliveries due at `now` (unlocked, or locked until `now` or
   * before) until `lockedUntil`, oldest first, and returns them; with `ids`, only those. Two
   * workers, in one process or several, never get the same delivery while it is locked.
   */
  claimWebhookDeliveries(options: { readonly now: string; readonly lockedUntil: string; readonly limit: number; readonly ids?: readonly string[] }): Promise<readonly WebhookDelivery[]>;
  /**
   * Records an attempt: the state, `lastAttemptAt` and the answer; attempts + 1 (not for
   * `cancelled`); unlocks. Only on a delivery still claimed (pending and locked): one cancelled
   * while it was being sent (its request erased) keeps its erased body and no receiver's answer.
   */
  finishWebhookDelivery(id: string, attempt: WebhookAttempt): Promise<void>;
  /** Puts a delivery back in the queue, due at `at`, unless it is pending and locked (being sent); resolves whether it did. */
  resendWebhookDelivery(id: string, at: string): Promise<boolean>;
  /** Newest first. */
  listWebhookDeliveries(options: { readonly endpointId?: string; readonly state?: WebhookDeliveryState; readonly limit: number; readonly offset: number }): Promise<{ readonly items: readonly WebhookDelivery[]; readonly total: number }>;
  getWebhookDelivery(id: string): Promise<WebhookDelivery | undefined>;
}

const METHODS = [
  'saveWebhookEndpoint', 'getWebhookEndpoint', 'listWebhookEndpoints', 'enqueueWebhookDeliveries', 'claimWebhookDeliveries',
  'finishWebhookDelivery', 'resendWebhookDelivery', 'listWebhookDeliveries', 'getWebhookDelivery',
] as const;

/** True when `store` implements every {@link WebhookStore} method. */
export function isWebhookStore(store: ProcessingStore): store is WebhookStore {
  const methods = store as unknown as Record<string, unknown>;
  return METHODS.every((name) => typeof methods[name] === 'function');
}
