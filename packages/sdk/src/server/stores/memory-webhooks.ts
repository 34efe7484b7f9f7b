import { ERASED_WEBHOOK_BODY } from './decision-store.js';
import type { WebhookDelivery, WebhookEndpoint, WebhookStore } from './webhook-store.js';

type WebhookMethods = Omit<WebhookStore, keyof import('./processing-store.js').ProcessingStore>;

/** The webhook methods of the memory store. */
export type MemoryWebhooks = WebhookMethods & {
  /** Adds deliveries at once (no await), for a write that must not be cut in two; a known id is skipped. */
  insert(deliveries: readonly WebhookDelivery[]): void;
  /** Erases the bodies (and receivers' answers) of a request's deliveries; pending ones are cancelled. */
  scrub(requestId: string): void;
};

const byCreation = (a: WebhookDelivery, b: WebhookDelivery): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** Endpoints and deliveries in memory; no await inside a method, so each is atomic. */
export function createMemoryWebhooks(): MemoryWebhooks {
  const endpoints = new Map<string, WebhookEndpoint>();
  // Insertion order is creation order: a stable sort keeps it for equal times.
  const deliveries = new Map<string, WebhookDelivery>();

  const insert = (rows: readonly WebhookDelivery[]): void => {
    for (const row of rows) if (!deliveries.has(row.id)) deliveries.set(row.id, row);
  };

  return {
    insert,
    scrub(requestId) {
      for (const [id, row] of deliveries) {
        if (row.requestId !== requestId) continue;
        const { lastResponse: _response, lockedUntil: _lock, ...rest } = row;
        deliveries.set(id, { ...rest, body: ERASED_WEBHOOK_BODY, state: row.state === 'pending' ? 'cancelled' : row.state });
      }
    },
    async saveWebhookEndpoint(endpoint) {
      endpoints.set(endpoint.id, endpoint);
    },
    async getWebhookEndpoint(id) {
      return endpoints.get(id);
    },
    async listWebhookEndpoints() {
      return [...endpoints.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    },
    async enqueueWebhookDeliveries(rows) {
      insert(rows);
    },
    async claimWebhookDeliveries({ now, lockedUntil, limit, ids }) {
      const wanted = ids ? new Set(ids) : undefined;
      const due = [...deliveries.values()]
        .filter((row) => row.state === 'pending' && row.nextAttemptAt <= now && (row.lockedUntil === undefined || row.lockedUntil <= now) && (!wanted || wanted.has(row.id)))
        .sort(byCreation)
        .slice(0, limit);
      return due.map((row) => {
        const locked = { ...row, lockedUntil };
        deliveries.set(row.id, locked);
        return locked;
      });
    },
    async finishWebhookDelivery(id, attempt) {
      const row = deliveries.get(id);
      if (!row || row.state !== 'pending' || row.lockedUntil === undefined) return;
      const { lockedUntil: _lock, lastStatus: _status, lastResponse: _response, lastError: _error, ...rest } = row;
      deliveries.set(id, {
        ...rest,
        state: attempt.state,
        attempts: attempt.state === 'cancelled' ? row.attempts : row.attempts + 1,
        lastAttemptAt: attempt.at,
        ...(attempt.nextAttemptAt !== undefined ? { nextAttemptAt: attempt.nextAttemptAt } : {}),
        ...(attempt.status !== undefined ? { lastStatus: attempt.status } : {}),
        ...(attempt.response !== undefined ? { lastResponse: attempt.response } : {}),
        ...(attempt.error !== undefined ? { lastError: attempt.error } : {}),
        ...(attempt.state === 'delivered' ? { deliveredAt: attempt.at } : {}),
      });
    },
    async resendWebhookDelivery(id, at) {
      const row = deliveries.get(id);
      if (!row || (row.state === 'pending' && row.lockedUntil !== undefined && row.lockedUntil > at)) return false;
      const { lockedUntil: _lock, ...rest } = row;
      deliveries.set(id, { ...rest, state: 'pending', nextAttemptAt: at });
      return true;
    },
    async listWebhookDeliveries({ endpointId, state, limit, offset }) {
      const matching = [...deliveries.values()].filter((row) => (endpointId === undefined || row.endpointId === endpointId) && (state === undefined || row.state === state)).sort(byCreation).reverse();
      return { items: matching.slice(offset, offset + limit), total: matching.length };
    },
    async getWebhookDelivery(id) {
      return deliveries.get(id);
    },
  };
}
