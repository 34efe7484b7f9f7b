// The demo's webhooks on its SQLite store: the back-office pages, and a server restarted while
// a delivery waits for its next attempt.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '@account-request/sdk/webhooks';
import { startWebhookReceiver, type ReceivedWebhook } from '../../sdk/src/server/test-helpers/webhook-receiver.js';
import { API_BASE, createDemoApp, type DemoApp } from './app.js';
import { PAGE_CSP } from './security.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const root = mkdtempSync(join(tmpdir(), 'demo-webhooks-'));
const assets = stubAssetPaths(root);
const receiver = await startWebhookReceiver();
const apps: DemoApp[] = [];
let counter = 0;
after(async () => {
  for (const app of apps) await app.close();
  await receiver.close();
  rmSync(root, { recursive: true, force: true });
});

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

async function newApp(dataDir = join(root, `data-${(counter += 1)}`), endpoint: { url: string; secret: string } | undefined = undefined): Promise<DemoApp> {
  const app = await createDemoApp({
    dataDir, adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 60 * 60 * 1000, assets, notifier: { notify: async () => undefined },
    webhooks: { allowPrivate: true, ...(endpoint ? { endpoint } : {}), delivery: { backoffMs: () => 1, timeoutMs: 500 } },
  });
  apps.push(app);
  return app;
}

const get = (app: DemoApp, path: string) => app.fetch(new Request(`${ORIGIN}${path}`, { headers: ADMIN }));
const postForm = (app: DemoApp, path: string, fields: Record<string, string> = {}, origin = ORIGIN) =>
  app.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...ADMIN, Origin: origin }, body: new URLSearchParams(fields), redirect: 'manual' }));

const VALID = { companyName: 'Papeterie Lemoine', lastName: 'Lemoine', email: 'claire@lemoine.example', phone: '04 72 00 11 22', street: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };

async function submit(app: DemoApp): Promise<string> {
  const response = await app.fetch(new Request(`${ORIGIN}${API_BASE}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN },
    body: JSON.stringify({ values: VALID, confirmed: true, locale: 'fr' }),
  }));
  assert.equal(response.status, 201);
  return ((await response.json()) as { id: string }).id;
}

function verify(message: ReceivedWebhook | undefined, secret: string): WebhookEvent {
  assert.ok(message, 'a message');
  return new Webhook(secret).verify(message.body, { 'webhook-id': message.id, 'webhook-timestamp': message.timestamp, 'webhook-signature': message.signature }) as WebhookEvent;
}

describe('demo webhooks', () => {
  test('the environment’s endpoint receives each new request, signed with WEBHOOK_SECRET', async () => {
    const app = await newApp(undefined, { url: receiver.url, secret: SECRET });
    const before = receiver.received.length;
    const id = await submit(app);
    await app.settled();
    await receiver.waitFor(before + 1);
    const event = verify(receiver.received[before], SECRET);
    assert.equal(event.type, 'account-request.created');
    assert.ok(event.type === 'account-request.created' && event.data.request.id === id);
    const page = await (await get(app, '/admin/webhooks/?lang=en')).text();
    assert.match(page, /Set by WEBHOOK_URL and WEBHOOK_SECRET/);
    assert.doesNotMatch(page, new RegExp(SECRET.slice(6, 30).replace(/[+/]/g, '.')), 'the environment’s secret is not shown');
  });

  test('pages: add (a refusal said on the field), test, disable and enable, new secret, deliveries and send again', async () => {
    const app = await newApp();
    const list = await get(app, '/admin/webhooks/?lang=en');
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('Content-Security-Policy'), PAGE_CSP);
    assert.match(await list.text(), /No endpoint yet/);

    const refused = await postForm(app, '/admin/webhooks/?lang=en', { url: 'ftp://erp.example/' });
    assert.equal(refused.status, 422);
    const refusedPage = await refused.text();
    assert.match(refusedPage, /aria-invalid="true"/);
    assert.match(refusedPage, /id="webhook-url-error" class="error" role="alert">Enter a full address starting with https:\/\/\./);
    assert.equal((await postForm(app, '/admin/webhooks/', { url: receiver.url }, 'https://evil.example')).status, 403, 'a post from another site');

    const added = await postForm(app, '/admin/webhooks/?lang=en', { url: receiver.url });
    assert.equal(added.status, 303);
    assert.match(added.headers.get('Location') ?? '', /done=added/);
    const [endpoint] = await app.store.listWebhookEndpoints();
    assert.ok(endpoint);
    const secret = endpoint.secrets[0]!.secret;
    const page = await (await get(app, '/admin/webhooks/?lang=en&done=added')).text();
    assert.match(page, /Endpoint added/);
    assert.ok(page.includes(secret), 'the secret of an endpoint added here is shown to copy');

    const before = receiver.received.length;
    const tested = await postForm(app, `/admin/webhooks/${endpoint.id}/test?lang=en`);
    assert.equal(tested.status, 303);
    const testedPage = await (await get(app, new URL(tested.headers.get('Location')!, ORIGIN).pathname + new URL(tested.headers.get('Location')!, ORIGIN).search)).text();
    assert.match(testedPage, /The test event was delivered \(HTTP 200\)/);
    const ping = verify(receiver.received[before], secret);
    assert.deepEqual(ping.data, { endpointId: endpoint.id });

    // A request whose delivery fails, then the endpoint disabled before the retry.
    receiver.answerNext(503);
    await submit(app);
    await app.settled();
    assert.equal(receiver.received.length, before + 2);
    assert.equal((await postForm(app, `/admin/webhooks/${endpoint.id}/disable`)).status, 303);
    assert.ok((await app.store.getWebhookEndpoint(endpoint.id))?.disabledAt);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await app.retryWebhooks();
    await submit(app);
    await app.settled();
    assert.equal(receiver.received.length, before + 2, 'a disabled endpoint gets nothing: no retry, no new event');
    assert.equal((await postForm(app, `/admin/webhooks/${endpoint.id}/enable`)).status, 303);

    assert.equal((await postForm(app, `/admin/webhooks/${endpoint.id}/rotate?lang=en`)).status, 303);
    const rotated = (await app.store.getWebhookEndpoint(endpoint.id))!;
    assert.notEqual(rotated.secrets[0]!.secret, secret);
    receiver.answerNext(500);
    await submit(app);
    await app.settled();
    await receiver.waitFor(before + 3);
    // During the overlap, a receiver still on the old secret and one already on the new both accept.
    verify(receiver.received[before + 2], secret);
    verify(receiver.received[before + 2], rotated.secrets[0]!.secret);

    const deliveries = await (await get(app, `/admin/webhooks/${endpoint.id}?lang=en`)).text();
    assert.match(deliveries, /Request received/);
    assert.match(deliveries, /data-state="pending"/);
    assert.match(deliveries, /refused with 500 retry later/, 'the answer excerpt');
    assert.match(deliveries, /HTTP 500/);
    assert.match(deliveries, /data-state="cancelled"/, 'the retry due while disabled');
    const { items } = await app.store.listWebhookDeliveries({ endpointId: endpoint.id, state: 'cancelled', limit: 10, offset: 0 });
    const cancelled = items[0]!;
    const resent = await postForm(app, `/admin/webhooks/${endpoint.id}/deliveries/${cancelled.id}/resend?lang=en`);
    assert.equal(resent.status, 303);
    assert.match(resent.headers.get('Location') ?? '', /done=resent/);
    assert.equal((await app.store.getWebhookDelivery(cancelled.id))?.state, 'delivered');
    assert.equal(receiver.received.at(-1)?.id, cancelled.id, 'sent again under its own webhook-id');
    assert.equal((await get(app, '/admin/webhooks/nope')).status, 404);
  });

  test('a restart between attempts: the delivery waiting in the database is sent by the next process, once', async () => {
    const dataDir = join(root, 'restart');
    const first = await newApp(dataDir, { url: receiver.url, secret: SECRET });
    receiver.answerNext(500);
    const before = receiver.received.length;
    const id = await submit(first);
    await first.settled();
    await receiver.waitFor(before + 1);
    await first.close();

    const second = await newApp(dataDir, { url: receiver.url, secret: SECRET });
    const [pending] = (await second.store.listWebhookDeliveries({ limit: 10, offset: 0 })).items;
    assert.equal(pending?.state, 'pending');
    assert.equal(pending?.attempts, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await second.retryWebhooks();
    await second.retryWebhooks();
    const sent = receiver.received.slice(before);
    assert.deepEqual(sent.map((message) => message.id), [pending!.id, pending!.id], 'the same webhook-id, twice: the 500 and the 2xx');
    assert.equal(sent[1]?.answered, 200);
    const event = verify(sent[1], SECRET);
    assert.ok(event.type === 'account-request.created' && event.data.request.id === id);
    assert.equal((await second.store.getWebhookDelivery(pending!.id))?.state, 'delivered');
  });
});
