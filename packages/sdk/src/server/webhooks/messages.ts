import type { WebhookChange, WebhookEvent } from '../../webhooks/events.js';
import type { HistoryChange, ProcessedRecord } from '../processing/lifecycle.js';
import { toPublicRecord } from '../routes/processing-routes.js';
import type { AccountRequestRecord } from '../stores/store.js';
import type { ChangeOptions, WebhookDelivery, WebhookEndpoint } from '../stores/webhook-store.js';

/** A new `webhook-id`: `msg_` and 32 random hex digits. */
export function webhookId(): string {
  return `msg_${crypto.randomUUID().replaceAll('-', '')}`;
}

/** The endpoints that receive events now: every one not disabled. */
export function activeEndpoints(endpoints: readonly WebhookEndpoint[]): WebhookEndpoint[] {
  return endpoints.filter((endpoint) => endpoint.disabledAt === undefined);
}

/** One pending delivery of `event` to each endpoint, due at once; each its own `webhook-id`. */
export function deliveriesOf(event: WebhookEvent, endpoints: readonly WebhookEndpoint[], requestId?: string): WebhookDelivery[] {
  const body = JSON.stringify(event);
  return endpoints.map((endpoint) => ({
    id: webhookId(),
    endpointId: endpoint.id,
    type: event.type,
    ...(requestId !== undefined ? { requestId } : {}),
    body,
    state: 'pending',
    attempts: 0,
    createdAt: event.timestamp,
    nextAttemptAt: event.timestamp,
  }));
}

/**
 * The store option that writes, with a change, one delivery per endpoint of the event `event`
 * makes of the request as the change leaves it (nothing to write without endpoints).
 */
export function changeWebhooks(endpoints: readonly WebhookEndpoint[], event: (updated: ProcessedRecord) => WebhookEvent): ChangeOptions {
  return endpoints.length === 0 ? {} : { webhooks: (updated) => deliveriesOf(event(updated), endpoints, updated.id) };
}

/** `account-request.created` for a request just stored. */
export function createdEvent(record: AccountRequestRecord, at: string): WebhookEvent {
  return { type: 'account-request.created', timestamp: at, data: { request: toPublicRecord(record) } };
}

const isWebhookChange = (change: HistoryChange): change is WebhookChange => change.field === 'status' || change.field === 'inAccount';

/** The changes a change event reports: status and in-account flag (a note alone sends nothing). */
export function reportedChanges(changes: readonly HistoryChange[]): WebhookChange[] {
  return changes.filter(isWebhookChange);
}

/** `account-request.updated` for `record` as it is after `changes`. */
export function updatedEvent(record: ProcessedRecord, changes: readonly WebhookChange[], at: string): WebhookEvent {
  return { type: 'account-request.updated', timestamp: at, data: { request: toPublicRecord(record), changes } };
}

/** `account-request.information-provided` for a request its applicant just corrected (every change: status and values). */
export function informationProvidedEvent(record: ProcessedRecord, changes: readonly HistoryChange[], at: string): WebhookEvent {
  return { type: 'account-request.information-provided', timestamp: at, data: { request: toPublicRecord(record), changes } };
}

/** `account-request.activated` for a request whose applicant just chose a password. */
export function activatedEvent(record: ProcessedRecord, at: string): WebhookEvent {
  return { type: 'account-request.activated', timestamp: at, data: { request: toPublicRecord(record) } };
}

/** `account-request.erased` for a request whose personal data was just erased (`record` is what is left). */
export function erasedEvent(record: ProcessedRecord, at: string): WebhookEvent {
  return { type: 'account-request.erased', timestamp: at, data: { request: toPublicRecord(record) } };
}

/** `webhook.ping` for one endpoint. */
export function pingEvent(endpointId: string, at: string): WebhookEvent {
  return { type: 'webhook.ping', timestamp: at, data: { endpointId } };
}

