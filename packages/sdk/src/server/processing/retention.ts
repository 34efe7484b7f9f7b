import { parseConfig } from '../../config/index.js';
import type { Settings } from '../../types.js';
import type { LoadConfig } from '../http/options.js';
import type { DecisionStore, StaleQuery } from '../stores/decision-store.js';
import { isWebhookStore } from '../stores/webhook-store.js';
import { activeEndpoints, changeWebhooks } from '../webhooks/messages.js';
import { erasureEvent } from './change-events.js';
import { tombstone } from './personal-data.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;

/**
 * The requests the retention setting erases, as store queries: rejected ones, ones whose
 * applicant never answered a request for information, and accepted ones never activated.
 * Requests still waiting for the team (`new`, `in-progress`) and activated accounts are kept.
 */
export const RETENTION_RULES: readonly Omit<StaleQuery, 'changedBefore' | 'limit'>[] = [
  { statuses: ['rejected', 'info-requested'] },
  { statuses: ['accepted'], notActivated: true },
];

/** What one retention run did. */
export interface RetentionReport {
  /** How many requests this run erased (not those another run, on another instance, erased first). */
  readonly erased: number;
  /** The instant before which requests counted as expired (none when the setting is off). */
  readonly cutoff?: string;
}

/**
 * Erases the personal data of every request {@link RETENTION_RULES} names whose last change is
 * more than `days` days before `now`, recorded with the actor `retention`. Erasure is the same
 * as the admin route's (see `tombstone` and `DecisionStore.erase`): in a store that keeps
 * webhooks, each erasure queues `account-request.erased` for the active endpoints, which the
 * webhook retry loop sends. Run it from a timer.
 */
export async function eraseExpiredRequests(store: DecisionStore, options: { readonly days: number; readonly now?: Date }): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.days * DAY_MS).toISOString();
  const at = now.toISOString();
  const change = changeWebhooks(isWebhookStore(store) ? activeEndpoints(await store.listWebhookEndpoints()) : [], (left) => erasureEvent(left, at));
  let erased = 0;
  for (const rule of RETENTION_RULES) {
    for (;;) {
      const batch = await store.findStale({ ...rule, changedBefore: cutoff, limit: BATCH });
      for (const record of batch) {
        // Another instance's run may erase it first: the store then writes nothing and sends no event.
        // Erased only as selected: one that changed meanwhile (its applicant activated it, an
        // admin moved it on) is left to the next run, which judges it afresh.
        const result = await store.erase(record.id, (current) => tombstone(current, at, 'retention'), { ...change, expectedVersion: record.version });
        if (result.state === 'erased') erased += 1;
      }
      // Erased requests leave the query (their erasure is their last change): the next batch is new ones.
      if (batch.length < BATCH) break;
    }
  }
  return { erased, cutoff };
}

/**
 * One run of the retention setting of the current config (`settings.retentionDays`): nothing
 * when it is off. For a server's timer: `setInterval(() => applyRetention({ store, loadConfig }), 3_600_000)`.
 */
export async function applyRetention(options: { readonly store: DecisionStore; readonly loadConfig: LoadConfig; readonly now?: Date }): Promise<RetentionReport> {
  const loaded = await options.loadConfig();
  const days = loaded === undefined || loaded === null ? undefined : retentionDays(parseConfig(loaded).settings);
  if (days === undefined) return { erased: 0 };
  return eraseExpiredRequests(options.store, { days, ...(options.now ? { now: options.now } : {}) });
}

/** The retention setting in days, or `undefined` when it is off. */
export function retentionDays(settings: Settings): number | undefined {
  // Read as an own property: an absent setting is off, whatever a polluted prototype says.
  const days = Object.hasOwn(settings, 'retentionDays') ? settings.retentionDays : undefined;
  return typeof days === 'number' && days > 0 ? days : undefined;
}
