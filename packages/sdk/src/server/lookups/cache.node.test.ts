import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLookupCache } from './cache.js';

describe('createLookupCache', () => {
  it('reuses an answer until its TTL, counted from its arrival', async () => {
    let time = 0;
    const cache = createLookupCache<number>({ ttlMs: 100, now: () => time });
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.through('a', load), 1);
    time = 99;
    assert.equal(await cache.through('a', load), 1);
    time = 100;
    assert.equal(await cache.through('a', load), 2);
  });

  it('shares one load between concurrent asks and forgets a rejection', async () => {
    const cache = createLookupCache<number>();
    let loads = 0;
    const failing = () => Promise.reject(new Error(`failed ${++loads}`));
    await Promise.all([assert.rejects(cache.through('a', failing), /failed 1/), assert.rejects(cache.through('a', failing), /failed 1/)]);
    assert.equal(cache.size, 0);
    assert.equal(await cache.through('a', async () => 7), 7);
  });

  it('keeps at most max answers, dropping the least recently used', async () => {
    const cache = createLookupCache<string>({ max: 2 });
    await cache.through('a', async () => 'a');
    await cache.through('b', async () => 'b');
    await cache.through('a', async () => 'a again');
    await cache.through('c', async () => 'c');
    assert.equal(cache.size, 2);
    assert.equal(await cache.through('a', async () => 'a reloaded'), 'a');
    assert.equal(await cache.through('b', async () => 'b reloaded'), 'b reloaded');
  });

  it('keeps nothing with max 0', async () => {
    const cache = createLookupCache<number>({ max: 0 });
    await cache.through('a', async () => 1);
    assert.equal(cache.size, 0);
  });
});
