import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Hono } from 'hono';
import { createDemoApp } from './app.js';
import { mountHealth } from './health.js';
import { silentLogger } from './logger.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const root = mkdtempSync(join(tmpdir(), 'demo-health-'));
after(() => rmSync(root, { recursive: true, force: true }));

const get = (app: { fetch: (request: Request) => Response | Promise<Response> }, path: string) => app.fetch(new Request(`http://127.0.0.1${path}`));

test('/healthz answers while the process runs; /readyz answers 200 while the database does, then a 503 problem', async () => {
  const app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: 'health-check-pw', assets: stubAssetPaths(root) });
  const health = await get(app, '/healthz');
  assert.equal(health.status, 200);
  assert.match(health.headers.get('Content-Type') ?? '', /^application\/json/);
  assert.equal(health.headers.get('Cache-Control'), 'no-store');
  assert.deepEqual(await health.json(), { status: 'ok' });
  const ready = await get(app, '/readyz');
  assert.equal(ready.status, 200);
  assert.deepEqual(await ready.json(), { status: 'ready' });

  await app.close();
  const down = await get(app, '/readyz');
  assert.equal(down.status, 503);
  assert.match(down.headers.get('Content-Type') ?? '', /^application\/problem\+json/);
  const body = (await down.json()) as { status: number; title: string; detail: string };
  assert.equal(body.status, 503);
  assert.equal(body.title, 'Service Unavailable');
  assert.match(body.detail, /database/);
  assert.equal((await get(app, '/healthz')).status, 200, 'the process is still alive');
});

test('/readyz answers 503 when the database does not answer within the timeout', async () => {
  const app = new Hono();
  mountHealth(app, { get: () => new Promise(() => {}) }, silentLogger(), 50);
  const started = performance.now();
  const response = await get(app, '/readyz');
  assert.equal(response.status, 503);
  assert.ok(performance.now() - started < 1000);
});
