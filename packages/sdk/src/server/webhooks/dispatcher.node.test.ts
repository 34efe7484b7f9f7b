import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { createMemoryStore } from '../stores/store.js';
import type { WebhookStore } from '../stores/webhook-store.js';
import { startWebhookReceiver, type ReceivedWebhook } from '../test-helpers/webhook-receiver.js';
import { checkWebhookUrl, isPrivateAddress } from './addresses.js';
import { addWebhookEndpoint, queueWebhookPing, rotateWebhookSecret, setWebhookEndpointEnabled } from './admin.js';
import { createWebhookDispatcher, defaultWebhookBackoffMs, type WebhookDeliveryOptions } from './dispatcher.js';

const receivers: { close(): Promise<void> }[] = [];
after(() => Promise.all(receivers.map((receiver) => receiver.close())));

async function receiver() {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}

// Real time (standardwebhooks checks the timestamp against the real clock), tiny waits between attempts.
const FAST: WebhookDeliveryOptions = { allowPrivateAddresses: true, backoffMs: () => 1, timeoutMs: 300 };

async function endpointOn(store: WebhookStore, url: string) {
  const endpoint = await addWebhookEndpoint(store, { url }, { allowPrivateAddresses: true });
  assert.ok(typeof endpoint === 'object', String(endpoint));
  return endpoint;
}

/** Verifies one received message with the standardwebhooks package, as a receiver would. */
function verified(message: ReceivedWebhook, secret: string): unknown {
  return new Webhook(secret).verify(message.body, { 'webhook-id': message.id, 'webhook-timestamp': message.timestamp, 'webhook-signature': message.signature });
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhook dispatcher', () => {
  it('signs every delivery so standardwebhooks verifies it, ends on a 2xx and never sends it again', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    const endpoint = await endpointOn(store, hook.url);
    const dispatcher = createWebhookDispatcher({ store, ...FAST });
    const ping = await queueWebhookPing(store, endpoint);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    assert.equal(hook.received.length, 1);
    const [message] = hook.received;
    assert.equal(message?.id, ping.id);
    assert.match(ping.id, /^msg_[0-9a-f]{32}$/);
    assert.equal(message?.headers['content-type'], 'application/json');
    assert.deepEqual(verified(message!, endpoint.secrets[0]!.secret), { type: 'webhook.ping', timestamp: ping.createdAt, data: { endpointId: endpoint.id } });
    const stored = await store.getWebhookDelivery(ping.id);
    assert.equal(stored?.state, 'delivered');
    assert.equal(stored?.attempts, 1);
    assert.equal(stored?.lastStatus, 200);
    assert.equal(stored?.lastResponse, 'ok');
    assert.equal(stored?.lockedUntil, undefined);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 0, failed: 0, cancelled: 0 });
    assert.equal(hook.received.length, 1, 'a delivered message is not sent again');
  });

  it('retries after a 500 and after a timeout with the same webhook-id, each attempt signed anew', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    hook.answerNext(500, 'hang');
    const endpoint = await endpointOn(store, hook.url);
    const dispatcher = createWebhookDispatcher({ store, ...FAST });
    const ping = await queueWebhookPing(store, endpoint);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 1, failed: 0, cancelled: 0 });
    let stored = await store.getWebhookDelivery(ping.id);
    assert.equal(stored?.lastStatus, 500);
    assert.equal(stored?.lastError, 'HTTP 500');
    assert.equal(stored?.lastResponse, 'refused with 500 retry later');
    await settle(5);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 1, failed: 0, cancelled: 0 });
    stored = await store.getWebhookDelivery(ping.id);
    assert.equal(stored?.lastError, 'Timed out after 300 ms');
    assert.equal(stored?.lastStatus, undefined, 'no status after a timeout');
    await settle(5);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    assert.deepEqual(hook.received.map((message) => message.id), [ping.id, ping.id, ping.id]);
    for (const message of hook.received) verified(message, endpoint.secrets[0]!.secret);
    assert.equal((await store.getWebhookDelivery(ping.id))?.attempts, 3);
  });

  it('waits between attempts as told, and gives up after maxAttempts', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    hook.setFallback(503);
    const endpoint = await endpointOn(store, hook.url);
    let clock = Date.now();
    const dispatcher = createWebhookDispatcher({ store, ...FAST, now: () => new Date(clock), backoffMs: (attempt) => attempt * 60_000, maxAttempts: 3 });
    const ping = await queueWebhookPing(store, endpoint, { now: () => new Date(clock) });
    await dispatcher.deliver();
    assert.equal((await store.getWebhookDelivery(ping.id))?.nextAttemptAt, new Date(clock + 60_000).toISOString());
    clock += 59_999;
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 0, failed: 0, cancelled: 0 }, 'not due yet');
    clock += 1;
    await dispatcher.deliver();
    clock += 120_000;
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 0, failed: 1, cancelled: 0 });
    const stored = await store.getWebhookDelivery(ping.id);
    assert.equal(stored?.state, 'failed');
    assert.equal(stored?.attempts, 3);
    clock += 24 * 3600_000;
    await dispatcher.deliver();
    assert.equal(hook.received.length, 3);
  });

  it('has a default schedule that keeps trying for more than 24 hours', () => {
    let total = 0;
    for (let attempt = 1; attempt < 14; attempt += 1) total += defaultWebhookBackoffMs(attempt);
    assert.ok(total > 24 * 3600_000, `${total / 3600_000} h`);
    assert.equal(defaultWebhookBackoffMs(1), 30_000);
    assert.equal(defaultWebhookBackoffMs(30), 8 * 3600_000);
  });

  it('disables the endpoint on 410 Gone and cancels its other deliveries', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    hook.answerNext(410);
    const endpoint = await endpointOn(store, hook.url);
    const dispatcher = createWebhookDispatcher({ store, ...FAST });
    const first = await queueWebhookPing(store, endpoint);
    assert.deepEqual(await dispatcher.deliver({ ids: [first.id] }), { delivered: 0, retrying: 0, failed: 1, cancelled: 0 });
    const disabled = await store.getWebhookEndpoint(endpoint.id);
    assert.equal(disabled?.disabledReason, 'gone');
    assert.ok(disabled?.disabledAt);
    const second = await queueWebhookPing(store, endpoint);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 0, failed: 0, cancelled: 1 });
    assert.equal((await store.getWebhookDelivery(second.id))?.state, 'cancelled');
    assert.equal(hook.received.length, 1);
    // Enabled again by an admin: a delivery sent again goes out, under the same id.
    await setWebhookEndpointEnabled(store, endpoint.id, true);
    assert.equal(await store.resendWebhookDelivery(second.id, new Date().toISOString()), true);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    assert.equal(hook.received[1]?.id, second.id);
  });

  it('signs with the old and the new secret while a rotation overlaps, then with the new one only', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    const endpoint = await endpointOn(store, hook.url);
    const oldSecret = endpoint.secrets[0]!.secret;
    const rotated = await rotateWebhookSecret(store, endpoint.id, { overlapMs: 60_000 });
    const newSecret = rotated!.secrets[0]!.secret;
    assert.notEqual(newSecret, oldSecret);
    let clock = Date.now();
    const dispatcher = createWebhookDispatcher({ store, ...FAST, now: () => new Date(clock) });
    // Queued at the dispatcher's time: with the real clock, a ping stamped a millisecond after
    // `clock` was not due yet and the test failed now and then.
    await queueWebhookPing(store, endpoint, { now: () => new Date(clock) });
    await dispatcher.deliver();
    const during = hook.received[0]!;
    assert.equal(during.signature.split(' ').length, 2);
    verified(during, oldSecret);
    verified(during, newSecret);
    clock += 60_001;
    await queueWebhookPing(store, endpoint, { now: () => new Date(clock) });
    await dispatcher.deliver();
    const afterOverlap = hook.received[1]!;
    assert.equal(afterOverlap.signature.split(' ').length, 1);
    assert.throws(() => new Webhook(oldSecret).verify(afterOverlap.body, { 'webhook-id': afterOverlap.id, 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': afterOverlap.signature }));
    assert.equal(afterOverlap.timestamp, String(Math.floor(clock / 1000)));
  });

  it('survives a restart between attempts: the next process sends the rest, once', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    hook.answerNext(500);
    const endpoint = await endpointOn(store, hook.url);
    const ping = await queueWebhookPing(store, endpoint);
    await createWebhookDispatcher({ store, ...FAST }).deliver();
    await settle(5);
    // A new process: only the store is shared.
    const restarted = createWebhookDispatcher({ store, ...FAST });
    assert.deepEqual(await restarted.deliver(), { delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    assert.deepEqual(await restarted.deliver(), { delivered: 0, retrying: 0, failed: 0, cancelled: 0 });
    assert.deepEqual(hook.received.map((message) => message.id), [ping.id, ping.id]);
  });

  it('sends a delivery claimed by a process that died once its lock expires, with the same id', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    const endpoint = await endpointOn(store, hook.url);
    const ping = await queueWebhookPing(store, endpoint);
    const start = Date.now();
    // The dead process claimed it and never recorded anything.
    await store.claimWebhookDeliveries({ now: new Date(start).toISOString(), lockedUntil: new Date(start + 60_000).toISOString(), limit: 10 });
    const survivor = createWebhookDispatcher({ store, ...FAST, now: () => new Date(clock) });
    let clock = start + 1000;
    assert.deepEqual(await survivor.deliver(), { delivered: 0, retrying: 0, failed: 0, cancelled: 0 }, 'locked');
    clock = start + 60_000;
    assert.deepEqual(await survivor.deliver(), { delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    assert.equal(hook.received[0]?.id, ping.id);
  });

  it('asks a store that blinks while a delivery is recorded again while the claim holds: the receiver gets it once', async () => {
    const store = createMemoryStore();
    const hook = await receiver();
    const endpoint = await endpointOn(store, hook.url);
    const ping = await queueWebhookPing(store, endpoint);
    const finish = store.finishWebhookDelivery.bind(store);
    let refusals = 2;
    store.finishWebhookDelivery = async (...args) => {
      if (refusals-- > 0) throw new Error('terminating connection due to administrator command');
      return finish(...args);
    };
    let clock = Date.now();
    const dispatcher = createWebhookDispatcher({ store, ...FAST, lockMs: 10_000, now: () => new Date(clock) });
    assert.deepEqual(await dispatcher.deliver(), { delivered: 1, retrying: 0, failed: 0, cancelled: 0 });
    clock += 60_000;
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 0, failed: 0, cancelled: 0 });
    assert.deepEqual(hook.received.map((message) => message.id), [ping.id]);
    assert.equal((await store.getWebhookDelivery(ping.id))?.state, 'delivered');
  });

  it('refuses private and loopback addresses, at creation and again at each attempt (DNS rebinding)', async () => {
    const store = createMemoryStore();
    for (const url of ['https://127.0.0.1/hook', 'https://[::1]/hook', 'https://10.1.2.3/', 'https://169.254.169.254/latest/meta-data', 'https://localhost/x', 'https://[::ffff:192.168.1.1]/', 'https://api.localhost/']) {
      assert.equal(await addWebhookEndpoint(store, { url }), 'private_address', url);
    }
    assert.equal(await addWebhookEndpoint(store, { url: 'http://erp.example/hook' }), 'insecure_scheme');
    assert.equal(await addWebhookEndpoint(store, { url: 'https://user:pw@erp.example/hook' }), 'credentials');
    assert.equal(await addWebhookEndpoint(store, { url: 'ftp://erp.example/' }), 'invalid_url');
    assert.equal(await addWebhookEndpoint(store, { url: 'https://erp.example/', secret: 'whsec_short' }), 'invalid_secret');
    assert.equal(await addWebhookEndpoint(store, { url: 'https://erp.example/' }, { resolveHost: async () => ['203.0.113.9'] }), 'private_address');
    assert.equal(await addWebhookEndpoint(store, { url: 'https://erp.example/' }, { resolveHost: async () => [] }), 'unresolvable');
    assert.equal((await store.listWebhookEndpoints()).length, 0);
    // Public when added, on loopback when sent: the attempt is refused and nothing is posted.
    let address = '93.184.215.14';
    const resolveHost = async () => [address];
    const endpoint = await addWebhookEndpoint(store, { url: 'https://erp.example/hook' }, { resolveHost });
    assert.ok(typeof endpoint === 'object');
    address = '127.0.0.1';
    const posted: string[] = [];
    const dispatcher = createWebhookDispatcher({ store, resolveHost, backoffMs: () => 1, fetch: async (url) => (posted.push(url), new Response('ok')) });
    const ping = await queueWebhookPing(store, endpoint);
    assert.deepEqual(await dispatcher.deliver(), { delivered: 0, retrying: 1, failed: 0, cancelled: 0 });
    assert.deepEqual(posted, []);
    assert.equal((await store.getWebhookDelivery(ping.id))?.lastError, 'Not sent: private address');
  });

  it('classifies addresses', async () => {
    const cases: [string, boolean | undefined][] = [
      ['8.8.8.8', false], ['127.0.0.1', true], ['0.0.0.0', true], ['100.64.0.1', true], ['172.31.255.255', true], ['172.32.0.1', false],
      ['192.168.0.1', true], ['224.0.0.1', true], ['255.255.255.255', true], ['2606:4700::1111', false], ['::', true], ['::1', true],
      ['fe80::1', true], ['fd12:3456::1', true], ['ff02::1', true], ['::ffff:127.0.0.1', true], ['::ffff:8.8.8.8', false],
      ['64:ff9b::10.0.0.1', true], ['2001:db8::1', true], ['[::1]', true], ['example.com', undefined], ['1.2.3', undefined], ['1:2:3', undefined],
      // IPv4 addresses carried in IPv6 forms: 6to4, IPv4-translated, local-use NAT64, Teredo.
      ['2002:7f00:1::', true], ['[2002:a9fe:a9fe::1]', true], ['2002:808:808::1', false], ['::ffff:0:7f00:1', true], ['::ffff:0:808:808', false],
      ['64:ff9b:1::7f00:1', true], ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ];
    for (const [address, expected] of cases) assert.equal(isPrivateAddress(address), expected, address);
    assert.equal(await checkWebhookUrl('https://93.184.215.14/'), undefined);
    assert.equal(await checkWebhookUrl('http://127.0.0.1:8080/', { allowPrivateAddresses: true }), undefined);
  });
});
