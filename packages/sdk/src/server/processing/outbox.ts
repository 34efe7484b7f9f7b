import type { DeliveryOptions } from '../http/options.js';
import type { Notifier } from './notifier.js';
import { doublingBackoffMs, oneLineError, recordWhileClaimed } from './retries.js';
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
 * The delivery side of the outbox: claims due notifications one at a time, each just before it
 * is sent (a lock of `lockMs`, so two workers never send one message twice while the mail server
 * answers within it), hands each to the notifier and records the outcome, only while the claim
 * holds (a worker whose lock ran out records nothing over the one that took the message over). A failure is retried
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
        await options.store.finishNotification(notification, { state: 'failed', at: at.toISOString(), error: describe(error) });
        return 'failed';
      }
      const nextAttemptAt = new Date(at.getTime() + backoff(tries)).toISOString();
      await options.store.finishNotification(notification, { state: 'pending', at: at.toISOString(), error: describe(error), nextAttemptAt });
      return 'retrying';
    }
    const sentAt = now().toISOString();
    await recordWhileClaimed(() => options.store.finishNotification(notification, { state: 'sent', at: sentAt }), notification.lockedUntil, now);
    return 'sent';
  };

  return {
    async deliver({ ids, limit = 50 } = {}) {
      const report = { sent: 0, retrying: 0, failed: 0 };
      let left = ids ? [...ids] : undefined;
      // One at a time (a mail server that is down is not hammered with a burst), each claimed
      // just before it is sent: its lock (`lockMs`) covers that one send, however many come
      // before it in this run. A batch claimed at once would be locked for `lockMs` in all, and
      // its last rows, sent after the others, could outlive their lock and be sent again by
      // another worker.
      for (let count = 0; count < limit && (left === undefined || left.length > 0); count += 1) {
        const at = now();
        const [notification] = await options.store.claimNotifications({
          now: at.toISOString(),
          lockedUntil: new Date(at.getTime() + lockMs).toISOString(),
          limit: 1,
          ...(left ? { ids: left } : {}),
        });
        if (!notification) break;
        if (left) left = left.filter((id) => id !== notification.id);
        report[await attempt(notification)] += 1;
      }
      return report;
    },
  };
}
