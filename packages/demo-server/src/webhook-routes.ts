import {
  addWebhookEndpoint, queueWebhookPing, RECORD_ID, rotateWebhookSecret, setWebhookEndpointEnabled,
  type WebhookDispatcher, type WebhookEndpointProblem, type WebhookStore, type WebhookUrlPolicy,
} from '@account-request/sdk/server';
import type { Context, Hono } from 'hono';
import { readForm } from './processing-routes.js';
import { notFoundPage } from './pages/not-found.js';
import { pageLocale } from './pages/text.js';
import { deliveriesPage, deliveryErrorText, webhooksPage, type WebhookNotice } from './pages/webhooks.js';

// Only an id reaches the store (a NUL would break a PostgreSQL query): anything else is the 404 page.
const ID = `:id{${RECORD_ID}}`;

/** The id of the endpoint that WEBHOOK_URL and WEBHOOK_SECRET describe. */
export const ENVIRONMENT_ENDPOINT_ID = 'env';

/** What the webhook pages need from the app. */
export interface WebhookPagesOptions {
  readonly store: WebhookStore;
  readonly dispatcher: WebhookDispatcher;
  /** How endpoint addresses are checked (WEBHOOK_ALLOW_PRIVATE, DNS resolution). */
  readonly policy: WebhookUrlPolicy;
}

const PAGE_SIZE = 20;
const MAX_FORM_BYTES = 8 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };
const NOTICES = new Set<string>(['added', 'rotated', 'disabled', 'enabled', 'delivered', 'notDelivered', 'resent', 'busy']);

/**
 * Mounts `/admin/webhooks/` (the endpoints: add, test, disable or enable, new secret) and
 * `/admin/webhooks/{id}` (its deliveries, with "send again"), behind the app's admin check and
 * the same-origin check of every admin form post.
 */
export function mountWebhookPages(app: Hono, options: WebhookPagesOptions): void {
  const { store, dispatcher, policy } = options;
  const locale = (c: Context) => pageLocale(c.req.query('lang'));
  const back = (c: Context, path: string, done: string, extra: Record<string, string> = {}) =>
    c.redirect(`${path}?${new URLSearchParams({ lang: locale(c), done, ...extra }).toString()}`, 303);
  // The notice named by `done` (after a redirect); a test's outcome is read back from its delivery.
  const noticeOf = async (c: Context): Promise<WebhookNotice | undefined> => {
    const done = c.req.query('done') ?? '';
    if (!NOTICES.has(done)) return undefined;
    if (done === 'delivered' || done === 'notDelivered') {
      const delivery = await store.getWebhookDelivery(c.req.query('delivery') ?? '');
      if (!delivery) return undefined;
      return delivery.state === 'delivered'
        ? { key: 'delivered', values: { status: delivery.lastStatus ?? '' } }
        : { key: 'notDelivered', values: { error: delivery.lastError ? deliveryErrorText(delivery.lastError, locale(c)) : '' } };
    }
    return { key: done as WebhookNotice['key'] };
  };
  const list = async (c: Context, extra: { refused?: { problem: WebhookEndpointProblem; url: string } } = {}, status: 200 | 422 = 200) => {
    const notice = await noticeOf(c);
    const body = webhooksPage({
      locale: locale(c), endpoints: await store.listWebhookEndpoints(), environmentId: ENVIRONMENT_ENDPOINT_ID, now: new Date().toISOString(),
      ...(notice ? { notice } : {}), ...extra,
    });
    return c.html(body, status, NO_STORE);
  };

  app.get('/admin/webhooks', (c) => c.redirect(`/admin/webhooks/?lang=${locale(c)}`, 308));
  app.get('/admin/webhooks/', (c) => list(c));
  app.post('/admin/webhooks/', async (c) => {
    const url = ((await readForm(c, MAX_FORM_BYTES))?.get('url') ?? '').trim();
    const added = await addWebhookEndpoint(store, { url }, policy);
    if (typeof added === 'string') return list(c, { refused: { problem: added, url: url.slice(0, 2000) } }, 422);
    return back(c, '/admin/webhooks/', 'added');
  });

  const endpointAction = (name: string, run: (id: string) => Promise<unknown>) =>
    app.post(`/admin/webhooks/${ID}/${name}`, async (c) => {
      if ((await run(c.req.param('id'))) === undefined) return c.html(notFoundPage(locale(c)), 404, NO_STORE);
      return back(c, '/admin/webhooks/', name === 'rotate' ? 'rotated' : `${name}d`);
    });
  endpointAction('disable', (id) => setWebhookEndpointEnabled(store, id, false));
  endpointAction('enable', (id) => setWebhookEndpointEnabled(store, id, true));
  endpointAction('rotate', (id) => rotateWebhookSecret(store, id));
  app.post(`/admin/webhooks/${ID}/test`, async (c) => {
    const endpoint = await store.getWebhookEndpoint(c.req.param('id'));
    if (!endpoint) return c.html(notFoundPage(locale(c)), 404, NO_STORE);
    const ping = await queueWebhookPing(store, endpoint);
    // Sent now, so the page can say how it went; a failure stays queued for the retry loop.
    await dispatcher.deliver({ ids: [ping.id] });
    const sent = await store.getWebhookDelivery(ping.id);
    return back(c, '/admin/webhooks/', sent?.state === 'delivered' ? 'delivered' : 'notDelivered', { delivery: ping.id });
  });

  app.get(`/admin/webhooks/${ID}`, async (c) => {
    const endpoint = await store.getWebhookEndpoint(c.req.param('id'));
    if (!endpoint) return c.html(notFoundPage(locale(c)), 404, NO_STORE);
    const offset = /^\d{1,9}$/.test(c.req.query('offset') ?? '') ? Number(c.req.query('offset')) : 0;
    const { items, total } = await store.listWebhookDeliveries({ endpointId: endpoint.id, limit: PAGE_SIZE, offset });
    const notice = await noticeOf(c);
    return c.html(deliveriesPage({ locale: locale(c), endpoint, items, total, limit: PAGE_SIZE, offset, ...(notice ? { notice } : {}) }), 200, NO_STORE);
  });
  app.post(`/admin/webhooks/${ID}/deliveries/:delivery{${RECORD_ID}}/resend`, async (c) => {
    const id = c.req.param('id');
    const delivery = await store.getWebhookDelivery(c.req.param('delivery'));
    if (!delivery || delivery.endpointId !== id) return c.html(notFoundPage(locale(c)), 404, NO_STORE);
    const queued = await store.resendWebhookDelivery(delivery.id, new Date().toISOString());
    // Sent now: the list then shows the outcome; a failure stays queued for the retry loop.
    if (queued) await dispatcher.deliver({ ids: [delivery.id] });
    return back(c, `/admin/webhooks/${encodeURIComponent(id)}`, queued ? 'resent' : 'busy');
  });
}
