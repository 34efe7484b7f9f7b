import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertProblem, post, setup, validBody } from '../test-helpers/setup.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';

describe('rateLimit.store: a limit counted in a store shared by several handlers', () => {
  test('two handlers (two instances) on one store share the count of an address', async () => {
    let now = Date.parse('2026-03-02T09:00:00Z');
    const shared = createMemoryRateLimitStore();
    const options = { rateLimit: { windowMs: 60_000, max: 3, store: shared }, clientAddress: () => '198.51.100.7', now: () => new Date(now) };
    const a = setup(options).handler;
    const b = setup(options).handler;
    assert.equal((await a(post(validBody()))).status, 201);
    assert.equal((await b(post(validBody()))).status, 201);
    assert.equal((await a(post(validBody()))).status, 201);
    now += 20_000;
    const limited = await b(post(validBody()));
    await assertProblem(limited, 429);
    assert.equal(limited.headers.get('Retry-After'), '40');
    now += 40_000;
    assert.equal((await b(post(validBody()))).status, 201, 'a new window');
  });

  test('each address has its own count', async () => {
    const shared = createMemoryRateLimitStore();
    let address = '192.0.2.1';
    const { handler } = setup({ rateLimit: { windowMs: 60_000, max: 1, store: shared }, clientAddress: () => address });
    assert.equal((await handler(post(validBody()))).status, 201);
    await assertProblem(await handler(post(validBody())), 429);
    address = '192.0.2.2';
    assert.equal((await handler(post(validBody()))).status, 201);
  });

  test('a failing store answers 503 and stores nothing', async () => {
    const broken: RateLimitStore = { hit: () => Promise.reject(new Error('connection refused')) };
    const { handler, store } = setup({ rateLimit: { windowMs: 60_000, max: 5, store: broken } });
    const response = await handler(post(validBody()));
    await assertProblem(response, 503);
    assert.equal((await store.list()).length, 0);
  });
});
