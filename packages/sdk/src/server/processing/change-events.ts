import type { WebhookEvent } from '../../webhooks/events.js';
import { erasedEvent, informationProvidedEvent as providedEvent, reportedChanges, updatedEvent } from '../webhooks/messages.js';
import type { HistoryChange, ProcessedRecord } from './lifecycle.js';

// The hook points of the decision step for webhooks (issue 15 ↔ issue 16): every change below is
// written with the deliveries these functions return, in the change's own transaction.

/**
 * The event of a decision: a status (or in-account) change made through `PATCH {base}/{id}`,
 * the bulk route or the auto-accept setting. `undefined` when nothing reportable changed (a
 * note alone).
 */
export function decisionEvent(updated: ProcessedRecord, changes: readonly HistoryChange[], at: string): WebhookEvent | undefined {
  const reported = reportedChanges(changes);
  return reported.length > 0 ? updatedEvent(updated, reported, at) : undefined;
}

/**
 * The event of an applicant's answer to a request for information (`info-requested` →
 * `in-progress`, with the changed values in `changes`).
 */
export function informationProvidedEvent(updated: ProcessedRecord, changes: readonly HistoryChange[], at: string): WebhookEvent {
  return providedEvent(updated, changes, at);
}

/** The event of an erasure (an admin's, or the retention setting's): the request as it is left. */
export function erasureEvent(erased: ProcessedRecord, at: string): WebhookEvent {
  return erasedEvent(erased, at);
}
