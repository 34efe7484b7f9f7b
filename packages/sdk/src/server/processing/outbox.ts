import type { DeliveryOptions } from '../http/options.js';
import type { Notifier } from './notifier.js';
import { doublingBackoffMs, oneLineError } from './retries.js';
import type { NotificationRecord, ProcessingStore } from '../stores/processing-store.js';

/** Options of {@link createOutbox}. */
export interface OutboxOptions extends DeliveryOptions {
  readonly store: ProcessingStore;
  readonly notifier: Notifier;
  readonly now?: () => Date;
}

/** What one delivery run did. */
export interface DeliveryReport {
  readonly sent: number;
  /** Failed this time, to be tried again later. */
  readonly retrying: number;
  /** Failed for the last allowed time. */
  readonly failed: number;
}

/** Delivers the outbox's pending notifications through a notifier. */
export interface Outbox {
  /** Delivers the notifications due now (or only `ids`), at most `limit` (default 50). */
  deliver(options?: { readonly ids?: readonly string[]; readonly limit?: number }): Promise<DeliveryReport>;
}

const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_LOCK_MS = 2 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;

/** 30 s, 1 min, 2 min… at most one hour. */
export function defaultBackoffMs(attempt: number): number {
  return doublingBackoffMs(attempt, 30_000, 60 * 60 * 1000);
}

const describe = (error: unknown): string => oneLineError(error, { maxLength: MAX_ERROR_LENGTH });

/**
 * The delivery side of the outbox: claims due notifications (a lock, so two workers never send
 * one message twice), hands each to the notifier and records the outcome. A failure is retried
 * after a growing wait, up to `maxAttempts`; after that the notification is `failed` and stays
 * visible with its last error. Run `deliver()` from a timer for the retries.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;

  const attempt = async (notification: NotificationRecord): Promise<keyof DeliveryReport> => {
    const { dedupeKey: _key, state: _state, attempts, lastError: _error, createdAt: _created, nextAttemptAt: _next, lockedUntil: _lock, sentAt: _sent, ...message } = notification;
    try {
      await options.notifier.notify(message);
    } catch (error) {
      const at = now();
      const tries = attempts + 1;
      if (tries >= maxAttempts) {
        await options.store.finishNotification(notification.id, { state: 'failed', at: at.toISOString(), error: describe(error) });
        return 'failed';
      }
      const nextAttemptAt = new Date(at.getTime() + backoff(tries)).toISOString();
      await options.store.finishNotification(notification.id, { state: 'pending', at: at.toISOString(), error: describe(error), nextAttemptAt });
      return 'retrying';
    }
    await options.store.finishNotification(notification.id, { state: 'sent', at: now().toISOString() });
    return 'sent';
  };

  return {
    async deliver({ ids, limit = 50 } = {}) {
      const at = now();
      const claimed = await options.store.claimNotifications({
        now: at.toISOString(),
        lockedUntil: new Date(at.getTime() + lockMs).toISOString(),
        limit,
        ...(ids ? { ids } : {}),
      });
      const report = { sent: 0, retrying: 0, failed: 0 };
      // One at a time: a mail server that is down is not hammered with a burst.
      for (const notification of claimed) report[await attempt(notification)] += 1;
      return report;
    },
  };
}
