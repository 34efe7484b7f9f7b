import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createDemoApp, type DemoApp } from './app.js';
import { MAX_FORM_BYTES } from './processing-routes.js';
import { stubAssetPaths } from './test-helpers/assets.js';

// The pages' forms are read whole: a body past their size must be cut off as it streams in.
const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const root = mkdtempSync(join(tmpdir(), 'demo-form-limit-'));
let app: DemoApp;
before(async () => {
  app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, assets: stubAssetPaths(root), retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000 });
});
after(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

/** An endless urlencoded body without Content-Length, counting what the server pulled. */
function endless(): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new TextEncoder().encode(`password=${'a'.repeat(64 * 1024)}`);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => pulled };
}

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers }, body, duplex: 'half' } as RequestInit));

// A timeout, since the bug this guards against reads the endless body for ever.
test('the public activation page cuts off an endless form body with a 413 after a few chunks', { timeout: 20_000 }, async () => {
  const { body, pulled } = endless();
  const response = await post(`/activation/${'A'.repeat(43)}`, body);
  assert.equal(response.status, 413);
  assert.match(await response.text(), new RegExp(`larger than ${MAX_FORM_BYTES} bytes`));
  assert.ok(pulled() <= 4 * 64 * 1024, `pulled ${pulled()} bytes`);
});

test('an admin page does too, and a declared Content-Length over the limit is refused before reading', { timeout: 20_000 }, async () => {
  const admin = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
  const { body, pulled } = endless();
  assert.equal((await post('/admin/invitations/', body, admin)).status, 413);
  assert.ok(pulled() <= 4 * 64 * 1024, `pulled ${pulled()} bytes`);
  const declared = await post('/admin/bulk-decisions', 'x'.repeat(MAX_FORM_BYTES + 1), admin);
  assert.equal(declared.status, 413);
});
