import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore, type RequestStore } from '../stores/store.js';
import { defaultConfig, setRequired } from '../../config/index.js';
import { assertProblem, post, setup, validBody } from '../test-helpers/setup.js';

describe('POST {base}: Idempotency-Key', () => {
  test('a replay returns the first response exactly and creates nothing', async () => {
    const { handler, store } = setup();
    const first = await handler(post(validBody(), { key: 'draft-1' }));
    const firstBody = await first.text();
    const replay = await handler(post(validBody(), { key: 'draft-1' }));
    assert.equal(replay.status, first.status);
    assert.equal(await replay.text(), firstBody);
    assert.equal(replay.headers.get('Location'), first.headers.get('Location'));
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await store.list()).length, 1);
  });

  test('400 for the text a JavaScript client sends when it has no key ("undefined", "null")', async () => {
    const { handler, store } = setup();
    for (const key of ['undefined', 'null', '[object Object]']) {
      const problem = await assertProblem(await handler(post(validBody(), { key })), 400);
      assert.equal(problem['type'], 'urn:account-request:problem:idempotency-key-invalid');
    }
    assert.equal((await store.list()).length, 0);
    // Only those exact texts: a key that merely contains them is a key.
    assert.equal((await handler(post(validBody(), { key: 'undefined-1' }))).status, 201);
  });

  test('the same values in another key order or encoding are the same body', async () => {
    const { handler, store } = setup();
    const body = validBody();
    const reordered = JSON.stringify({ locale: body['locale'], confirmed: true, values: body['values'] });
    assert.equal((await handler(post(body, { key: 'k' }))).status, 201);
    assert.equal((await handler(post(`  ${reordered}\n`, { key: 'k' }))).status, 201);
    assert.equal((await store.list()).length, 1);
  });

  test('100 concurrent identical POSTs create exactly one request and all get its response', async () => {
    const { handler, store } = setup();
    const responses = await Promise.all(Array.from({ length: 100 }, () => handler(post(validBody(), { key: 'burst' }))));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    assert.ok(responses.every((response) => response.status === 201));
    assert.equal(new Set(bodies).size, 1);
    assert.equal((await store.list({ limit: 200 })).length, 1);
  });

  test('concurrent duplicates reaching two handlers on one store still create one request (store claim)', async () => {
    const store = createMemoryStore();
    const one = setup({ store }).handler;
    const two = setup({ store }).handler;
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two)(post(validBody(), { key: 'shared' }))));
    const created = responses.filter((response) => response.status === 201).length;
    const inProgress = responses.filter((response) => response.status === 409).length;
    assert.equal(created + inProgress, 20);
    assert.equal((await store.list()).length, 1);
  });

  test('a key reused with another body is a 422 and creates nothing, sequentially and concurrently', async () => {
    const { handler, store } = setup();
    assert.equal((await handler(post(validBody(), { key: 'reuse' }))).status, 201);
    const body = await assertProblem(await handler(post(validBody({ city: 'Lyon', postalCode: '69001' }), { key: 'reuse' })), 422);
    assert.match(String(body['type']), /idempotency-key-reused/);
    assert.equal(body['errors'], undefined);
    const [a, b] = await Promise.all([handler(post(validBody(), { key: 'race' })), handler(post(validBody({ city: 'Lyon', postalCode: '69001' }), { key: 'race' }))]);
    assert.deepEqual([a?.status, b?.status].sort(), [201, 422]);
    assert.equal((await store.list()).length, 2);
  });

  test('a validation failure does not use the key up: the corrected draft goes through with it', async () => {
    const { handler, store } = setup();
    await assertProblem(await handler(post(validBody({ email: 'nope' }), { key: 'fix-me' })), 422);
    assert.equal((await handler(post(validBody(), { key: 'fix-me' }))).status, 201);
    assert.equal((await store.list()).length, 1);
  });

  test('the claim is renewed while the work runs: a second process gets 409 past the lease, then the replay', async () => {
    const memory = createMemoryStore();
    let renewals = 0;
    const store: RequestStore = { ...memory, renewIdempotencyClaim: (key, leaseMs) => ((renewals += 1), memory.renewIdempotencyClaim(key, leaseMs)) };
    let open = (): void => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // A password check that takes 4 leases (a slow range API): the claim must outlive it.
    const slow = setup({ store, idempotencyLeaseMs: 150, config: setRequired(defaultConfig(), 'password', true), isCommonPassword: async () => (await gate, false), hashPassword: async () => 'hash' });
    const other = setup({ store, idempotencyLeaseMs: 150, config: setRequired(defaultConfig(), 'password', true) }).handler;
    const body = validBody({ password: 'correct horse battery staple' });
    const first = slow.handler(post(body, { key: 'long' }));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await assertProblem(await other(post(body, { key: 'long' })), 409);
    assert.ok(renewals >= 3, `renewed every 50 ms (${renewals} renewals)`);
    open();
    assert.equal((await first).status, 201);
    const afterAnswer = renewals;
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(renewals, afterAnswer, 'renewals stop with the answer');
    const replay = await other(post(body, { key: 'long' }));
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.equal((await store.list()).length, 1);
  });

  test('idempotencyLeaseMs below 100 ms or not a number is refused at setup', () => {
    for (const idempotencyLeaseMs of [0, 99, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => setup({ idempotencyLeaseMs }), TypeError);
  });

  test('a lost response record does not turn a created request into an error', async () => {
    const store: RequestStore = { ...createMemoryStore(), saveIdempotentResponse: () => Promise.reject(new Error('lost')) };
    const { handler } = setup({ store });
    assert.equal((await handler(post(validBody()))).status, 201);
  });
});
