import {
  addWebhookEndpoint, createWebhookDispatcher, isWebhookStore,
  type ProcessingStore, type WebhookDeliveryOptions, type WebhookDispatcher, type WebhookStore, type WebhookUrlPolicy,
} from '@account-request/sdk/server';
import { maskedError, type Logger } from './logger.js';
import { publicOnlyFetch, resolveHost } from './webhook-transport.js';
import { ENVIRONMENT_ENDPOINT_ID } from './webhook-routes.js';

/** The webhook settings of the demo. */
export interface DemoWebhookOptions {
  /** `WEBHOOK_URL` and `WEBHOOK_SECRET`: one endpoint kept in step with the environment at start-up. */
  readonly endpoint?: { readonly url: string; readonly secret: string };
  /** `WEBHOOK_ALLOW_PRIVATE=1`: loopback and private addresses, and plain http, allowed. */
  readonly allowPrivate?: boolean;
  /** Sending and retries (tests shorten the waits); the address checks come from the two above. */
  readonly delivery?: Omit<WebhookDeliveryOptions, keyof WebhookUrlPolicy>;
}

/** The webhooks of one demo instance: the handler's options, the dispatcher its timer and pages use. */
export interface DemoWebhooks {
  readonly store: WebhookStore;
  readonly policy: WebhookUrlPolicy;
  readonly handlerOptions: WebhookDeliveryOptions;
  readonly dispatcher: WebhookDispatcher;
  /** One run of the retry loop (one at a time; a failure is logged and waits for the next tick). */
  run(): Promise<void>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
}

/**
 * Sets the demo's webhooks up on `store`: the environment's endpoint saved (or updated) under the
 * id `env`, addresses checked with Node's resolver, and a dispatcher. A store without the webhook
 * methods gets none. A WEBHOOK_URL the checks refuse stops the start-up with the reason.
 */
export async function setupDemoWebhooks(store: ProcessingStore, options: DemoWebhookOptions, logger: Logger): Promise<DemoWebhooks | undefined> {
  if (!isWebhookStore(store)) return undefined;
  const policy: WebhookUrlPolicy = { allowPrivateAddresses: options.allowPrivate ?? false, resolveHost };
  if (options.endpoint) {
    const saved = await addWebhookEndpoint(store, { id: ENVIRONMENT_ENDPOINT_ID, url: options.endpoint.url, secret: options.endpoint.secret }, policy);
    if (typeof saved === 'string') throw new Error(`WEBHOOK_URL is refused (${saved.replaceAll('_', ' ')}); see docs/webhooks.md.`);
  }
  // Without WEBHOOK_ALLOW_PRIVATE, the connection itself refuses private addresses too: the
  // check before each attempt resolves the name apart from the connection (DNS rebinding).
  const handlerOptions: WebhookDeliveryOptions = { ...(policy.allowPrivateAddresses ? {} : { fetch: publicOnlyFetch() }), ...options.delivery, ...policy };
  const dispatcher = createWebhookDispatcher({ store, ...handlerOptions });
  let running: Promise<void> | undefined;
  const run = (): Promise<void> =>
    (running ??= dispatcher.deliver().then(
      (report) => {
        if (report.delivered + report.retrying + report.failed + report.cancelled > 0) logger.info({ webhooks: report }, 'webhook retry run');
      },
      (error: unknown) => logger.error({ error: maskedError(error) }, 'webhook retry run failed'),
    ).finally(() => (running = undefined)));
  return { store, policy, handlerOptions, dispatcher, run, idle: async () => void (await running) };
}
