/**
 * `@account-request/postgres`: every store of `@account-request/sdk/server` on PostgreSQL
 * (node-postgres), with versioned migrations, safe with many server instances on one database.
 */
export { createPostgresStores, POOL_DEFAULTS, type PoolBounds, type PostgresConnection, type PostgresStores, type PostgresStoresOptions } from './stores.js';
export { migrate, MIGRATIONS, type Migration, type MigrationReport } from './migrations.js';
export type { PostgresConfigStore } from './config-store.js';
export { IdempotencyAnswerTaken } from './requests.js';
