// The processing API's arbitrary requests (processing-requests.ts) at the SDK handler on the
// PostgreSQL stores. A real database refuses what the memory and SQLite stores take (a NUL in a
// query, an out-of-range number): whatever reaches it must be checked first, so here not even a
// 503 may answer, the database being up.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createAccountRequestHandler, type MailMessage } from '@account-request/sdk/server';
import { createPostgresStores, type PostgresStores } from '../../packages/postgres/src/index.js';
import { postgresForTests } from '../test-helpers/postgres.js';
import { apiRequests, BASE, ORIGIN, seedWorld, sendChecked, type World } from './processing-requests.js';
import { fuzzParameters } from './settings.js';

const postgres = await postgresForTests();
const ADMIN = 'Bearer fuzz-admin';

describe('fuzz: the processing API on PostgreSQL', { skip: postgres.skip }, () => {
  let stores: PostgresStores | undefined;
  let world: World;
  before(async () => {
    const url = await postgres.server!.createDatabase('fuzz');
    stores = await createPostgresStores({ connectionString: url, poolSize: 4 });
    const sent: MailMessage[] = [];
    const handler = createAccountRequestHandler({
      ...stores.config,
      store: stores.store,
      basePath: BASE,
      authorize: (request) => request.headers.get('Authorization') === ADMIN,
      notifier: { notify: (message) => void sent.push(message) },
      activationUrl: (token) => `${ORIGIN}/activation/${token}`,
      informationUrl: (token) => `${ORIGIN}/information/${token}`,
      invitationUrl: (token) => `${ORIGIN}/invitation/${token}`,
      // PBKDF2 at full strength would make each activation take a second; hashing is not under test.
      hashPassword: async (password) => `test$${password.length}`,
    });
    world = await seedWorld(handler, ADMIN, sent);
  });
  after(async () => {
    await stores?.close();
    await postgres.server?.stop();
  });

  test('never a 500 nor a 503, errors as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(apiRequests(world), { minLength: 1, maxLength: 4 }), async (requests) => {
        for (const parts of requests) await sendChecked(world, parts, { problems: true, storeMayFail: false });
      }),
      fuzzParameters(300),
    );
    const list = await world.fetch(new Request(`${ORIGIN}${BASE}?limit=200`, { headers: { Authorization: ADMIN } }));
    assert.equal(list.status, 200);
    assert.ok(((await list.json()) as unknown[]).length >= 4, 'the requests are still listed');
  });
});
