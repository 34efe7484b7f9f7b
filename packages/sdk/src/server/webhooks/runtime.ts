import { createBackgroundSends, type BackgroundSendsOptions } from '../processing/background-sends.js';
import type { WebhookEvent } from '../../webhooks/events.js';
import type { ProcessedRecord } from '../processing/lifecycle.js';
import type { ChangeOptions, WebhookDelivery, WebhookEndpoint, WebhookStore } from '../stores/webhook-store.js';
import { createWebhookDispatcher, type WebhookDeliveryOptions, type WebhookDispatcher } from './dispatcher.js';
import { activeEndpoints, changeWebhooks } from './messages.js';

/** The webhooks of one handler: which endpoints an event goes to, and the sending. */
export interface WebhookRuntime {
  readonly store: WebhookStore;
  readonly dispatcher: WebhookDispatcher;
  /** The endpoints that receive events now, read from the store for each change (another instance may have added one). */
  endpoints(): Promise<WebhookEndpoint[]>;
  /**
   * The store options of a change known only once the store applies it (an update, an
   * activation), and the deliveries they produced (none until the store called them).
   */
  change(endpoints: readonly WebhookEndpoint[], event: (updated: ProcessedRecord) => WebhookEvent): { readonly options: ChangeOptions; queued(): readonly WebhookDelivery[] };
  /** Queues `deliveries` for sending after the answer (the run handed to `waitUntil` when given); what fails stays queued for the retry loop. */
  sendInBackground(deliveries: readonly WebhookDelivery[], waitUntil?: (promise: Promise<unknown>) => void): void;
}

/** Builds the webhook side of a handler over its store. */
export function createWebhookRuntime(store: WebhookStore, options: WebhookDeliveryOptions, now: () => Date, sending: Pick<BackgroundSendsOptions, 'busy' | 'signal'> = {}): WebhookRuntime {
  const dispatcher = createWebhookDispatcher({ ...options, store, now });
  const sends = createBackgroundSends((ids) => dispatcher.deliver({ ids }), {
    ...sending,
    sendDue: async () => {
      const report = await dispatcher.deliver();
      return report.delivered + report.retrying + report.failed + report.cancelled;
    },
  });
  return {
    store,
    dispatcher,
    async endpoints() {
      return activeEndpoints(await store.listWebhookEndpoints());
    },
    change(endpoints, event) {
      let queued: readonly WebhookDelivery[] = [];
      const { webhooks } = changeWebhooks(endpoints, event);
      return { options: webhooks ? { webhooks: (updated) => (queued = webhooks(updated)) } : {}, queued: () => queued };
    },
    sendInBackground(deliveries, waitUntil) {
      sends.add(
        deliveries.map((delivery) => delivery.id),
        waitUntil,
      );
    },
  };
}
