/**
 * `@account-request/sdk/webhooks`: what a receiver needs: {@link verifyWebhook} (Standard
 * Webhooks signatures, WebCrypto only) and the types of the events. No other SDK code.
 *
 * ```ts
 * import { verifyWebhook, type WebhookEvent } from '@account-request/sdk/webhooks';
 *
 * const event = (await verifyWebhook(process.env.WEBHOOK_SECRET, request.headers, await request.text())) as WebhookEvent;
 * ```
 */
export { verifyWebhook, signWebhook, createWebhookSecret, decodeWebhookSecret, isWebhookSecret, WebhookVerificationError, WEBHOOK_SECRET_PREFIX } from './signature.js';
export type { VerifyWebhookOptions, WebhookHeaders, WebhookVerificationReason } from './signature.js';
export { WEBHOOK_EVENT_TYPES } from './events.js';
export type {
  InformationProvidedEvent, PingEvent, RequestActivatedEvent, RequestCreatedEvent, RequestErasedEvent, RequestUpdatedEvent, WebhookChange, WebhookEvent, WebhookEventType, WebhookMessage, WebhookRequest,
} from './events.js';
