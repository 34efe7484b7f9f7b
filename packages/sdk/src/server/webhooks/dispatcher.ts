import { signWebhook } from '../../webhooks/signature.js';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookStore } from '../stores/webhook-store.js';
import { doublingBackoffMs, oneLineError, recordWhileClaimed } from '../processing/retries.js';
import { checkWebhookUrl, type WebhookUrlPolicy } from './addresses.js';
import { deliveryErrors } from './delivery-errors.js';

/** How webhooks are sent and retried (the handler's `webhooks` option, and {@link createWebhookDispatcher}'s). */
export interface WebhookDeliveryOptions extends WebhookUrlPolicy {
  /** The HTTP client; default the global `fetch`. It must not follow redirects (the dispatcher asks it not to). */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** How long an attempt may take, answer included; default 10 s. */
  readonly timeoutMs?: number;
  /** Attempts before a delivery is `failed`; default 14 (over about 32 hours with the default backoff). */
  readonly maxAttempts?: number;
  /** Wait before attempt `attempt + 1` (1-based `attempt` just failed); default {@link defaultWebhookBackoffMs}. */
  readonly backoffMs?: (attempt: number) => number;
  /** How long a worker holds the deliveries it claimed; default twice `timeoutMs` plus 30 s. */
  readonly lockMs?: number;
}

/** Options of {@link createWebhookDispatcher}. */
export interface WebhookDispatcherOptions extends WebhookDeliveryOptions {
  readonly store: WebhookStore;
  readonly now?: () => Date;
}

/** What one run did. */
export interface WebhookReport {
  readonly delivered: number;
  readonly retrying: number;
  readonly failed: number;
  /** Not sent: their endpoint is disabled or gone. */
  readonly cancelled: number;
}

/** Sends due webhook deliveries. */
export interface WebhookDispatcher {
  /** Sends the deliveries due now (or only `ids`), at most `limit` (default 20) at a time. */
  deliver(options?: { readonly ids?: readonly string[]; readonly limit?: number }): Promise<WebhookReport>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_ATTEMPTS = 14;
const MAX_BACKOFF_MS = 8 * 60 * 60 * 1000;
const EXCERPT_LENGTH = 500;
const EXCERPT_BYTES = 4096;

/** 30 s, then doubling (1 min, 2 min… 4 h 16 min), at most 8 hours: 14 attempts span about 32 hours. */
export function defaultWebhookBackoffMs(attempt: number): number {
  return doublingBackoffMs(attempt, 30_000, MAX_BACKOFF_MS);
}

// fetch's network errors say what failed only in their cause.
const describe = (error: unknown): string => oneLineError(error, { withCause: true, maxLength: EXCERPT_LENGTH });

// The start of the answer, for the back office: read no more than a few KB, then let it go.
async function excerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body cut short still gives what arrived.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, offset), (offset += chunk.length);
  return new TextDecoder().decode(bytes).replace(/\s+/g, ' ').trim().slice(0, EXCERPT_LENGTH);
}

/** The secrets that sign at `at`: the newest, and older ones until their `expiresAt`. */
export function signingSecrets(endpoint: WebhookEndpoint, at: string): string[] {
  return endpoint.secrets.filter((secret, index) => index === 0 || secret.expiresAt === undefined || secret.expiresAt > at).map((secret) => secret.secret);
}

/**
 * The sending side of the webhook outbox. Each run claims due deliveries (a lock, so two workers
 * never send one at the same time), checks the endpoint's address again (it may resolve
 * elsewhere since it was added: DNS rebinding), signs the body with the endpoint's secrets and
 * posts it, the same `webhook-id` on every attempt and a fresh `webhook-timestamp`. A 2xx ends
 * the delivery; a 410 disables the endpoint; anything else (another status, a redirect, a network
 * error, a timeout) is tried again after a growing wait, until `maxAttempts`. Delivery is at
 * least once: a process that dies between the answer and its record sends again once the lock
 * has expired, with the same id. Run `deliver()` from a timer.
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const send = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultWebhookBackoffMs;
  const lockMs = options.lockMs ?? 2 * timeoutMs + 30_000;

  const failure = (delivery: WebhookDelivery, at: Date, answer: { status?: number; response?: string; error?: string }): WebhookAttempt => {
    const tries = delivery.attempts + 1;
    if (tries >= maxAttempts) return { state: 'failed', at: at.toISOString(), ...answer };
    return { state: 'pending', at: at.toISOString(), nextAttemptAt: new Date(at.getTime() + backoff(tries)).toISOString(), ...answer };
  };

  const post = async (delivery: WebhookDelivery, endpoint: WebhookEndpoint): Promise<WebhookAttempt> => {
    const refused = await checkWebhookUrl(endpoint.url, options);
    if (refused) return failure(delivery, now(), { error: deliveryErrors.refused(refused) });
    const start = now();
    const timestamp = Math.floor(start.getTime() / 1000);
    const signature = await signWebhook(signingSecrets(endpoint, start.toISOString()), delivery.id, timestamp, delivery.body);
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await send(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal,
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'account-request-webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signature,
        },
        body: delivery.body,
      });
      const answer = { status: response.status, response: await excerpt(response) };
      const at = now();
      if (response.status >= 200 && response.status < 300) return { state: 'delivered', at: at.toISOString(), ...answer };
      if (response.status === 410) return { state: 'failed', at: at.toISOString(), ...answer, error: deliveryErrors.gone };
      return failure(delivery, at, { ...answer, error: deliveryErrors.http(response.status) });
    } catch (error) {
      const timedOut = signal.aborted;
      return failure(delivery, now(), { error: timedOut ? deliveryErrors.timeout(timeoutMs) : describe(error) });
    }
  };

  return {
    async deliver({ ids, limit = 20 } = {}) {
      const at = now();
      const claimed = await store.claimWebhookDeliveries({
        now: at.toISOString(),
        lockedUntil: new Date(at.getTime() + lockMs).toISOString(),
        limit,
        ...(ids ? { ids } : {}),
      });
      const endpoints = new Map<string, Promise<WebhookEndpoint | undefined>>();
      const report = { delivered: 0, retrying: 0, failed: 0, cancelled: 0 };
      // Side by side: one slow receiver must not hold the others' deliveries past their lock.
      await Promise.all(
        claimed.map(async (delivery) => {
          let endpointLoad = endpoints.get(delivery.endpointId);
          if (!endpointLoad) endpoints.set(delivery.endpointId, (endpointLoad = store.getWebhookEndpoint(delivery.endpointId)));
          const endpoint = await endpointLoad;
          const attempt: WebhookAttempt =
            !endpoint || endpoint.disabledAt !== undefined
              ? { state: 'cancelled', at: now().toISOString(), error: endpoint ? deliveryErrors.disabled : deliveryErrors.removed }
              : await post(delivery, endpoint);
          if (endpoint && attempt.status === 410) {
            const latest = (await store.getWebhookEndpoint(endpoint.id)) ?? endpoint;
            if (latest.disabledAt === undefined) await store.saveWebhookEndpoint({ ...latest, disabledAt: attempt.at, disabledReason: 'gone' });
          }
          // A receiver that took the message must not get it again because the store blinked.
          if (attempt.state === 'delivered') await recordWhileClaimed(() => store.finishWebhookDelivery(delivery.id, attempt), delivery.lockedUntil, now);
          else await store.finishWebhookDelivery(delivery.id, attempt);
          report[attempt.state === 'pending' ? 'retrying' : attempt.state] += 1;
        }),
      );
      return report;
    },
  };
}
