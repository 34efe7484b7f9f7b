import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ADMIN_FAILURE_LIMIT, createAdminGuard } from './admin-guard.js';
import { API_BASE, createDemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const basic = (password: string) => ({ Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` });
const request = (headers: Record<string, string> = {}) => new Request('http://127.0.0.1/admin/', { headers });

test('past the limit of wrong passwords from one address, every sign-in from it waits for the window, the right one too', () => {
  let now = 1_000_000;
  const guard = createAdminGuard(PASSWORD, () => now);
  for (let i = 0; i < 50; i++) assert.deepEqual(guard(request(), '192.0.2.1'), { ok: false }, 'a request without credentials does not count');
  for (let i = 0; i < ADMIN_FAILURE_LIMIT.max; i++) assert.deepEqual(guard(request(basic(`guess-${i}`)), '192.0.2.1'), { ok: false });
  assert.deepEqual(guard(request(basic(PASSWORD)), '192.0.2.1'), { ok: false, retryAfterSeconds: ADMIN_FAILURE_LIMIT.windowMs / 1000 });
  assert.deepEqual(guard(request(basic(PASSWORD)), '192.0.2.2'), { ok: true }, 'another address is not held');
  now += ADMIN_FAILURE_LIMIT.windowMs;
  assert.deepEqual(guard(request(basic(PASSWORD)), '192.0.2.1'), { ok: true }, 'the window over, the address may sign in again');
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
