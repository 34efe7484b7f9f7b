import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMemoryRateLimitStore } from '@account-request/sdk/server';
import { ADMIN_FAILURE_LIMIT, createAdminGuard } from './admin-guard.js';
import { API_BASE, createDemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const basic = (password: string) => ({ Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` });
const request = (headers: Record<string, string> = {}) => new Request('http://127.0.0.1/admin/', { headers });

test('past the limit of wrong passwords from one address, every sign-in from it waits for the window, the right one too', async () => {
  let now = 1_000_000;
  const guard = createAdminGuard(PASSWORD, { now: () => now });
  for (let i = 0; i < 50; i++) assert.deepEqual(await guard(request(), '192.0.2.1'), { ok: false }, 'a request without credentials does not count');
  for (let i = 0; i < ADMIN_FAILURE_LIMIT.max; i++) assert.deepEqual(await guard(request(basic(`guess-${i}`)), '192.0.2.1'), { ok: false });
  assert.deepEqual(await guard(request(basic(PASSWORD)), '192.0.2.1'), { ok: false, retryAfterSeconds: ADMIN_FAILURE_LIMIT.windowMs / 1000 });
  assert.deepEqual(await guard(request(basic(PASSWORD)), '192.0.2.2'), { ok: true }, 'another address is not held');
  now += ADMIN_FAILURE_LIMIT.windowMs;
  assert.deepEqual(await guard(request(basic(PASSWORD)), '192.0.2.1'), { ok: true }, 'the window over, the address may sign in again');
});

test('instances sharing their counts hold an address after the limit in all, not the limit each', async () => {
  const counts = createMemoryRateLimitStore();
  const [a, b] = [createAdminGuard(PASSWORD, { counts }), createAdminGuard(PASSWORD, { counts })];
  for (let i = 0; i < ADMIN_FAILURE_LIMIT.max / 2; i++) {
    assert.deepEqual(await a(request(basic(`a-${i}`)), '192.0.2.9'), { ok: false });
    assert.deepEqual(await b(request(basic(`b-${i}`)), '192.0.2.9'), { ok: false });
  }
  // Instance a saw five wrong passwords; the next tells it the address is past the limit in all.
  assert.deepEqual(await a(request(basic('a-last')), '192.0.2.9'), { ok: false });
  assert.equal((await a(request(basic(PASSWORD)), '192.0.2.9')).ok, false, 'held on a');
  assert.equal((await b(request(basic(PASSWORD)), '192.0.2.9')).ok, false, 'held on b, which counted the tenth');
  const failing = createAdminGuard(PASSWORD, { counts: { hit: () => Promise.reject(new Error('database down')) } });
  assert.deepEqual(await failing(request(basic('x')), '192.0.2.9'), { ok: false }, 'a count that cannot be written is a plain refusal');
});

test('the demo answers 429 with Retry-After on the pages and the admin API once an address passed the limit', async () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-admin-guard-'));
  const app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, assets: stubAssetPaths(root), retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000 });
  try {
    const get = (path: string, password: string) => app.fetch(new Request(`http://127.0.0.1:5173${path}`, { headers: basic(password) }));
    for (let i = 0; i < ADMIN_FAILURE_LIMIT.max; i++) assert.equal((await get(i % 2 ? '/admin/' : API_BASE, `guess-${i}`)).status, 401);
    for (const path of ['/admin/', API_BASE]) {
      const refused = await get(path, PASSWORD);
      assert.equal(refused.status, 429, path);
      assert.ok(Number(refused.headers.get('Retry-After')) > 0, path);
    }
  } finally {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('two demo servers on one database count wrong admin passwords together', async () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-admin-guard-shared-'));
  const open = () => createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, assets: stubAssetPaths(root), retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000 });
  const [one, two] = [await open(), await open()];
  try {
    const get = (app: typeof one, password: string) => app.fetch(new Request('http://127.0.0.1:5173/admin/', { headers: basic(password) }));
    for (let i = 0; i < ADMIN_FAILURE_LIMIT.max / 2; i++) {
      assert.equal((await get(one, `one-${i}`)).status, 401);
      assert.equal((await get(two, `two-${i}`)).status, 401);
    }
    assert.equal((await get(one, 'one-last')).status, 401);
    assert.equal((await get(one, PASSWORD)).status, 429, 'the first server was told by the shared count');
    assert.equal((await get(two, PASSWORD)).status, 429);
  } finally {
    await one.close();
    await two.close();
    rmSync(root, { recursive: true, force: true });
  }
});
