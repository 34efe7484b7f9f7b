// The store conformance suite on PostgreSQL: a throwaway cluster (see test/test-helpers/postgres.ts),
// one database, emptied before each case; the cross-instance cases open a second pool on it.
import { after, before, describe, it } from 'node:test';
import { describeStoreConformance } from '../../sdk/src/store-conformance/index.js';
import { createPostgresStores, type PostgresStores } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();

const TABLES = 'account_requests, idempotency_keys, form_config, activation_tokens, notifications, rate_limits, webhook_endpoints, webhook_deliveries, check_jobs, information_tokens, invitations';

function asTarget(stores: PostgresStores) {
  return { store: stores.store, rateLimits: stores.rateLimits, config: stores.config, close: () => stores.close() };
}

describe('@account-request/postgres', { skip: postgres.skip }, () => {
  let url = '';
  before(async () => {
    url = await postgres.server!.createDatabase('conformance');
  });
  after(() => postgres.server?.stop());

  describeStoreConformance({ describe, it }, 'PostgreSQL', {
    async open(now) {
      const stores = await createPostgresStores({ connectionString: url, now, poolSize: 12 });
      await stores.pool.query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
      return asTarget(stores);
    },
    async openPeer(_first, now) {
      return asTarget(await createPostgresStores({ connectionString: url, now, poolSize: 12 }));
    },
  });
});
