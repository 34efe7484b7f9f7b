// The PostgreSQL stores against a real server. Skips (with the reason) when none can be had:
// see pg-server.ts. On a machine with Debian's postgresql package it starts its own cluster.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createAccountRequestHandler, type RequestStore } from '@account-request/sdk/server';
import { createPostgresConfigStore, createPostgresStore, migrate } from './store.js';
import { startTestDatabase, type TestDatabase } from './pg-server.js';

const found = await startTestDatabase();
const database: TestDatabase | undefined = typeof found === 'string' ? undefined : found;
const skip = typeof found === 'string' ? found : false;

const record = (id: string, createdAt: string) => ({
  id,
  createdAt,
  values: { companyName: `Société ${id}`, email: `${id}@example.fr` },
  locale: 'fr',
  access: 'full' as const,
  status: 'pending' as const,
});

describe('examples/postgres-store', { skip }, () => {
  let pool: pg.Pool;
  let store: RequestStore;

  before(async () => {
    pool = new pg.Pool({ connectionString: database?.url, max: 8 });
    await pool.query('DROP TABLE IF EXISTS account_requests, idempotency_keys, form_config');
    await migrate(pool);
    await migrate(pool); // idempotent
    store = createPostgresStore(pool);
  });

  after(async () => {
    await pool?.end();
    database?.stop();
  });

  it('creates, gets and lists requests newest first, with paging', async () => {
    await store.create(record('a1', '2025-01-01T10:00:00.000Z'));
    await store.create({ ...record('a2', '2025-01-01T10:00:01.000Z'), passwordHash: 'pbkdf2-sha256$…' });
    await store.create(record('a3', '2025-01-01T10:00:02.000Z'));
    assert.deepEqual((await store.list()).map((r) => r.id), ['a3', 'a2', 'a1']);
    assert.deepEqual((await store.list({ limit: 1, offset: 1 })).map((r) => r.id), ['a2']);
    assert.deepEqual(await store.get('a1'), record('a1', '2025-01-01T10:00:00.000Z'));
    assert.equal((await store.get('a2'))?.passwordHash, 'pbkdf2-sha256$…');
    assert.equal(await store.get('missing'), undefined);
    await assert.rejects(store.create(record('a1', '2025-01-01T10:00:03.000Z')));
  });

  it('claims a key once: new, then in progress, then replay; another body is a conflict', async () => {
    assert.deepEqual(await store.claimIdempotencyKey('k1', 'h1', 60_000), { state: 'new' });
    assert.deepEqual(await store.claimIdempotencyKey('k1', 'h1', 60_000), { state: 'in_progress' });
    assert.deepEqual(await store.claimIdempotencyKey('k1', 'h2', 60_000), { state: 'conflict' });
    const response = { status: 201, body: '{"id":"x"}', contentType: 'application/json', location: '/api/account-requests/x' };
    await store.saveIdempotentResponse('k1', response);
    assert.deepEqual(await store.claimIdempotencyKey('k1', 'h1', 60_000), { state: 'replay', response });
    await store.releaseIdempotencyKey('k1'); // completed keys are kept
    assert.equal((await store.claimIdempotencyKey('k1', 'h1', 60_000)).state, 'replay');
  });

  it('frees a released key and lets a stale claim (a crashed process) be taken over', async () => {
    assert.equal((await store.claimIdempotencyKey('k2', 'h1', 60_000)).state, 'new');
    await store.releaseIdempotencyKey('k2');
    assert.equal((await store.claimIdempotencyKey('k2', 'h2', 60_000)).state, 'new');
    // A claim left unfinished by a crash: backdated past the stale limit instead of waiting.
    await pool.query("UPDATE idempotency_keys SET claimed_at = now() - interval '2 minutes' WHERE key = 'k2'");
    assert.equal((await store.claimIdempotencyKey('k2', 'h3', 60_000)).state, 'new');
    assert.equal((await store.claimIdempotencyKey('k2', 'h3', 60_000)).state, 'in_progress');
  });

  it('gives a key to exactly one of 20 concurrent claimers', async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claimIdempotencyKey('k3', 'h', 60_000)));
    assert.equal(claims.filter((claim) => claim.state === 'new').length, 1);
  });

  it('backs the handler: 201, replay, list, config save with If-Match and 412 on a stale ETag', async () => {
    const handler = createAccountRequestHandler({
      ...createPostgresConfigStore(pool),
      store: createPostgresStore(pool),
      basePath: '/api/account-requests',
      authorize: () => true,
    });
    const base = 'http://shop.test/api/account-requests';
    const body = JSON.stringify({
      values: { companyName: 'Atelier Durand', lastName: 'Durand', email: 'paul@example.fr', phone: '05 56 00 00 00', street: '1 quai', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
      confirmed: true,
      locale: 'fr',
    });
    const post = () => handler(new Request(base, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'pg-1' }, body }));
    const first = await post();
    assert.equal(first.status, 201);
    const replay = await post();
    assert.equal(replay.status, 201);
    assert.deepEqual(await replay.json(), await first.json());
    const listed = (await (await handler(new Request(base))).json()) as unknown;
    assert.match(JSON.stringify(listed), /Atelier Durand/);

    const loaded = await handler(new Request(`${base}/config`));
    const etag = loaded.headers.get('ETag') ?? '';
    const config = (await loaded.json()) as { fields: { id: string; displayed: boolean; required: boolean }[] };
    const edited = { ...config, fields: config.fields.map((field) => (field.id === 'fax' ? { ...field, displayed: true, required: true } : field)) };
    const put = (ifMatch: string, body: unknown) =>
      handler(new Request(`${base}/config`, { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': ifMatch }, body: JSON.stringify(body) }));
    assert.equal((await put(etag, edited)).status, 200);
    // The same config again under the old ETag is an already-applied save (200); another one is a conflict.
    assert.equal((await put(etag, edited)).status, 200);
    assert.equal((await put(etag, { ...edited, enabled: false })).status, 412);
    const { rows } = await pool.query<{ config: { fields: { id: string; required: boolean }[] } }>('SELECT config FROM form_config');
    assert.equal(rows[0]?.config.fields.find((field) => field.id === 'fax')?.required, true);
  });
});
