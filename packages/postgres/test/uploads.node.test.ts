// The upload scenarios of the SDK (files stored and downloaded byte for byte, refusals that leave
// nothing, replays that store nothing twice) through the handler on the PostgreSQL stores, on a
// throwaway cluster; each case starts from empty tables.
import { after, before, describe } from 'node:test';
import { uploadCases } from '../../sdk/src/server/test-helpers/upload-cases.js';
import { createPostgresStores } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();

describe('@account-request/postgres uploads', { skip: postgres.skip }, () => {
  let url = '';
  before(async () => {
    url = await postgres.server!.createDatabase('uploads');
  });
  after(() => postgres.server?.stop());

  uploadCases('PostgreSQL', async () => {
    const stores = await createPostgresStores({ connectionString: url, poolSize: 4 });
    await stores.pool.query('TRUNCATE account_requests, idempotency_keys RESTART IDENTITY CASCADE');
    return { store: stores.store, close: () => stores.close() };
  });
});
