import type { Pool, PoolClient, QueryConfig } from 'pg';
import { connectionLost } from './database.js';

/** One schema step: applied once, in its own transaction, recorded in `schema_migrations`. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The schema, one step per version. Never edit a shipped step: add the next one.
 *
 * Step 1 is the schema of the former `examples/postgres-store` (hence `IF NOT EXISTS`), so a
 * database made by that example upgrades in place.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'requests, idempotency keys, config',
    sql: `
      CREATE TABLE IF NOT EXISTS account_requests (
        seq           bigserial PRIMARY KEY,
        id            text NOT NULL UNIQUE,
        created_at    timestamptz NOT NULL,
        field_values  jsonb NOT NULL,
        password_hash text,
        locale        text NOT NULL,
        access        text NOT NULL,
        status        text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        key        text PRIMARY KEY,
        body_hash  text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        response   jsonb
      );
      CREATE TABLE IF NOT EXISTS form_config (
        name   text PRIMARY KEY,
        config jsonb NOT NULL,
        etag   text NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'processing, activation tokens, outbox, leases, rate limits',
    // json, not jsonb, for the values and the config: json keeps the text as written, so the
    // fields come back in the order they were submitted (jsonb reorders keys).
    sql: `
      ALTER TABLE account_requests
        ALTER COLUMN field_values TYPE json USING field_values::json,
        ADD COLUMN in_account   boolean NOT NULL DEFAULT false,
        ADD COLUMN note         text NOT NULL DEFAULT '',
        ADD COLUMN history      json NOT NULL DEFAULT '[]',
        ADD COLUMN version      integer NOT NULL DEFAULT 1,
        ADD COLUMN activated_at timestamptz,
        ADD COLUMN search_text  text,
        ADD COLUMN company_key  text;
      UPDATE account_requests SET status = 'new' WHERE status = 'pending';
      CREATE INDEX account_requests_created_at ON account_requests (created_at);
      CREATE INDEX account_requests_status ON account_requests (status, created_at);
      -- Rows written before the search columns existed, for the start-up backfill to find at once.
      CREATE INDEX account_requests_unsearchable ON account_requests (seq) WHERE search_text IS NULL;

      ALTER TABLE idempotency_keys
        ALTER COLUMN claimed_at DROP DEFAULT,
        ADD COLUMN lease_until timestamptz NOT NULL DEFAULT 'epoch';
      CREATE INDEX idempotency_keys_claimed_at ON idempotency_keys (claimed_at);

      ALTER TABLE form_config
        ALTER COLUMN config TYPE json USING config::json,
        ADD COLUMN revision   integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      CREATE TABLE activation_tokens (
        hash        text PRIMARY KEY,
        request_id  text NOT NULL REFERENCES account_requests (id),
        created_at  timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        replaced_at timestamptz
      );
      CREATE INDEX activation_tokens_request ON activation_tokens (request_id);

      CREATE TABLE notifications (
        seq             bigserial PRIMARY KEY,
        id              text NOT NULL UNIQUE,
        dedupe_key      text NOT NULL UNIQUE,
        request_id      text NOT NULL,
        kind            text NOT NULL,
        recipient       text NOT NULL,
        subject         text NOT NULL,
        text_body       text NOT NULL,
        html_body       text NOT NULL,
        state           text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        last_error      text,
        created_at      timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        locked_until    timestamptz,
        sent_at         timestamptz
      );
      CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE state = 'pending';
      CREATE INDEX notifications_request ON notifications (request_id);
      CREATE INDEX notifications_created ON notifications (created_at, seq);

      CREATE TABLE rate_limits (
        key      text PRIMARY KEY,
        count    integer NOT NULL,
        reset_at timestamptz NOT NULL
      );
      CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);`,
  },
  {
    version: 3,
    name: 'webhook endpoints and deliveries',
    sql: `
      CREATE TABLE webhook_endpoints (
        seq             bigserial PRIMARY KEY,
        id              text NOT NULL UNIQUE,
        url             text NOT NULL,
        secrets         json NOT NULL,
        created_at      timestamptz NOT NULL,
        disabled_at     timestamptz,
        disabled_reason text
      );

      CREATE TABLE webhook_deliveries (
        seq             bigserial PRIMARY KEY,
        id              text NOT NULL UNIQUE,
        endpoint_id     text NOT NULL,
        type            text NOT NULL,
        request_id      text,
        body            text NOT NULL,
        state           text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        created_at      timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        locked_until    timestamptz,
        last_attempt_at timestamptz,
        last_status     integer,
        last_response   text,
        last_error      text,
        delivered_at    timestamptz
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
      CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at, seq);
      CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at, seq);`,
  },
  {
    version: 4,
    name: 'checks of requests (VIES, register)',
    sql: `
      ALTER TABLE account_requests ADD COLUMN vat_check json;
      ALTER TABLE account_requests ADD COLUMN siret_check json;

      CREATE TABLE check_jobs (
        request_id      text NOT NULL,
        kind            text NOT NULL,
        state           text NOT NULL,
        attempts        integer NOT NULL DEFAULT 0,
        created_at      timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        locked_until    timestamptz,
        last_error      text,
        PRIMARY KEY (request_id, kind)
      );
      CREATE INDEX check_jobs_due ON check_jobs (next_attempt_at) WHERE state = 'pending';`,
  },
  {
    version: 5,
    name: 'files sent with requests',
    sql: `
      ALTER TABLE account_requests ADD COLUMN files json;

      CREATE TABLE request_files (
        request_id text NOT NULL REFERENCES account_requests (id) ON DELETE CASCADE,
        id         text NOT NULL,
        position   integer NOT NULL,
        field      text NOT NULL,
        name       text NOT NULL,
        type       text NOT NULL,
        size       integer NOT NULL,
        bytes      bytea NOT NULL,
        PRIMARY KEY (request_id, id)
      );`,
  },
  {
    version: 6,
    name: 'decision step: consents, invitations, information links, erasure',
    sql: `
      ALTER TABLE account_requests
        ADD COLUMN consents      json,
        ADD COLUMN invitation_id text,
        ADD COLUMN erased_at     timestamptz;

      CREATE TABLE information_tokens (
        hash        text PRIMARY KEY,
        request_id  text NOT NULL REFERENCES account_requests (id),
        message     text NOT NULL,
        created_at  timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        replaced_at timestamptz
      );
      CREATE INDEX information_tokens_request ON information_tokens (request_id);

      CREATE TABLE invitations (
        seq          bigserial PRIMARY KEY,
        id           text NOT NULL UNIQUE,
        hash         text NOT NULL UNIQUE,
        email        text NOT NULL,
        company_name text,
        field_values json NOT NULL,
        locale       text NOT NULL,
        created_at   timestamptz NOT NULL,
        created_by   text NOT NULL,
        expires_at   timestamptz NOT NULL,
        sent_at      timestamptz NOT NULL,
        used_at      timestamptz,
        request_id   text,
        revoked_at   timestamptz
      );
      CREATE INDEX invitations_created ON invitations (created_at, seq);
      CREATE INDEX invitations_request ON invitations (request_id);`,
  },
];

/**
 * The advisory lock instances starting together take in turn. Transaction-scoped, taken again
 * by each step's transaction and released by its COMMIT or ROLLBACK: it works through a pooler
 * in transaction mode (PgBouncer), where a session-level lock could stay on a server connection
 * another client then gets.
 */
const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('@account-request/postgres migrations', 0))";

/**
 * The client-side bound of a migration step and of the wait for another instance's steps:
 * longer than the stores' query timeout, since a step may rewrite a large table.
 */
export const MIGRATION_QUERY_TIMEOUT_MS = 10 * 60_000;

// node-postgres reads `query_timeout` from a query's config too (its types leave it out).
const longQuery = (text: string): QueryConfig => ({ text, query_timeout: MIGRATION_QUERY_TIMEOUT_MS }) as QueryConfig;

async function appliedVersion(client: PoolClient): Promise<number> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/** What {@link migrate} did. */
export interface MigrationReport {
  /** The schema version before. */
  readonly from: number;
  /** The schema version now. */
  readonly to: number;
}

/**
 * Brings the schema up to date: each missing step in its own transaction, recorded in
 * `schema_migrations`. Each transaction takes an advisory lock first and reads the version
 * under it, so instances that start together take turns and every step runs once. A database
 * newer than `migrations` (a newer version of this package ran on it) is refused rather than used.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const latest = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  let broken = true;
  try {
    let from: number | undefined;
    for (;;) {
      await client.query('BEGIN');
      let step: Migration | undefined;
      try {
        await client.query(longQuery(LOCK_SQL));
        const current = await appliedVersion(client);
        from ??= current;
        if (current > latest) throw new Error(`The database schema (version ${current}) is newer than this version of @account-request/postgres knows (${latest}).`);
        step = migrations.find((migration) => migration.version > current);
        if (step) {
          await client.query(longQuery(step.sql));
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
        }
        await client.query('COMMIT');
      } catch (error) {
        // A timed-out or lost connection is thrown away (released broken), not rolled back.
        if (!connectionLost(error)) {
          await client.query('ROLLBACK');
          broken = false;
        }
        throw step ? new Error(`Migration ${step.version} (${step.name}) failed: ${(error as Error).message}`, { cause: error }) : error;
      }
      if (!step) {
        broken = false;
        return { from, to: Math.max(from, latest) };
      }
    }
  } finally {
    // A connection that failed mid-way may be in an unknown state: do not give it back.
    client.release(broken);
  }
}
