// The processing API's arbitrary requests (processing-requests.ts) at the SDK handler on the
// PostgreSQL stores, and the demo site's pages on PostgreSQL (DATABASE_URL). A real database
// refuses what the memory and SQLite stores take (a NUL in a query, year 0): whatever reaches it
// must be checked first, so here not even a 503 may answer, the database being up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createAccountRequestHandler, type MailMessage, type ProcessingStore } from '@account-request/sdk/server';
import { createPostgresStores, type PostgresStores } from '../../packages/postgres/src/index.js';
import { createDemoApp, type DemoApp } from '../../packages/demo-server/src/app.js';
import { stubAssetPaths } from '../../packages/demo-server/src/test-helpers/assets.js';
import { postgresForTests } from '../test-helpers/postgres.js';
import { apiRequests, assertStillListed, BASE, fuzzRequests, ORIGIN, pageRequests, seedWorld, type World } from './processing-requests.js';

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
  });

  test('never a 500 nor a 503, errors as problem+json', async () => {
    await fuzzRequests(world, apiRequests(world), { problems: true, storeMayFail: false }, 300);
    await assertStillListed(world);
  });
});

describe('fuzz: the demo site\'s pages on PostgreSQL', { skip: postgres.skip }, () => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-postgres-demo-'));
  const password = 'fuzz-postgres-password';
  let app: DemoApp<ProcessingStore> | undefined;
  let world: World;
  before(async () => {
    const sent: MailMessage[] = [];
    const databaseUrl = await postgres.server!.createDatabase('fuzz_demo');
    const demo = await createDemoApp({ dataDir: join(root, 'data'), databaseUrl, adminPassword: password, rateLimit: false, retryIntervalMs: 3_600_000, retentionIntervalMs: 3_600_000, notifier: { notify: (message) => void sent.push(message) }, assets: stubAssetPaths(root) });
    app = demo;
    world = await seedWorld(demo.fetch, `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`, sent);
  });
  after(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
    await postgres.server?.stop();
  });

  test('never a 500 nor a 503, whatever the forms and links are sent', async () => {
    await fuzzRequests(world, pageRequests(world), { problems: false, storeMayFail: false }, 200);
  });
});
