import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIdempotencyKey } from './idempotency-key.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('a key is a random version-4 UUID, with or without crypto.randomUUID (a page served over plain HTTP has none)', () => {
  const sample = () => {
    const keys = new Set(Array.from({ length: 200 }, createIdempotencyKey));
    assert.equal(keys.size, 200);
    for (const key of keys) assert.match(key, UUID_V4);
    // Every hexadecimal digit turns up in the random positions.
    assert.equal(new Set([...keys].join('').replace(/-/g, '')).size, 16);
  };
  sample();
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
  try {
    sample();
  } finally {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
  }
  assert.equal(typeof crypto.randomUUID, 'function');
});
