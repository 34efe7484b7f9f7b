// Erasure on PostgreSQL: after a request went through everything (invitation, consent, request
// for information and correction, acceptance, webhooks) and was erased, no text the applicant
// typed is left in any column of any table of the schema.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ERASED_TEXTS, eraseThroughRoute, livedRequest } from '../../sdk/src/server/test-helpers/personal-data.js';
import { createPostgresStores, type PostgresStores } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();

/** Every value of every column of every table of the public schema, as text (bytea decoded as UTF-8). */
async function found(stores: PostgresStores): Promise<string[]> {
  const { rows: tables } = await stores.pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  const hits: string[] = [];
  for (const { table_name: table } of tables) {
    const { rows } = await stores.pool.query<Record<string, unknown>>(`SELECT * FROM "${table.replaceAll('"', '""')}"`);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const text = Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'object' && value !== null && !(value instanceof Date) ? JSON.stringify(value) : String(value);
        for (const typed of ERASED_TEXTS) if (text.includes(typed)) hits.push(`${table}.${column}: ${typed}`);
      }
    }
  }
  return hits;
}

describe('@account-request/postgres erasure', { skip: postgres.skip }, () => {
  let stores: PostgresStores;
  before(async () => {
    stores = await createPostgresStores({ connectionString: await postgres.server!.createDatabase('erasure') });
  });
  after(async () => {
    await stores?.close();
    await postgres.server?.stop();
  });

  it('leaves no personal value in any table or column', async () => {
    const { handler, id } = await livedRequest(stores.store);
    const before = await found(stores);
    for (const table of ['account_requests', 'notifications', 'invitations', 'webhook_deliveries']) assert.ok(before.some((hit) => hit.startsWith(`${table}.`)), `the scan finds the values in ${table} before`);
    await eraseThroughRoute(handler, id);
    assert.deepEqual(await found(stores), []);
  });
});
