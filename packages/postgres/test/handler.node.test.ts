// The SDK handler on the PostgreSQL stores, two "instances" (two handlers, two pools) on one
// database: what the stores promise, seen through HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccountRequestHandler, createOutbox, type MailMessage } from '@account-request/sdk/server';
import { defaultConfig, updateSettings } from '@account-request/sdk';
import { VALID_VALUES } from '../../sdk/src/server/test-helpers/values.js';
import { createPostgresStores, type PostgresStores } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();
const BASE = 'https://shop.test/api/account-requests';

describe('the handler on @account-request/postgres, two instances', { skip: postgres.skip }, () => {
  const sent: MailMessage[] = [];
  let instances: PostgresStores[] = [];
  let handlers: ((request: Request) => Promise<Response>)[] = [];

  before(async () => {
    const url = await postgres.server!.createDatabase('handler');
    const seedConfig = updateSettings(defaultConfig(), { alertEmail: 'ventes@comptoir.example' });
    instances = await Promise.all([0, 1].map(() => createPostgresStores({ connectionString: url, seedConfig, poolSize: 8 })));
    handlers = instances.map((stores) =>
      createAccountRequestHandler({
        ...stores.config,
        store: stores.store,
        basePath: '/api/account-requests',
        authorize: (request) => request.headers.get('Authorization') === 'Bearer admin',
        rateLimit: { windowMs: 60_000, max: 5, store: stores.rateLimits, key: (request) => request.headers.get('X-Test-Client') ?? 'none' },
        // The mail server is down while the requests come in: every e-mail waits in the outbox.
        notifier: { notify: () => Promise.reject(new Error('SMTP 421: down')) },
      }),
    );
  });
  after(async () => {
    await Promise.all(instances.map((stores) => stores.close()));
    await postgres.server?.stop();
  });

  const submit = (on: number, key: string, client = key, values: Record<string, unknown> = VALID_VALUES) =>
    handlers[on % 2]!(
      new Request(BASE, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Test-Client': client },
        body: JSON.stringify({ values, confirmed: true, locale: 'fr' }),
      }),
    );

  it('answers a retry on the other instance with the first answer, byte for byte', async () => {
    const first = await submit(0, 'retry-1');
    assert.equal(first.status, 201);
    const again = await submit(1, 'retry-1');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await again.text(), await first.text());
  });

  it('creates one request for 30 concurrent POSTs with one key spread over both instances', async () => {
    const before = (await instances[0]!.store.query({ limit: 1, offset: 0 })).total;
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(i, 'burst-1', `client-${i}`)));
    const statuses = responses.map((response) => response.status);
    assert.ok(statuses.every((status) => status === 201 || status === 409), `statuses: ${statuses.join(',')}`);
    const ids = new Set(await Promise.all(responses.filter((r) => r.status === 201).map(async (r) => ((await r.json()) as { id: string }).id)));
    assert.equal(ids.size, 1);
    assert.equal((await instances[1]!.store.query({ limit: 1, offset: 0 })).total, before + 1);
  });

  it('holds a limit of 5 per client across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await submit(i, `limited-${i}`, 'same-client')).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it('sends each e-mail once with an outbox worker on each instance', async () => {
    // An hour later (past the retry wait), the mail server is back and both instances' workers run at once.
    const later = () => new Date(Date.now() + 60 * 60 * 1000);
    const outboxes = instances.map((stores) => createOutbox({ store: stores.store, now: later, notifier: { notify: async (message) => void sent.push(message) } }));
    // The handlers' own first attempts run in the background after each 201: wait until all failed.
    let pending = await instances[0]!.store.listNotifications({ state: 'pending', limit: 1000, offset: 0 });
    for (let waited = 0; pending.items.some((item) => item.attempts === 0) && waited < 100; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      pending = await instances[0]!.store.listNotifications({ state: 'pending', limit: 1000, offset: 0 });
    }
    assert.equal(pending.total, 2 * 7, 'confirmation and alert of each of the 7 requests');
    for (let round = 0; round < 10; round += 1) await Promise.all(outboxes.flatMap((outbox) => [outbox.deliver({ limit: 3 }), outbox.deliver({ limit: 3 })]));
    assert.equal(sent.length, pending.total);
    assert.equal(new Set(sent.map((message) => message.id)).size, sent.length, 'messages sent twice');
    assert.equal((await instances[1]!.store.listNotifications({ state: 'pending', limit: 1, offset: 0 })).total, 0);
  });

  it('refuses a stale config save made through the other instance (412)', async () => {
    const loaded = await handlers[0]!(new Request(`${BASE}/config`));
    const etag = loaded.headers.get('ETag') ?? '';
    const config = await loaded.json();
    const put = (on: number, body: unknown) =>
      handlers[on]!(new Request(`${BASE}/config`, { method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer admin', 'If-Match': etag }, body: JSON.stringify(body) }));
    const saved = await put(0, updateSettings(config, { alertEmail: 'achats@comptoir.example' }));
    assert.equal(saved.status, 200);
    const served = await handlers[1]!(new Request(`${BASE}/config`));
    assert.equal(served.headers.get('ETag'), saved.headers.get('ETag'));
    assert.equal((await put(1, updateSettings(config, { alertEmail: 'autre@comptoir.example' }))).status, 412);
  });
});
