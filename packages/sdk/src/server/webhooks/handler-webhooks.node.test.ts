import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '../../webhooks/events.js';
// A receiver names each event's type from the public entry (the type check fails without the export).
import type { RequestErasedEvent } from '../../webhooks/index.js';
import { createMemoryStore } from '../stores/store.js';
import { eraseExpiredRequests } from '../processing/retention.js';
import { admin, moveTo, patch, processingSetup, read, submit, tokenOf } from '../test-helpers/processing.js';
import { setup, validBody } from '../test-helpers/setup.js';
import { inVersionOrder, startWebhookReceiver } from '../test-helpers/webhook-receiver.js';
import { addWebhookEndpoint } from './admin.js';

const hooks = await startWebhookReceiver();
after(() => hooks.close());

async function webhookSetup() {
  // The handler's clock is the real one: receivers check timestamps against theirs.
  const background: Promise<unknown>[] = [];
  const built = processingSetup({ now: () => new Date(), webhooks: { allowPrivateAddresses: true, backoffMs: () => 1 }, waitUntil: (promise) => void background.push(promise) });
  const settled = () => Promise.all(background);
  const endpoint = await addWebhookEndpoint(built.store, { url: hooks.url }, { allowPrivateAddresses: true });
  assert.ok(typeof endpoint === 'object');
  const secret = endpoint.secrets[0]!.secret;
  const start = hooks.received.length;
  /** The events received since the setup, each verified with the standardwebhooks package. */
  const events = async (count: number): Promise<WebhookEvent[]> => {
    await hooks.waitFor(start + count);
    return hooks.received.slice(start).map((message) => new Webhook(secret).verify(message.body, { 'webhook-id': message.id, 'webhook-timestamp': message.timestamp, 'webhook-signature': message.signature }) as WebhookEvent);
  };
  return { ...built, endpoint, events, start, settled };
}

describe('handler webhooks', () => {
  it('sends created, updated (status and in-account, with before and after) and activated events, signed', async () => {
    const { handler, store, mail, events, settled } = await webhookSetup();
    const id = await submit(handler, { password: 'correct horse battery staple' });
    const [created] = await events(1);
    assert.equal(created?.type, 'account-request.created');
    assert.ok(created?.type === 'account-request.created');
    assert.equal(created.data.request.id, id);
    assert.equal(created.data.request.status, 'new');
    assert.equal(created.data.request.values['companyName'], 'Acme SAS');
    const text = JSON.stringify(created);
    assert.doesNotMatch(text, /passwordHash|pbkdf2|correct horse/i, 'no password, no hash');

    await moveTo(handler, id, 'in-progress');
    const { etag } = await read(handler, id);
    assert.equal((await handler(patch(id, { status: 'accepted', inAccount: true }, etag))).status, 200);
    // Two changes a few milliseconds apart are sent side by side: they may arrive in either order
    // (receivers order by the request's version, docs/webhooks.md), so they are read in that order.
    const all = await events(3);
    assert.deepEqual(all.map((event) => event.type), ['account-request.created', 'account-request.updated', 'account-request.updated']);
    const accepted = inVersionOrder(all)[2]!;
    assert.ok(accepted.type === 'account-request.updated');
    assert.deepEqual(accepted.data.changes, [{ field: 'status', from: 'in-progress', to: 'accepted' }, { field: 'inAccount', from: false, to: true }]);
    assert.equal(accepted.data.request.status, 'accepted');
    assert.equal(accepted.data.request.version, 3);

    // The activation e-mail's link: the applicant chooses a password.
    const activation = mail.sent.find((message) => message.kind === 'activation');
    assert.ok(activation);
    const token = tokenOf(activation);
    const response = await handler(new Request(`https://shop.test/api/account-requests/activation/${token}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password: 'a new long password 2026' }),
    }));
    assert.equal(response.status, 200);
    const activated = (await events(4))[3]!;
    assert.equal(activated.type, 'account-request.activated');
    assert.ok(activated.type === 'account-request.activated');
    assert.ok(activated.data.request.activatedAt);
    assert.doesNotMatch(JSON.stringify(activated), /passwordHash|token/i);
    // Every delivery is recorded as delivered, with the request it is about.
    await settled();
    const { items } = await store.listWebhookDeliveries({ limit: 10, offset: 0 });
    assert.deepEqual(items.map((item) => [item.type, item.state, item.requestId]).reverse(), [
      ['account-request.created', 'delivered', id], ['account-request.updated', 'delivered', id], ['account-request.updated', 'delivered', id], ['account-request.activated', 'delivered', id],
    ]);
  });

  it('sends information-provided when the applicant answers a request for information, with the status and value changes', async () => {
    const { handler, mail, events } = await webhookSetup();
    const id = await submit(handler, { postalCode: '13001' });
    const { etag } = await read(handler, id);
    assert.equal((await handler(patch(id, { status: 'info-requested', message: 'Le code postal ne correspond pas à Paris.' }, etag))).status, 200);
    const link = /\/information\/([A-Za-z0-9_-]{43})/.exec(mail.sent.filter((message) => message.kind === 'information').at(-1)!.text)?.[1];
    assert.ok(link, 'the e-mail carries the link');
    const corrected = await handler(new Request(`https://shop.test/api/account-requests/information/${link}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ...validBody({ postalCode: '75002' }), locale: 'fr' }),
    }));
    assert.equal(corrected.status, 200, await corrected.clone().text());
    // The request for information and the answer are sent side by side too: read in version order.
    const all = inVersionOrder(await events(3));
    assert.deepEqual(all.map((event) => event.type), ['account-request.created', 'account-request.updated', 'account-request.information-provided']);
    const provided = all[2]!;
    assert.ok(provided.type === 'account-request.information-provided');
    assert.equal(provided.data.request.status, 'in-progress');
    assert.equal(provided.data.request.values['postalCode'], '75002');
    assert.deepEqual(provided.data.changes, [
      { field: 'status', from: 'info-requested', to: 'in-progress' },
      { field: 'value', key: 'postalCode', from: '13001', to: '75002' },
    ]);
    assert.doesNotMatch(JSON.stringify(provided), new RegExp(link), 'never the token');
  });

  it('sends erased when an admin erases the personal data: the request as it is left, nothing personal; the earlier bodies are scrubbed', async () => {
    const { handler, store, events, settled } = await webhookSetup();
    const id = await submit(handler, { companyName: 'Quincaillerie Morel', email: 'achats@morel.example' });
    await events(1);
    await settled();
    const { etag } = await read(handler, id);
    const response = await handler(admin(`/${id}/personal-data`, { method: 'DELETE', headers: { 'If-Match': etag } }));
    assert.equal(response.status, 200);
    const erased = (await events(2))[1]!;
    assert.equal(erased.type, 'account-request.erased');
    assert.ok(erased.type === 'account-request.erased');
    const named: RequestErasedEvent = erased;
    assert.equal(named.data.request.id, id);
    assert.ok(erased.data.request.erasedAt);
    assert.deepEqual(erased.data.request.values, {});
    assert.doesNotMatch(JSON.stringify(erased), /Morel|morel\.example/, 'nothing personal');
    await settled();
    const { items } = await store.listWebhookDeliveries({ limit: 10, offset: 0 });
    const created = items.find((item) => item.type === 'account-request.created');
    assert.doesNotMatch(created?.body ?? '', /Morel/, 'the creation event, scrubbed');
    assert.deepEqual(items.filter((item) => item.type === 'account-request.erased').map((item) => [item.state, item.requestId]), [['delivered', id]]);
  });

  it('queues erased for each request the retention setting erases, for the retry loop to send', async () => {
    const store = createMemoryStore();
    const endpoint = await addWebhookEndpoint(store, { url: hooks.url }, { allowPrivateAddresses: true });
    assert.ok(typeof endpoint === 'object');
    const { handler } = setup({ store, webhooks: { allowPrivateAddresses: true } });
    const id = await submit(handler);
    await moveTo(handler, id, 'in-progress', 'rejected');
    const report = await eraseExpiredRequests(store, { days: 30, now: new Date(Date.now() + 31 * 24 * 3600 * 1000) });
    assert.equal(report.erased, 1);
    const { items } = await store.listWebhookDeliveries({ limit: 10, offset: 0 });
    const erased = items.filter((item) => item.type === 'account-request.erased');
    assert.deepEqual(erased.map((item) => [item.state, item.requestId, item.endpointId]), [['pending', id, endpoint.id]]);
    const body = JSON.parse(erased[0]!.body) as WebhookEvent;
    assert.ok(body.type === 'account-request.erased');
    assert.equal(body.data.request.history.at(-1)?.actor, 'retention');
  });

  it('sends nothing for a note alone, nor for a change that lost its race', async () => {
    const { handler, store } = await webhookSetup();
    const id = await submit(handler);
    const { etag } = await read(handler, id);
    assert.equal((await handler(patch(id, { note: 'rappeler lundi' }, etag))).status, 200);
    assert.equal((await handler(patch(id, { status: 'in-progress' }, etag))).status, 412);
    const { items } = await store.listWebhookDeliveries({ limit: 50, offset: 0 });
    assert.deepEqual(items.filter((item) => item.requestId === id).map((item) => item.type), ['account-request.created']);
  });

  it('writes a creation’s deliveries with it: a refused creation leaves none', async () => {
    const store = createMemoryStore();
    await addWebhookEndpoint(store, { url: hooks.url }, { allowPrivateAddresses: true });
    const failing = { ...store, create: async () => Promise.reject(new Error('disk full')) };
    const { handler } = setup({ store: failing, webhooks: { allowPrivateAddresses: true } });
    const response = await handler(new Request('https://shop.test/api/account-requests', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ values: { companyName: 'Acme SAS', email: 'a@example.com', lastName: 'M', phone: '+33 1 23 45 67 89', street: '1 rue', postalCode: '75002', city: 'Paris', country: 'FR' }, confirmed: true, locale: 'fr' }),
    }));
    assert.equal(response.status, 503);
    assert.equal((await store.listWebhookDeliveries({ limit: 10, offset: 0 })).total, 0);
  });

  it('needs a store with the webhook methods', () => {
    const { listWebhookEndpoints: _gone, ...store } = createMemoryStore();
    assert.throws(() => setup({ store, webhooks: {} }), /WebhookStore/);
  });
});
