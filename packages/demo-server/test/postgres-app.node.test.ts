// The whole demo site with DATABASE_URL: shop page, health, API, admin and processing pages,
// outbox and activation, all on PostgreSQL (a throwaway cluster, see test/test-helpers/postgres.ts).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MailMessage, ProcessingStore } from '@account-request/sdk/server';
import { API_BASE, createDemoApp, type DemoApp } from '../src/app.js';
import { stubAssetPaths } from '../src/test-helpers/assets.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();
const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const VALID = { companyName: 'Quincaillerie Étienne', lastName: 'Étienne', email: 'paul@etienne.example', phone: '05 56 00 11 22', street: '2 cours Victor Hugo', postalCode: '33000', city: 'Bordeaux', country: 'FR' };

describe('the demo on PostgreSQL (DATABASE_URL)', { skip: postgres.skip }, () => {
  const root = mkdtempSync(join(tmpdir(), 'demo-pg-'));
  const sent: MailMessage[] = [];
  let databaseUrl = '';
  let app: DemoApp<ProcessingStore>;

  const open = (name: string, rateLimit: { max: number; windowMs: number } | false = false) =>
    createDemoApp({
      dataDir: join(root, name),
      databaseUrl,
      adminPassword: PASSWORD,
      rateLimit,
      assets: stubAssetPaths(root),
      notifier: { notify: async (message) => void sent.push(message) },
      retryIntervalMs: 60 * 60 * 1000,
    });
  const get = (target: DemoApp<ProcessingStore>, path: string, headers: Record<string, string> = ADMIN) => target.fetch(new Request(`${ORIGIN}${path}`, { headers }));
  const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = ADMIN) =>
    app.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN, ...headers }, body: new URLSearchParams(fields) }));
  const submit = (target: DemoApp<ProcessingStore>, key: string = crypto.randomUUID()) =>
    target.fetch(new Request(`${ORIGIN}${API_BASE}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, Origin: ORIGIN }, body: JSON.stringify({ values: VALID, confirmed: true, locale: 'fr' }) }));

  before(async () => {
    databaseUrl = await postgres.server!.createDatabase('demo');
    app = await open('a');
  });
  after(async () => {
    await app?.close();
    await postgres.server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a NUL in an id or a query with the 404 page or a clear 400, never a 500 (PostgreSQL refuses NUL)', async () => {
    for (const path of ['/admin/outbox/%00', '/admin/outbox/a%00b', '/admin/webhooks/%00']) assert.equal((await get(app, path)).status, 404, path);
    for (const path of ['/admin/webhooks/%00/disable', '/admin/webhooks/%00/rotate', '/admin/webhooks/%00/test', '/admin/webhooks/env/deliveries/%00/resend']) {
      assert.equal((await postForm(path, {})).status, 404, path);
    }
    assert.equal((await get(app, '/admin/outbox/?requestId=%00')).status, 200);
    assert.equal((await get(app, `${API_BASE}?q=%00`)).status, 400);
    assert.equal((await get(app, `${API_BASE}/notifications?requestId=%00`)).status, 400);
    assert.equal((await get(app, `${API_BASE}?from=0000-01-01`)).status, 400);
  });

  it('serves the shop page, the health probes and the seeded config', async () => {
    assert.equal((await get(app, '/', {})).status, 200);
    assert.equal((await get(app, '/healthz', {})).status, 200);
    assert.equal((await get(app, '/readyz', {})).status, 200);
    const config = await get(app, `${API_BASE}/config`, {});
    assert.ok(config.headers.get('ETag'));
    assert.equal(((await config.json()) as { settings: { alertEmail?: string } }).settings.alertEmail, 'ventes@comptoir-duval.example');
  });

  it('stores a submission once per key, lists it on the admin pages and sends its e-mails', async () => {
    const key = crypto.randomUUID();
    const first = await submit(app, key);
    assert.equal(first.status, 201);
    const { id } = (await first.json()) as { id: string };
    assert.equal((await submit(app, key)).headers.get('Idempotent-Replayed'), 'true');
    await app.settled();
    assert.deepEqual(sent.filter((m) => m.requestId === id).map((m) => m.kind).sort(), ['alert', 'confirmation']);
    assert.ok((await (await get(app, '/admin/')).text()).includes('Quincaillerie Étienne'));
    const list = await (await get(app, '/admin/requests/?lang=en&q=etienne')).text();
    assert.ok(list.includes(`/admin/requests/${id}`));
    assert.ok((await (await get(app, `/admin/outbox/?lang=en&requestId=${id}`)).text()).includes('state-sent'));
  });

  it('accepts through the processing pages and activates through the e-mailed link', async () => {
    const { id } = (await (await submit(app)).json()) as { id: string };
    for (const status of ['in-progress', 'accepted']) {
      const { version } = (await (await get(app, `${API_BASE}/${id}`)).json()) as { version: number };
      const done = await postForm(`/admin/requests/${id}/status/confirm?lang=en`, { status, version: String(version) });
      assert.equal(done.status, 303);
    }
    await app.settled();
    const mail = sent.find((m) => m.requestId === id && m.kind === 'activation');
    const token = /\/activation\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    assert.ok(token, 'the activation e-mail holds the link');
    const password = 'une phrase de passe longue';
    const activated = await postForm(`/activation/${token}?lang=en`, { password, confirmation: password }, {});
    assert.ok((await activated.text()).includes('Your account is active'));
    assert.ok((await app.store.get(id))?.activatedAt);
    assert.ok((await (await get(app, `/activation/${token}?lang=en`, {})).text()).includes('already used'));
  });

  it('serves a config saved through one instance from another, and counts the rate limit across them', async () => {
    const other = await open('b', { max: 3, windowMs: 60_000 });
    const limited = await open('c', { max: 3, windowMs: 60_000 });
    try {
      const loaded = await get(app, `${API_BASE}/config`, {});
      const config = (await loaded.json()) as { settings: Record<string, unknown> };
      const saved = await app.fetch(new Request(`${ORIGIN}${API_BASE}/config`, {
        method: 'PUT',
        headers: { ...ADMIN, 'Content-Type': 'application/json', 'If-Match': loaded.headers.get('ETag')! },
        body: JSON.stringify({ ...config, settings: { ...config.settings, alertEmail: 'achats@comptoir-duval.example' } }),
      }));
      assert.equal(saved.status, 200);
      assert.equal((await get(other, `${API_BASE}/config`, {})).headers.get('ETag'), saved.headers.get('ETag'));
      // Requests without a socket share one bucket: three through two instances, then the limit.
      const statuses = [];
      for (const target of [other, limited, other, limited]) statuses.push((await submit(target)).status);
      assert.deepEqual(statuses, [201, 201, 201, 429]);
    } finally {
      await other.close();
      await limited.close();
    }
  });
});
