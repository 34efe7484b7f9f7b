// The crash scenario of issue 10 (packages/sdk/src/server/test-helpers/crash-retry.ts) on
// PostgreSQL: the dead process's pool is ended without writing, and a new one opened, as a
// restarted (or another) server instance would.
import { after, before, test } from 'node:test';
import type { RequestStore } from '@account-request/sdk/server';
import { checkCrashRetry } from '@account-request/sdk/store-conformance';
import { createPostgresStores, type PostgresStores } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();
let url = '';
before(async () => {
  if (postgres.server) url = await postgres.server.createDatabase('crash');
});
after(() => postgres.server?.stop());

test('PostgreSQL stores: a submission cut by a crash, after or before its commit, is stored once when retried', { skip: postgres.skip }, async (t) => {
  const opened = new Map<RequestStore, PostgresStores>();
  const open = async (): Promise<RequestStore> => {
    const stores = await createPostgresStores({ connectionString: url, poolSize: 4 });
    opened.set(stores.store, stores);
    return stores.store;
  };
  const report = await checkCrashRetry(
    {
      open,
      async reopen(crashed) {
        await opened.get(crashed)?.close();
        return open();
      },
      close: (store) => opened.get(store)?.close(),
    },
    { leaseMs: 300 },
  );
  t.diagnostic(`retry answered ${Math.round(report.afterCommitMs)} ms (cut after the commit) and ${Math.round(report.beforeCommitMs)} ms (cut before it) after the restart`);
});
