import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { defaultConfig } from '../config/index.js';
import { createClient } from './client.js';
import type { Fetch } from './http.js';

// A real server, not msw: what is checked is how Node's fetch answers stalled bodies and redirects.
const CREATED = JSON.stringify({ id: 'r1', status: 'pending', access: 'full' });
const hits: string[] = [];
let base = '';

function answer(request: IncomingMessage, response: ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  hits.push(`${request.method} ${path}`);
  const mode = path.split('/')[1];
  if (mode === 'stall') {
    // The headers and part of the body, then nothing.
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.write('{"version":1,');
  } else if (mode === 'redirect') response.writeHead(302, { Location: `/ok${path.slice('/redirect'.length)}` }).end();
  else if (mode === 'loop') response.writeHead(302, { Location: path }).end();
  else if (mode === 'ok') {
    const created = request.method === 'POST';
    response.writeHead(created ? 201 : 200, { 'Content-Type': 'application/json' }).end(created ? CREATED : JSON.stringify(defaultConfig()));
  } else response.writeHead(404).end();
}

const server = createServer(answer);
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => (hits.length = 0));

const retry = { limit: 2, delay: () => 1 };
const values = { companyName: 'Acme' };

/** Settles within `ms` or fails: a hanging promise must not hang the suite. */
async function within<T>(ms: number, promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms)));
  try {
    const [settled] = await Promise.race([Promise.allSettled([promise]), guard]);
    return settled;
  } finally {
    clearTimeout(timer);
  }
}

const reasonOf = (settled: PromiseSettledResult<unknown>): Record<string, unknown> => {
  assert.equal(settled.status, 'rejected');
  return (settled as PromiseRejectedResult).reason as Record<string, unknown>;
};

describe('the timeout covers the body, not only the headers', () => {
  test('loadConfig, submit and lookupCompany give their errors when the body stalls after the headers', async () => {
    const client = createClient({ base: `${base}/stall/api`, timeout: 100, retry: 0 });
    const load = reasonOf(await within(2000, client.loadConfig()));
    assert.equal(load['name'], 'ConfigLoadError');
    const submitted = reasonOf(await within(2000, client.submit(values, { idempotencyKey: 'k-1', locale: 'en' })));
    assert.deepEqual([submitted['name'], submitted['reason'], submitted['retryable']], ['SubmissionError', 'timeout', true]);
    const lookup = reasonOf(await within(2000, createClient({ base: `${base}/stall/api` }).lookupCompany('73282932000074', { timeout: 100 })));
    assert.equal(lookup['name'], 'LookupError');
  });

  test('a stalled body is a timeout like any other: retried, then reported', async () => {
    const error = reasonOf(await within(2000, createClient({ base: `${base}/stall/api`, timeout: 50, retry }).submit(values, { idempotencyKey: 'k-2', locale: 'en' })));
    assert.equal(error['reason'], 'timeout');
    assert.deepEqual(hits, ['POST /stall/api', 'POST /stall/api', 'POST /stall/api']);
  });

  test("a fetch that ignores its signal still times out in the body, and the caller's abort still passes through", async () => {
    // Headers at once, then a body that never ends and never errors.
    const stalled: Fetch = async () => new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"id":')) }), { status: 201 });
    const late = reasonOf(await within(2000, createClient({ base, fetch: stalled, timeout: 50, retry: 0 }).submit(values, { idempotencyKey: 'k-3', locale: 'en' })));
    assert.equal(late['reason'], 'timeout');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const aborted = reasonOf(await within(2000, createClient({ base, fetch: stalled, retry: 0 }).loadConfig({ signal: controller.signal })));
    assert.equal(aborted['name'], 'AbortError');
  });
});

describe('redirects and URLs fetch cannot send are not network failures', () => {
  test('a submission answered with a redirect is not followed (no GET of another page), not retried, and not "lost"', async () => {
    const error = reasonOf(await within(2000, createClient({ base: `${base}/redirect/api`, retry }).submit(values, { idempotencyKey: 'k-4', locale: 'en' })));
    assert.deepEqual([error['name'], error['reason'], error['retryable'], error['status']], ['SubmissionError', 'rejected', false, 302]);
    assert.match(String(error['message']), /HTTP 302/);
    assert.deepEqual(hits, ['POST /redirect/api']);
  });

  test('a config save answered with a redirect fails as a save, once', async () => {
    const error = reasonOf(await within(2000, createClient({ base: `${base}/redirect/api`, retry }).saveConfig(defaultConfig(), '"v1"')));
    assert.deepEqual([error['name'], error['status']], ['ConfigSaveError', 302]);
    assert.deepEqual(hits, ['PUT /redirect/api/config']);
  });

  test('a GET still follows a redirect; a redirect loop is reported as such, not retried', async () => {
    assert.ok((await createClient({ base: `${base}/redirect/api`, retry }).loadConfig()).config);
    hits.length = 0;
    const error = reasonOf(await within(5000, createClient({ base: `${base}/loop/api`, retry }).loadConfig()));
    assert.equal(error['name'], 'ConfigLoadError');
    assert.match(String(error['message']), /redirect/);
    // One attempt: fetch's own 20 redirects plus the first request, not three times that.
    assert.equal(hits.length, 21);
  });

  test('a relative base outside a page: refused by createClient, no request sent, not "offline" later', () => {
    let calls = 0;
    const counted: Fetch = (input, init) => ((calls += 1), globalThis.fetch(input, init));
    assert.throws(() => createClient({ base: '/api/account-requests', fetch: counted, retry }), { name: 'TypeError', message: /`base` must be an absolute URL/ });
    assert.equal(calls, 0);
  });

  test('a network failure is still retried and reported offline', async () => {
    let calls = 0;
    const refused: Fetch = async () => ((calls += 1), Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })));
    const error = reasonOf(await within(2000, createClient({ base, fetch: refused, retry }).submit(values, { idempotencyKey: 'k-6', locale: 'en' })));
    assert.deepEqual([error['reason'], calls], ['offline', 3]);
  });
});
