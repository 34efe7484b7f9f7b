import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig, updateSettings } from '../../config/index.js';
import { createOutbox, defaultBackoffMs } from './outbox.js';
import { createMemoryStore } from '../stores/store.js';
import { admin, moveTo, processingSetup, recordingNotifier, submit } from '../test-helpers/processing.js';
import { post, setup, validBody } from '../test-helpers/setup.js';

const withAlert = updateSettings(defaultConfig(), { alertEmail: 'ventes@shop.test' });

describe('notifications on creation', () => {
  test('a confirmation to the applicant and an alert to settings.alertEmail, each recorded as sent', async () => {
    const { handler, mail, store } = processingSetup({ config: withAlert, adminRequestUrl: (id) => `https://shop.test/admin/requests/${id}` });
    const id = await submit(handler, { email: 'jane@acme.example' }, 'en');
    assert.deepEqual(mail.sent.map((m) => [m.kind, m.to, m.requestId]), [['confirmation', 'jane@acme.example', id], ['alert', 'ventes@shop.test', id]]);
    assert.equal(mail.sent[0]?.subject, 'We have received your business account request');
    assert.ok(mail.sent[1]?.text.includes(`https://shop.test/admin/requests/${id}`));
    const { items } = await store.listNotifications({ limit: 10, offset: 0 });
    assert.deepEqual(items.map((n) => [n.kind, n.state, n.attempts]), [['alert', 'sent', 1], ['confirmation', 'sent', 1]]);
  });

  test('no alertEmail: only the confirmation; no notifier: nothing recorded', async () => {
    const { handler, mail } = processingSetup();
    await submit(handler);
    assert.deepEqual(mail.sent.map((m) => m.kind), ['confirmation']);
    const store = createMemoryStore();
    const { handler: silent } = setup({ store });
    await submit(silent);
    assert.equal((await store.listNotifications({ limit: 10, offset: 0 })).total, 0);
  });

  test('a notifier without a processing store is refused at setup', () => {
    const { query: _q, ...plain } = createMemoryStore();
    assert.throws(() => setup({ store: plain, notifier: { notify: () => undefined } }), TypeError);
  });
});

for (const mode of ['throw', 'reject'] as const) {
  describe(`a notifier that fails (${mode}s)`, () => {
    test('the request is created (201) and its mails wait in the outbox with the error', async () => {
      const { handler, store, mail } = processingSetup({ config: withAlert, failures: 100, mode });
      const response = await handler(post(validBody()));
      assert.equal(response.status, 201);
      assert.equal((await store.list()).length, 1);
      assert.equal(mail.sent.length, 0);
      const { items } = await store.listNotifications({ limit: 10, offset: 0 });
      assert.deepEqual(items.map((n) => n.state), ['pending', 'pending']);
      assert.ok(items.every((n) => n.attempts === 1 && n.lastError !== undefined && !/[\r\n]/.test(n.lastError)));
      assert.equal(items[0]?.nextAttemptAt, '2026-03-02T09:00:30.000Z', 'first retry after 30 s');
    });

    test('failing N times then recovering delivers each mail exactly once, retries spaced by the backoff', async () => {
      const { handler, store, mail, clock } = processingSetup({ config: withAlert, failures: 6, mode });
      const outbox = createOutbox({ store, notifier: mail.notifier, now: clock.now });
      const key = crypto.randomUUID();
      assert.equal((await handler(post(validBody(), { key }))).status, 201);
      // A retry of the same submission (same key) replays: no second request, no second mail.
      assert.equal((await handler(post(validBody(), { key }))).status, 201);
      // Early runs find nothing due.
      assert.deepEqual(await outbox.deliver(), { sent: 0, retrying: 0, failed: 0 });
      for (let round = 1; round <= 3; round += 1) {
        clock.advance(defaultBackoffMs(round));
        await outbox.deliver();
      }
      assert.equal(mail.sent.length, 2);
      assert.equal(mail.calls.length, 8, '3 failed attempts each, then one success each');
      assert.equal(new Set(mail.sent.map((m) => m.id)).size, 2, 'no message delivered twice');
      for (let round = 0; round < 5; round += 1) {
        clock.advance(24 * 60 * 60 * 1000);
        await outbox.deliver();
      }
      assert.equal(mail.sent.length, 2, 'sent mails are never sent again');
      assert.equal((await store.list()).length, 1);
      const { items } = await store.listNotifications({ limit: 10, offset: 0 });
      assert.deepEqual(items.map((n) => [n.state, n.attempts]), [['sent', 4], ['sent', 4]]);
    });

    test('after maxAttempts a notification is failed, keeps its last error, and is not retried', async () => {
      const { handler, store, mail, clock } = processingSetup({ failures: 100, mode, delivery: { maxAttempts: 3, backoffMs: () => 1000 } });
      const outbox = createOutbox({ store, notifier: mail.notifier, now: clock.now, maxAttempts: 3, backoffMs: () => 1000 });
      await submit(handler);
      for (let round = 0; round < 5; round += 1) {
        clock.advance(1000);
        await outbox.deliver();
      }
      const [notification] = (await store.listNotifications({ limit: 10, offset: 0 })).items;
      assert.equal(notification?.state, 'failed');
      assert.equal(notification?.attempts, 3);
      assert.match(notification?.lastError ?? '', /SMTP down|connection refused/);
      assert.equal(mail.calls.length, 3);
      assert.equal((await store.listNotifications({ state: 'failed', limit: 10, offset: 0 })).total, 1);
    });
  });
}

describe('outbox delivery', () => {
  test('two workers running at once never send one message twice (the claim locks it)', async () => {
    const { handler, store, mail, clock } = processingSetup({ config: withAlert, failures: 2 });
    await submit(handler);
    const slow = recordingNotifier();
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const notifier = { notify: async (message: Parameters<typeof slow.notifier.notify>[0]) => { await gate; await slow.notifier.notify(message); } };
    const one = createOutbox({ store, notifier, now: clock.now });
    const two = createOutbox({ store, notifier, now: clock.now });
    clock.advance(defaultBackoffMs(1));
    const running = Promise.all([one.deliver(), two.deliver()]);
    open();
    const reports = await running;
    assert.equal(reports[0].sent + reports[1].sent, 2);
    assert.equal(slow.sent.length, 2);
    assert.equal(mail.sent.length, 0);
  });

  test('without waitUntil a submission is answered before its e-mails are sent, which then go out', async () => {
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const sent: string[] = [];
    const { handler, store } = processingSetup({ config: withAlert, notifier: { notify: async (message) => { await gate; sent.push(message.kind); } } });
    const response = await handler(post(validBody()));
    assert.equal(response.status, 201, 'answered while the mail server still holds both messages');
    assert.deepEqual(sent, []);
    open();
    for (let turn = 0; turn < 100 && (await store.listNotifications({ state: 'sent', limit: 10, offset: 0 })).total < 2; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    assert.deepEqual(sent.sort(), ['alert', 'confirmation']);
    assert.equal((await store.listNotifications({ state: 'sent', limit: 10, offset: 0 })).total, 2);
  });

  test('waitUntil receives the delivery instead of the response waiting for it', async () => {
    const pending: Promise<unknown>[] = [];
    const { handler, mail } = processingSetup({ waitUntil: (promise) => void pending.push(promise) });
    await submit(handler);
    assert.equal(pending.length, 1);
    await Promise.all(pending);
    assert.equal(mail.sent.length, 1);
  });

  test('GET {base}/notifications lists the outbox for admins, filtered by state', async () => {
    const { handler } = processingSetup({ config: withAlert, failures: 1 });
    const id = await submit(handler);
    const all = await handler(admin('/notifications'));
    assert.equal(all.headers.get('X-Total-Count'), '2');
    const pending = (await (await handler(admin('/notifications?state=pending'))).json()) as { kind: string; requestId: string; lastError: string }[];
    assert.deepEqual(pending.map((n) => [n.kind, n.requestId]), [['confirmation', id]]);
    assert.equal((await handler(admin('/notifications?state=lost'))).status, 400);
    // Not an id (a NUL would reach the store's query): a 400, not the store's failure.
    for (const requestId of ['%00', 'a%20b', 'x'.repeat(65)]) assert.equal((await handler(admin(`/notifications?requestId=${requestId}`))).status, 400);
    assert.equal((await handler(new Request('https://shop.test/api/account-requests/notifications'))).status, 401);
  });

  test('accepting sends the activation e-mail through the same outbox; a failure there keeps the acceptance', async () => {
    const { handler, store, mail } = processingSetup();
    const id = await submit(handler);
    mail.failNext(1);
    await moveTo(handler, id, 'in-progress', 'accepted');
    assert.equal((await store.get(id))?.status, 'accepted');
    const activation = (await store.listNotifications({ limit: 10, offset: 0 })).items.find((n) => n.kind === 'activation');
    assert.equal(activation?.state, 'pending');
    assert.equal(activation?.attempts, 1);
  });
});
