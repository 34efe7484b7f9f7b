import type { ProcessingStore, NotificationRecord } from './processing-store.js';

/** The outbox methods of the memory store. */
export type MemoryOutbox = Pick<ProcessingStore, 'enqueueNotifications' | 'claimNotifications' | 'finishNotification' | 'listNotifications' | 'getNotification'> & {
  /** Adds notifications at once (no await), for a write that must not be cut in two; a known `dedupeKey` is skipped. */
  insert(notifications: readonly NotificationRecord[]): void;
  /** Deletes every notification of these request (or invitation) ids; their dedupe keys stay known, so none is queued again. */
  forget(requestIds: readonly string[]): void;
};

/** Notifications in memory, in creation order; every method runs without an await, so claims are atomic. */
export function createMemoryOutbox(): MemoryOutbox {
  const rows: NotificationRecord[] = [];
  const byId = new Map<string, number>();
  const keys = new Set<string>();

  const replace = (index: number, row: NotificationRecord): void => {
    rows[index] = row;
  };

  const insert = (notifications: readonly NotificationRecord[]): void => {
    for (const notification of notifications) {
      if (keys.has(notification.dedupeKey) || byId.has(notification.id)) continue;
      keys.add(notification.dedupeKey);
      byId.set(notification.id, rows.length);
      rows.push(notification);
    }
  };

  return {
    insert,
    forget(requestIds) {
      const gone = new Set(requestIds);
      const kept = rows.filter((row) => !gone.has(row.requestId));
      rows.length = 0;
      byId.clear();
      for (const row of kept) {
        byId.set(row.id, rows.length);
        rows.push(row);
      }
    },
    async enqueueNotifications(notifications) {
      insert(notifications);
    },
    async claimNotifications({ now, lockedUntil, limit, ids }) {
      const wanted = ids ? new Set(ids) : undefined;
      const due: number[] = [];
      rows.forEach((row, index) => {
        if (row.state !== 'pending' || row.nextAttemptAt > now) return;
        if (wanted && !wanted.has(row.id)) return;
        if (row.lockedUntil !== undefined && row.lockedUntil > now) return;
        due.push(index);
      });
      // Oldest first by createdAt (rows may be enqueued out of that order); a stable sort keeps creation order for ties.
      due.sort((a, b) => (rows[a]!.createdAt < rows[b]!.createdAt ? -1 : rows[a]!.createdAt > rows[b]!.createdAt ? 1 : 0));
      return due.slice(0, limit).map((index) => {
        const locked = { ...rows[index]!, lockedUntil };
        replace(index, locked);
        return locked;
      });
    },
    async finishNotification({ id, lockedUntil }, outcome) {
      const index = byId.get(id);
      const row = index === undefined ? undefined : rows[index];
      // Only the worker holding the claim records its attempt.
      if (index === undefined || !row || lockedUntil === undefined || row.state !== 'pending' || row.lockedUntil !== lockedUntil) return false;
      const { lockedUntil: _lock, lastError: _error, ...rest } = row;
      const attempts = row.attempts + 1;
      if (outcome.state === 'sent') replace(index, { ...rest, ...(row.lastError !== undefined ? { lastError: row.lastError } : {}), state: 'sent', attempts, sentAt: outcome.at });
      else if (outcome.state === 'pending') replace(index, { ...rest, state: 'pending', attempts, lastError: outcome.error, nextAttemptAt: outcome.nextAttemptAt });
      else replace(index, { ...rest, state: 'failed', attempts, lastError: outcome.error });
      return true;
    },
    async listNotifications({ state, requestId, limit, offset }) {
      const matching = rows.filter((row) => (state === undefined || row.state === state) && (requestId === undefined || row.requestId === requestId)).reverse();
      return { items: matching.slice(offset, offset + limit), total: matching.length };
    },
    async getNotification(id) {
      const index = byId.get(id);
      return index === undefined ? undefined : rows[index];
    },
  };
}
