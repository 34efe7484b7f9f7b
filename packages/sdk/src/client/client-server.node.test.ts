import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setDisplayed } from '../config/index.js';
import { setup } from '../server/test-helpers/setup.js';
import { VALID_VALUES as VALUES } from '../server/test-helpers/values.js';
import { createClient } from './client.js';
import { isSubmissionError } from './errors.js';
import { createIdempotencyKey } from './idempotency-key.js';

const BASE = 'https://shop.test/api/account-requests';

function wire() {
  const { handler, store } = setup({ authorize: () => true });
  let calls = 0;
  const fetch = (input: string | URL | Request, init?: RequestInit) => ((calls += 1), handler(new Request(input, init)));
  return { store, client: createClient({ base: BASE, fetch, retry: { delay: () => 1 } }), calls: () => calls };
}

describe('client against the real handler', () => {
  test('submit creates once per idempotency key, in every encoding', async () => {
    const { client, store } = wire();
    const key = createIdempotencyKey();
    const first = await client.submit(VALUES, { idempotencyKey: key, locale: 'fr' });
    assert.deepEqual(await client.submit(VALUES, { idempotencyKey: key, locale: 'fr' }), first);
    await client.submit(VALUES, { idempotencyKey: createIdempotencyKey(), locale: 'fr', enctype: 'application/x-www-form-urlencoded' });
    await client.submit(VALUES, { idempotencyKey: createIdempotencyKey(), locale: 'en', enctype: 'multipart/form-data' });
    assert.equal((await store.list()).length, 3);
  });

  test('server validation errors arrive as field errors, without a retry', async () => {
    const { client, calls } = wire();
    const error = await client.submit({ ...VALUES, postalCode: 'ABC' }, { idempotencyKey: createIdempotencyKey(), locale: 'fr' }).catch((e: unknown) => e);
    assert.ok(isSubmissionError(error));
    assert.equal(error.kind, 'validation');
    assert.deepEqual(error.errors.map((e) => [e.field, e.code]), [['postalCode', 'invalid_format']]);
    assert.equal(calls(), 1);
  });

  test('a submission without an idempotencyKey (plain JavaScript) is refused, once, and creates nothing', async () => {
    const { client, store, calls } = wire();
    const error = await (client.submit as (values: object, options: object) => Promise<unknown>)(VALUES, { locale: 'fr' }).catch((e: unknown) => e);
    assert.ok(isSubmissionError(error));
    assert.deepEqual([error.reason, error.status, error.retryable], ['rejected', 400, false]);
    assert.match(error.message, /Idempotency-Key/);
    assert.equal(calls(), 1);
    assert.equal((await store.list()).length, 0);
  });

  test('load, save, and a stale save is a ConflictError', async () => {
    const { client } = wire();
    const loaded = await client.loadConfig();
    assert.ok(loaded.etag);
    const saved = await client.saveConfig(setDisplayed(loaded.config, 'website', true), loaded.etag);
    assert.notEqual(saved.etag, loaded.etag);
    assert.deepEqual(await client.loadConfig(), saved);
    await assert.rejects(client.saveConfig(loaded.config, loaded.etag), { name: 'ConflictError' });
  });
});
