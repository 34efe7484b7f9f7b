import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBackgroundSends } from './background-sends.js';

test('background sends: at most `concurrency` batches at a time, in order, every id sent once, waitUntil given the runs', async () => {
  const batches: string[][] = [];
  let active = 0;
  let most = 0;
  const sends = createBackgroundSends(
    async (ids) => {
      active += 1;
      most = Math.max(most, active);
      batches.push([...ids]);
      await new Promise((resolve) => setTimeout(resolve, 2));
      active -= 1;
    },
    { batchSize: 3, concurrency: 2 },
  );
  const handed: Promise<unknown>[] = [];
  for (let n = 0; n < 10; n += 1) sends.add([`a${n}`, `b${n}`], (promise) => handed.push(promise));
  await Promise.all(handed);
  assert.equal(most, 2);
  assert.deepEqual(batches.flat(), Array.from({ length: 10 }, (_, n) => [`a${n}`, `b${n}`]).flat());
  assert.ok(batches.every((batch) => batch.length <= 3));
  await sends.idle();
});

test('background sends: a failing batch does not stop the next ones; ids added after a run ended start a new one', async () => {
  const sent: string[] = [];
  const sends = createBackgroundSends(async (ids) => {
    if (ids.includes('bad')) throw new Error('mail server down');
    sent.push(...ids);
  }, { batchSize: 1 });
  sends.add(['bad', 'ok1']);
  await sends.idle();
  assert.deepEqual(sent, ['ok1']);
  sends.add(['ok2']);
  await sends.idle();
  assert.deepEqual(sent, ['ok1', 'ok2']);
});

test('background sends: beyond maxQueued, ids are left to the retry timer instead of growing the queue', async () => {
  const sent: string[] = [];
  const sends = createBackgroundSends(async (ids) => void sent.push(...ids), { batchSize: 10, maxQueued: 4 });
  sends.add(['1', '2', '3']);
  sends.add(['4', '5', '6']);
  await sends.idle();
  assert.deepEqual(sent, ['1', '2', '3', '4']);
});

test('background sends: requests waiting in the event loop are served between batches', async () => {
  const order: string[] = [];
  const sends = createBackgroundSends(async (ids) => void order.push(`batch ${ids.join()}`), { batchSize: 1, concurrency: 1 });
  sends.add(['1', '2']);
  // A timer queued after the first add (like a request arriving) runs before the second batch.
  setTimeout(() => order.push('request'), 0);
  await sends.idle();
  assert.deepEqual(order, ['batch 1', 'request', 'batch 2']);
});

test('background sends: while busy() says answers are being computed, a batch waits, at most maxDelayMs', async () => {
  let answering = true;
  const sent: string[] = [];
  const sends = createBackgroundSends(async (ids) => void sent.push(...ids), { busy: () => answering, maxDelayMs: 10_000 });
  sends.add(['1']);
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(sent.length, 0, 'nothing sent while busy');
  answering = false;
  await sends.idle();
  assert.deepEqual(sent, ['1']);

  answering = true;
  const slow = createBackgroundSends(async (ids) => void sent.push(...ids), { busy: () => answering, maxDelayMs: 30 });
  const started = Date.now();
  slow.add(['2']);
  await slow.idle();
  assert.deepEqual(sent, ['1', '2'], 'sent after maxDelayMs even though still busy');
  assert.ok(Date.now() - started >= 29);
});

test('background sends: a send that throws before returning a promise does not jam the queue', async () => {
  const sent: string[] = [];
  const sends = createBackgroundSends((ids) => {
    if (ids.includes('bad')) throw new Error('synchronous failure');
    sent.push(...ids);
    return Promise.resolve();
  });
  sends.add(['bad']);
  await sends.idle();
  sends.add(['good']);
  await sends.idle();
  assert.deepEqual(sent, ['good']);
});

test('background sends: ids turned away by a full queue are sent through sendDue once the queue is empty', async () => {
  const sent: string[] = [];
  const store = ['1', '2', '3', '4', '5', '6'];
  const sends = createBackgroundSends(
    async (ids) => {
      sent.push(...ids);
      for (const id of ids) store.splice(store.indexOf(id), 1);
    },
    {
      batchSize: 2,
      maxQueued: 2,
      sendDue: async () => {
        const due = store.splice(0, 2);
        sent.push(...due);
        return due.length;
      },
    },
  );
  sends.add(['1', '2', '3']);
  sends.add(['4', '5', '6']);
  await sends.idle();
  assert.deepEqual([...sent].sort(), ['1', '2', '3', '4', '5', '6']);
  assert.equal(new Set(sent).size, 6, 'each sent once');
});

test('background sends: once the signal is aborted, the batch being sent finishes and nothing else starts or is queued', async () => {
  const stop = new AbortController();
  const sent: string[] = [];
  let release: () => void = () => undefined;
  const sends = createBackgroundSends(
    async (ids) => {
      sent.push(...ids);
      if (ids.includes('1')) await new Promise<void>((resolve) => (release = resolve));
    },
    { batchSize: 1, concurrency: 1, signal: stop.signal },
  );
  sends.add(['1', '2', '3']);
  await new Promise((resolve) => setTimeout(resolve, 10));
  stop.abort();
  sends.add(['4']);
  release();
  await sends.idle();
  assert.deepEqual(sent, ['1'], 'the batch in flight went out; 2, 3 and 4 stay due in the store');
});
