import type { HistoryChange } from '../server/processing/lifecycle.js';
import type { PublicRecord } from '../server/routes/processing-routes.js';

/**
 * The events a webhook endpoint receives. Names are `<object>.<what happened>`; a receiver must
 * answer 2xx to (and may ignore) a type it does not know, since new ones are added over time.
 */
export const WEBHOOK_EVENT_TYPES = [
  'account-request.created',
  'account-request.updated',
  'account-request.information-provided',
  'account-request.activated',
  'account-request.erased',
  'webhook.ping',
] as const;

/** One of {@link WEBHOOK_EVENT_TYPES}. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A request as webhooks carry it: every member an admin reads, never the password or its hash, never a token. */
export type WebhookRequest = PublicRecord;

/** A change of a request's status or in-account flag: `from` is the value before, `to` after. */
export type WebhookChange = HistoryChange & { readonly field: 'status' | 'inAccount' };

/** The body of every webhook message: the Standard Webhooks shape `{ type, timestamp, data }`. */
export interface WebhookMessage<T extends WebhookEventType, D> {
  readonly type: T;
  /** When the event happened (ISO 8601), not when this attempt was sent. */
  readonly timestamp: string;
  readonly data: D;
}

/** A request was submitted (sent once its transaction committed). */
export type RequestCreatedEvent = WebhookMessage<'account-request.created', { readonly request: WebhookRequest }>;

/** An admin changed the status or the in-account flag: the request after the change, and each change with its before and after. */
export type RequestUpdatedEvent = WebhookMessage<'account-request.updated', { readonly request: WebhookRequest; readonly changes: readonly WebhookChange[] }>;

/**
 * The applicant answered a request for more information through the e-mailed link: the request
 * after the correction (back `in-progress`), the status change, and each value changed with its
 * before and after (`{ field: "value", key, from, to }`).
 */
export type InformationProvidedEvent = WebhookMessage<'account-request.information-provided', { readonly request: WebhookRequest; readonly changes: readonly HistoryChange[] }>;

/** The applicant chose a password through the activation link: the account is ready to use. */
export type RequestActivatedEvent = WebhookMessage<'account-request.activated', { readonly request: WebhookRequest }>;

/**
 * The applicant's personal data was erased (by an admin, or by the retention setting): the
 * request as it is left (id, dates, status, no values). A receiver that copied the applicant's
 * data erases its copy too: the recipients of personal data hear of its erasure (GDPR art. 19).
 */
export type RequestErasedEvent = WebhookMessage<'account-request.erased', { readonly request: WebhookRequest }>;

/** Sent by the "test" button of the back office, to check an endpoint and its secret. */
export type PingEvent = WebhookMessage<'webhook.ping', { readonly endpointId: string }>;

/** Any message of {@link WEBHOOK_EVENT_TYPES}: switch on `type`. */
export type WebhookEvent = RequestCreatedEvent | RequestUpdatedEvent | InformationProvidedEvent | RequestActivatedEvent | RequestErasedEvent | PingEvent;
