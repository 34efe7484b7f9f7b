// Start-up of the PostgreSQL stores: migrations (once across instances, upgrade of the former
// example's schema, refusal of a newer schema) and who owns the pool.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { defaultConfig, parseConfig, setRequired } from '@account-request/sdk';
import { computeConfigEtag } from '@account-request/sdk/server';
import { createPostgresStores, MIGRATIONS } from '../src/index.js';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';

const postgres = await postgresForTests();

describe('@account-request/postgres start-up', { skip: postgres.skip }, () => {
  after(() => postgres.server?.stop());
  const fresh = (prefix: string) => postgres.server!.createDatabase(prefix);

  it('migrates once when five instances start together on an empty database', async () => {
    const url = await fresh('together');
    const all = await Promise.all(Array.from({ length: 5 }, () => createPostgresStores({ connectionString: url, poolSize: 2 })));
    try {
      const latest = MIGRATIONS.at(-1)!.version;
      assert.deepEqual(all.map((stores) => stores.migration?.to), Array(5).fill(latest));
      assert.equal(all.filter((stores) => stores.migration?.from === 0).length, 1, 'instances that ran the migrations');
      const { rows } = await all[0]!.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((row) => row.version), MIGRATIONS.map((migration) => migration.version));
    } finally {
      await Promise.all(all.map((stores) => stores.close()));
    }
  });

  it('upgrades a database made by the former examples/postgres-store, data included', async () => {
    const url = await fresh('upgrade');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      // The former example's schema (migration 1) and rows as it wrote them.
      await pool.query(MIGRATIONS[0]!.sql);
      await pool.query(
        `INSERT INTO account_requests (id, created_at, field_values, password_hash, locale, access, status)
         VALUES ('old-1', '2025-01-01T10:00:00Z', '{"companyName":"Société Ancienne","email":"a@example.fr"}', NULL, 'fr', 'full', 'pending')`,
      );
      const config = setRequired(defaultConfig(), 'fax', true);
      await pool.query(`INSERT INTO form_config (name, config, etag) VALUES ('default', $1, '"etag-of-the-example"')`, [JSON.stringify(config)]);

      const stores = await createPostgresStores({ pool });
      assert.deepEqual(stores.migration, { from: 0, to: MIGRATIONS.at(-1)!.version });
      const record = await stores.store.get('old-1');
      assert.equal(record?.status, 'new');
      assert.equal(record?.version, 1);
      const found = await stores.store.query({ q: 'societe ancienne', limit: 10, offset: 0 });
      assert.deepEqual(found.items.map((item) => item.id), ['old-1'], 'found by the backfilled search text');
      // The stored ETag was recomputed: an admin who loads the config can save it.
      const loaded = parseConfig(await stores.config.loadConfig());
      assert.deepEqual(loaded, parseConfig(config));
      const next = setRequired(loaded, 'mobile', true);
      assert.equal(await stores.config.saveConfig(next, { ifMatch: await computeConfigEtag(loaded), etag: await computeConfigEtag(next) }), true);
      await stores.close();
      // A pool given by the caller stays open.
      assert.equal((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one, 1);
    } finally {
      await pool.end();
    }
  });

  it('refuses a database migrated by a newer version', async () => {
    const url = await fresh('newer');
    const first = await createPostgresStores({ connectionString: url });
    await first.pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    await first.close();
    await assert.rejects(createPostgresStores({ connectionString: url }), /schema \(version 999\) is newer/);
  });

  it('answers ping() while the database is up, and rejects once the pool is closed', async () => {
    const stores = await createPostgresStores({ connectionString: await fresh('ping') });
    await stores.ping();
    await stores.close();
    await assert.rejects(stores.ping());
  });

  it('seeds the config once: a later start with another seed keeps the stored one', async () => {
    const url = await fresh('seed');
    const seed = setRequired(defaultConfig(), 'fax', true);
    const first = await createPostgresStores({ connectionString: url, seedConfig: seed });
    assert.deepEqual(parseConfig(await first.config.loadConfig()), parseConfig(seed));
    await first.close();
    const second = await createPostgresStores({ connectionString: url, seedConfig: defaultConfig() });
    assert.deepEqual(parseConfig(await second.config.loadConfig()), parseConfig(seed));
    await second.close();
  });
});
