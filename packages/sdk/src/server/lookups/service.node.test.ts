import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { callService, isLookupServiceError, MAX_ANSWER_BYTES } from './service.js';

// One local service whose answers each test scripts: one handler per request, the last repeated.
let handlers: ((request: IncomingMessage, response: ServerResponse) => void)[] = [];
let calls = 0;
const server = createServer((request, response) => {
  const handler = handlers[Math.min(calls, handlers.length - 1)];
  calls += 1;
  handler?.(request, response);
});
let url = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  handlers = [];
  calls = 0;
});

const call = (options: { timeoutMs?: number; retries?: number; fetch?: typeof fetch } = {}) =>
  callService('test', options.fetch ?? ((input, init) => fetch(input, init)), url, {}, { timeoutMs: options.timeoutMs ?? 2000, retries: options.retries ?? 1 });
const failure = (kind: string) => (error: unknown) => isLookupServiceError(error) && error.failure === kind;
// A 429 asking to wait `retryAfter` (seconds or an HTTP date).
const busy = (retryAfter: string) => (_request: IncomingMessage, response: ServerResponse): void => {
  response.writeHead(429, { 'Retry-After': retryAfter });
  response.end();
};
const ok = (_request: IncomingMessage, response: ServerResponse): void => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end('{"ok":true}');
};

describe('callService', () => {
  it('refuses a body over MAX_ANSWER_BYTES as malformed, announced or streamed', async () => {
    handlers = [(_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(MAX_ANSWER_BYTES + 1) });
      response.end('{');
    }];
    await assert.rejects(call(), failure('malformed'));
    // Chunked, without a length: the reading stops past the bound.
    handlers = [(_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 64 && !response.destroyed && response.write(chunk)) sent += 1;
        if (sent < 64 && !response.destroyed) response.once('drain', pump);
        else response.end();
      };
      pump();
    }];
    await assert.rejects(call(), failure('malformed'));
    // Up to the bound, an answer is read whole.
    handlers = [(_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`{"a":"${'é'.repeat(1000)}"}`);
    }];
    assert.deepEqual(JSON.parse((await call()).text), { a: 'é'.repeat(1000) });
  });

  it('does not retry a 429 whose Retry-After goes past the budget, and retries one that fits', async () => {
    handlers = [busy('30'), ok];
    assert.equal((await call()).status, 429);
    assert.equal(calls, 1);
    calls = 0;
    handlers = [busy(new Date(Date.now() + 60_000).toUTCString()), ok];
    assert.equal((await call()).status, 429);
    assert.equal(calls, 1);
    calls = 0;
    handlers = [busy('0'), ok];
    assert.equal((await call()).status, 200);
    assert.equal(calls, 2);
  });

  it('asks a service that said to wait (429, Retry-After) nothing more until then, from the same adapter', async () => {
    handlers = [busy('30'), ok];
    const pause = { until: 0 };
    const held = () => callService('test', (input, init) => fetch(input, init), url, {}, { timeoutMs: 2000, retries: 1, pause });
    assert.deepEqual(await held(), { status: 429, text: '', retryAfterMs: 30_000 });
    assert.equal(calls, 1);
    // What is left of the wait, for a caller to pass on.
    await assert.rejects(held(), (error) => failure('rate-limited')(error) && isLookupServiceError(error) && error.retryAfterMs! > 25_000 && error.retryAfterMs! <= 30_000);
    assert.equal(calls, 1, 'not asked again while it said to wait');
    assert.ok(pause.until > Date.now() + 25_000);
    assert.equal((await call()).status, 200, 'another adapter is not held');
    pause.until = Date.now() - 1;
    assert.equal((await held()).status, 200, 'asked again once the wait is over');
  });

  it('ends at its time budget even with a fetch that does not heed its signal', { timeout: 10_000 }, async () => {
    const deaf = (() => new Promise<Response>(() => undefined)) as typeof fetch;
    await assert.rejects(call({ fetch: deaf, timeoutMs: 100, retries: 0 }), failure('timeout'));
    // Headers come, the body never ends.
    const endless = (() => Promise.resolve(new Response(new ReadableStream({ start() {} })))) as typeof fetch;
    await assert.rejects(call({ fetch: endless, timeoutMs: 100, retries: 0 }), failure('timeout'));
  });
});
