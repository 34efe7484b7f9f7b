// The example against a real PostgreSQL (a throwaway cluster: test/test-helpers/postgres.ts), two
// instances on one database.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MailMessage } from '@account-request/sdk/server';
import { postgresForTests } from '../../test/test-helpers/postgres.js';
import { startPostgresExample, type PostgresExample } from './server.js';

const postgres = await postgresForTests();
const VALUES = { companyName: 'Atelier Durand', lastName: 'Durand', email: 'paul@durand.example', phone: '05 56 00 00 00', street: '1 quai des Chartrons', postalCode: '33000', city: 'Bordeaux', country: 'FR' };

describe('examples/postgres-store', { skip: postgres.skip }, () => {
  const sent: MailMessage[] = [];
  let instances: PostgresExample[] = [];

  before(async () => {
    const databaseUrl = await postgres.server!.createDatabase('example');
    const notifier = { notify: async (message: MailMessage) => void sent.push(message) };
    instances = await Promise.all([0, 1].map(() => startPostgresExample({ databaseUrl, notifier, adminToken: 'secret' })));
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
    await postgres.server?.stop();
  });

  it('stores a submission, replays it from the other instance and lists it', async () => {
    const post = (url: string) =>
      fetch(`${url}/api/account-requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'example-1' },
        body: JSON.stringify({ values: VALUES, confirmed: true, locale: 'fr' }),
      });
    const first = await post(instances[0]!.url);
    assert.equal(first.status, 201);
    const again = await post(instances[1]!.url);
    assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await again.json(), await first.json());
    const listed = await fetch(`${instances[1]!.url}/api/account-requests`, { headers: { Authorization: 'Bearer secret' } });
    assert.match(await listed.text(), /Atelier Durand/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(sent.map((message) => message.to), ['paul@durand.example']);
  });
});
