import assert from 'node:assert/strict';
import { test } from 'node:test';
import { at, notificationRecord } from '../../store-conformance/fixtures.js';
import { createMemoryStore } from '../stores/store.js';
import { createOutbox, type Outbox } from './outbox.js';
import { post, setup, validBody } from '../test-helpers/setup.js';

test('delivery.lockMs: the handler holds the e-mail it is sending that long, after which another worker may take it', async () => {
  const now = Date.parse('2026-03-02T09:00:00.000Z');
  const store = createMemoryStore();
  // A mail server that never answers: the process would die holding the row it is sending.
  const { handler } = setup({ store, now: () => new Date(now), notifier: { notify: () => new Promise<void>(() => undefined) }, delivery: { lockMs: 3_000 } });
  assert.equal((await handler(post(validBody()))).status, 201);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const { items } = await store.listNotifications({ limit: 10, offset: 0 });
  assert.ok(items.length > 0);
  // Each e-mail is claimed just before it is sent: only the one in flight is locked.
  const locked = items.filter((item) => item.lockedUntil !== undefined);
  assert.deepEqual(locked.map((item) => item.lockedUntil), [new Date(now + 3_000).toISOString()]);
  const later = (ms: number) => ({ now: new Date(now + ms).toISOString(), lockedUntil: new Date(now + ms + 3_000).toISOString(), limit: 10 });
  const others = await store.claimNotifications(later(2_999));
  assert.deepEqual(others.map((item) => item.id).sort(), items.filter((item) => item.lockedUntil === undefined).map((item) => item.id).sort(), 'the e-mails not yet sent, free for another worker');
  assert.deepEqual((await store.claimNotifications(later(3_000))).map((item) => item.id), [locked[0]!.id], 'the one in flight, once its lock ran out');
});

test('outbox: a slow mail server gets each e-mail once from two workers (the lock covers each send, not a batch)', async () => {
  let clock = Date.parse(at(60));
  const now = () => new Date(clock);
  const store = createMemoryStore();
  const mails = [notificationRecord('r1', { minutes: 1 }), notificationRecord('r1', { minutes: 2 }), notificationRecord('r1', { minutes: 3 })];
  await store.enqueueNotifications(mails);
  const received: string[] = [];
  let second: Outbox | undefined;
  // Worker A's mail server takes 600 ms a message; the lock is 1 s. While A sends its second
  // message, 1.2 s after it started, worker B's timer runs.
  const first = createOutbox({
    store, now, lockMs: 1_000,
    notifier: {
      async notify(message) {
        received.push(message.id);
        clock += 600;
        if (received.length === 2) await second!.deliver();
      },
    },
  });
  second = createOutbox({ store, now, lockMs: 1_000, notifier: { notify: (message) => void received.push(message.id) } });
  await first.deliver();
  assert.deepEqual([...received].sort(), mails.map((mail) => mail.id).sort(), 'each e-mail received once');
  const { items } = await store.listNotifications({ limit: 10, offset: 0 });
  assert.deepEqual(items.map((item) => [item.state, item.attempts]), [['sent', 1], ['sent', 1], ['sent', 1]]);
});

test('outbox: an attempt whose lock ran out and was taken over is not recorded over the new claim', async () => {
  let clock = Date.parse(at(60));
  const now = () => new Date(clock);
  const store = createMemoryStore();
  const mail = notificationRecord('r1', { minutes: 1 });
  await store.enqueueNotifications([mail]);
  let takenOver: readonly unknown[] = [];
  const outbox = createOutbox({
    store, now, lockMs: 1_000, maxAttempts: 6,
    notifier: {
      async notify() {
        // The mail server answers after the lock: meanwhile another worker took the e-mail over.
        clock += 1_500;
        takenOver = await store.claimNotifications({ now: now().toISOString(), lockedUntil: new Date(clock + 1_000).toISOString(), limit: 10 });
        throw new Error('SMTP 451: try later');
      },
    },
  });
  await outbox.deliver();
  assert.equal(takenOver.length, 1);
  // The late failure is not written: the row stays with the worker that took it over.
  assert.deepEqual(await store.getNotification(mail.id), { ...mail, lockedUntil: new Date(clock + 1_000).toISOString() });
});

test('outbox: a store that blinks while an e-mail is recorded as sent is asked again while the claim holds, so the e-mail is not sent twice', async () => {
  let clock = Date.parse(at(60));
  const now = () => new Date(clock);
  const store = createMemoryStore();
  const mail = notificationRecord('r1', { minutes: 1 });
  await store.enqueueNotifications([mail]);
  const finish = store.finishNotification.bind(store);
  let refusals = 2;
  store.finishNotification = async (...args) => {
    if (refusals-- > 0) throw new Error('terminating connection due to administrator command');
    return finish(...args);
  };
  const received: string[] = [];
  const outbox = createOutbox({ store, now, lockMs: 10_000, notifier: { notify: (message) => void received.push(message.id) } });
  assert.deepEqual(await outbox.deliver(), { sent: 1, retrying: 0, failed: 0 });
  clock += 60_000;
  assert.deepEqual(await outbox.deliver(), { sent: 0, retrying: 0, failed: 0 }, 'nothing left to send once the lock ran out');
  assert.deepEqual(received, [mail.id]);
  assert.deepEqual((await store.listNotifications({ limit: 10, offset: 0 })).items.map((item) => [item.state, item.attempts]), [['sent', 1]]);
});

test('outbox: a store that stays down while an e-mail is recorded fails the run before the claim ends', async () => {
  const store = createMemoryStore();
  await store.enqueueNotifications([notificationRecord('r1', { minutes: 1 })]);
  store.finishNotification = async () => {
    throw new Error('the database is down');
  };
  const outbox = createOutbox({ store, now: () => new Date(at(60)), lockMs: 2_000, notifier: { notify: async () => undefined } });
  const started = Date.now();
  await assert.rejects(outbox.deliver(), /the database is down/);
  assert.ok(Date.now() - started < 1_000, `gave up after ${Date.now() - started} ms, within the claim's 2 s less the second kept in hand`);
});
