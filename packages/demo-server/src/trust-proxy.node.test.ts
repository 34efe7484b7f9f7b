// TRUST_PROXY through a real socket: the rate limit's client address comes from the socket
// unless the app is told how many proxies stand in front, and then only from the entry those
// proxies wrote, never from what a client put in X-Forwarded-For itself.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { serve } from '@hono/node-server';
import { API_BASE, createDemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const root = mkdtempSync(join(tmpdir(), 'demo-trust-proxy-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function listening(trustProxy: number): Promise<{ post: (forwardedFor?: string) => Promise<number>; close: () => Promise<void> }> {
  const app = await createDemoApp({
    dataDir: join(root, `data-${trustProxy}`),
    adminPassword: 'trust-proxy-pw',
    assets: stubAssetPaths(root),
    rateLimit: { max: 2, windowMs: 60_000 },
    trustProxy,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  // The rate limit is the first check: an empty body is refused after it (400/415), or counted out (429).
  const post = async (forwardedFor?: string): Promise<number> => {
    const response = await fetch(`http://127.0.0.1:${port}${API_BASE}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
      body: '{}',
    });
    await response.body?.cancel();
    return response.status;
  };
  return {
    post,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

test('TRUST_PROXY off: a forged X-Forwarded-For does not escape the limit of the socket address', async () => {
  const server = await listening(0);
  try {
    assert.notEqual(await server.post('203.0.113.1'), 429);
    assert.notEqual(await server.post('203.0.113.2'), 429);
    assert.equal(await server.post('203.0.113.3'), 429, 'a third address in the header is still the same client');
    assert.equal(await server.post(), 429);
  } finally {
    await server.close();
  }
});

test('TRUST_PROXY=1: the address our proxy appended counts, the entries a client forged to its left do not', async () => {
  const server = await listening(1);
  try {
    assert.notEqual(await server.post('198.51.100.1, 203.0.113.7'), 429);
    assert.notEqual(await server.post('198.51.100.2, 203.0.113.7'), 429);
    assert.equal(await server.post('198.51.100.3, 203.0.113.7'), 429, 'the client behind the proxy is limited whatever it forges');
    assert.notEqual(await server.post('203.0.113.8'), 429, 'another client behind the proxy has its own count');
    assert.notEqual(await server.post(), 429, 'without the header, the socket address counts');
  } finally {
    await server.close();
  }
});
