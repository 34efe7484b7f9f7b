import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from './logger.js';
import { gracefulShutdown } from './shutdown.js';

/** A stand-in for the HTTP server: `close` calls back when the test says the last connection ended. */
function fakeServer() {
  const calls: string[] = [];
  let closed: (() => void) | undefined;
  return {
    calls,
    drained: () => closed?.(),
    server: {
      close(callback?: (error?: Error) => void) {
        calls.push('close');
        closed = () => callback?.();
        return this as never;
      },
      closeIdleConnections: () => void calls.push('closeIdle'),
      closeAllConnections: () => void calls.push('closeAll'),
    },
  };
}

test('first signal: stop accepting, close idle connections, then once drained close the app and exit 0', async () => {
  const { server, calls, drained } = fakeServer();
  const exits: number[] = [];
  let appClosed = false;
  const stop = gracefulShutdown({ server, close: async () => void (appClosed = true), logger: silentLogger(), timeoutMs: 5000, exit: (code) => void exits.push(code) });
  stop('SIGTERM');
  assert.deepEqual(calls.slice(0, 2), ['close', 'closeIdle']);
  await sleep(250);
  assert.ok(calls.filter((call) => call === 'closeIdle').length >= 3, 'idle connections are swept while draining');
  assert.equal(appClosed, false, 'the app stays open while requests are in flight');
  drained();
  await sleep(10);
  assert.equal(appClosed, true);
  assert.deepEqual(exits, [0]);
  assert.ok(!calls.includes('closeAll'));
});

test('the app closes after the requests, and a close that fails exits 1', async () => {
  const { server, drained } = fakeServer();
  const exits: number[] = [];
  const stop = gracefulShutdown({ server, close: () => Promise.reject(new Error('database busy')), logger: silentLogger(), timeoutMs: 5000, exit: (code) => void exits.push(code) });
  stop('SIGINT');
  drained();
  await sleep(10);
  assert.deepEqual(exits, [1]);
});

test('a second signal, or the timeout, cuts the open connections and exits 1', async () => {
  for (const trigger of ['second signal', 'timeout'] as const) {
    const { server, calls } = fakeServer();
    const exits: number[] = [];
    const stop = gracefulShutdown({ server, close: async () => {}, logger: silentLogger(), timeoutMs: 100, exit: (code) => void exits.push(code) });
    stop('SIGTERM');
    if (trigger === 'second signal') stop('SIGINT');
    else await sleep(200);
    assert.ok(calls.includes('closeAll'), trigger);
    assert.deepEqual(exits, [1], trigger);
    await sleep(150);
    assert.deepEqual(exits, [1], `${trigger}: exits once`);
  }
});
