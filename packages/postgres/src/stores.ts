import type { FormConfig } from '@account-request/sdk';
import { companyKey, searchText, type AccountRequestRecord, type CheckStore, type DecisionStore, type FileStore, type RateLimitStore, type WebhookStore } from '@account-request/sdk/server';
import pg from 'pg';
import { openPostgresConfig, type PostgresConfigStore } from './config-store.js';
import { boundTransactions, type Database } from './database.js';
import { createPostgresIdempotency } from './idempotency.js';
import { migrate, type MigrationReport } from './migrations.js';
import { createPostgresOutbox } from './outbox.js';
import { createPostgresRateLimits } from './rate-limit.js';
import { createPostgresRequests } from './requests.js';
import { createPostgresTokens } from './tokens.js';
import { createPostgresWebhooks } from './webhooks.js';
import { createPostgresChecks } from './checks.js';
import { createPostgresDecisions } from './decisions.js';
import { createPostgresFiles } from './files.js';

/** Where the stores connect: a pool you own, or a connection string the stores make a pool of. */
export type PostgresConnection =
  /** Your pool: {@link PostgresStores.close} leaves it open. */
  | { readonly pool: pg.Pool; readonly connectionString?: never }
  /** `postgres://user:password@host:5432/database`; the stores own the pool and `close()` ends it. */
  | ({ readonly connectionString: string; readonly pool?: never; readonly poolSize?: number } & PoolBounds);

/**
 * How long the pool the stores make waits for the database (not applied to a pool you give).
 * Without them, a connection that goes silent (a failover, a dropped NAT or firewall entry, a
 * network partition: no reset ever arrives) holds its query, and the request waiting on it,
 * forever; with them, the query fails (the handler answers `503` with `Retry-After`), the
 * connection is thrown away and the next one is opened afresh.
 */
export interface PoolBounds {
  /** Wait for a connection: opening one (TCP and start-up) or a free one of a full pool; default 10 s. Also bounds start-up against a database that never answers. */
  readonly connectTimeoutMs?: number;
  /**
   * Wait for the answer to each query (the client's `query_timeout`), after which the connection
   * is discarded; default 30 s. In a transaction the server gets the same bound
   * (`statement_timeout`, `SET LOCAL`), and a transaction left idle that long is ended by the
   * server (`idle_in_transaction_session_timeout`), freeing the row locks of a client gone
   * silent. Migration steps get 10 minutes.
   */
  readonly queryTimeoutMs?: number;
  /** TCP keep-alive on every connection, first probe after this idle time; default 10 s. `0` turns keep-alive off. */
  readonly keepAliveMs?: number;
  /** Close a connection idle in the pool this long; default 10 s (node-postgres's). */
  readonly idleTimeoutMs?: number;
}

/** The defaults of {@link PoolBounds}. */
export const POOL_DEFAULTS = { connectTimeoutMs: 10_000, queryTimeoutMs: 30_000, keepAliveMs: 10_000, idleTimeoutMs: 10_000 } as const satisfies Required<PoolBounds>;

function makePool(options: { readonly connectionString: string; readonly poolSize?: number } & PoolBounds): pg.Pool {
  const bound = (value: number | undefined, fallback: number, name: string): number => {
    const ms = value ?? fallback;
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${name} must be a number of milliseconds, 0 or more (got ${String(value)}).`);
    return ms;
  };
  const connectTimeoutMs = bound(options.connectTimeoutMs, POOL_DEFAULTS.connectTimeoutMs, 'connectTimeoutMs');
  const queryTimeoutMs = bound(options.queryTimeoutMs, POOL_DEFAULTS.queryTimeoutMs, 'queryTimeoutMs');
  const keepAliveMs = bound(options.keepAliveMs, POOL_DEFAULTS.keepAliveMs, 'keepAliveMs');
  const idleTimeoutMs = bound(options.idleTimeoutMs, POOL_DEFAULTS.idleTimeoutMs, 'idleTimeoutMs');
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    ...(options.poolSize !== undefined ? { max: options.poolSize } : {}),
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: queryTimeoutMs,
    keepAlive: keepAliveMs > 0,
    keepAliveInitialDelayMillis: keepAliveMs,
    idleTimeoutMillis: idleTimeoutMs,
  });
  if (queryTimeoutMs > 0) boundTransactions(pool, queryTimeoutMs, queryTimeoutMs);
  return pool;
}

/** Options of {@link createPostgresStores}. */
export type PostgresStoresOptions = PostgresConnection & {
  /** How long a completed idempotency key is replayed; default 24 hours. */
  readonly idempotencyTtlMs?: number;
  /** The row of `form_config` this form uses; default `default`. */
  readonly configName?: string;
  /** The config stored on first start (when the row does not exist); without it the default config is served until a first save. */
  readonly seedConfig?: FormConfig;
  /** Run the migrations at start-up; default `true`. Turn off to run {@link migrate} yourself (a release step). */
  readonly migrate?: boolean;
  /**
   * Clock in milliseconds of idempotency leases and TTLs (the handler passes its own times to
   * the rest). Default `Date.now`: keep the instances' clocks in sync (NTP).
   */
  readonly now?: () => number;
  /** Errors of idle pooled connections (a server restart); default: printed with `console.error`. Only for a pool the stores make. */
  readonly onPoolError?: (error: Error) => void;
};

/** Every store the handler takes, on one PostgreSQL database. */
export interface PostgresStores {
  /** The handler's `store`: requests, idempotency keys, processing, activation tokens, outbox, webhooks, checks, files. */
  readonly store: CheckStore & DecisionStore & WebhookStore & FileStore;
  /** The handler's `loadConfig` and `saveConfig` (spread it into the options). */
  readonly config: PostgresConfigStore;
  /** The handler's `rateLimit.store`: counts across every instance on the database. */
  readonly rateLimits: RateLimitStore;
  readonly pool: pg.Pool;
  /** What the start-up migration did (`from === to` when there was nothing to do). */
  readonly migration: MigrationReport | undefined;
  /** Resolves when the database answers a query (a readiness probe); rejects otherwise. */
  ping(): Promise<void>;
  /** Ends the pool when the stores made it; a pool you gave stays open. */
  close(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Rows written before the search columns existed (the former example's schema) get them here,
// once: SQL cannot fold text the way the SDK does.
async function backfillSearchColumns(pool: pg.Pool): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ id: string; field_values: AccountRequestRecord['values'] }>(
      'SELECT id, field_values FROM account_requests WHERE search_text IS NULL ORDER BY seq LIMIT 500',
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      const record = { values: row.field_values };
      await pool.query('UPDATE account_requests SET search_text = $2, company_key = $3 WHERE id = $1', [row.id, searchText(record), companyKey(record)]);
    }
  }
}

/**
 * Connects to PostgreSQL, brings the schema up to date (versioned migrations, one instance at a
 * time) and returns every store the handler and its processing features take. Safe with many
 * instances on one database: one request per `Idempotency-Key`, atomic version checks, an
 * outbox each e-mail of which one worker claims, rate limits counted across instances and
 * config saves that race to one winner.
 */
export async function createPostgresStores(options: PostgresStoresOptions): Promise<PostgresStores> {
  const owned = options.pool === undefined;
  const pool = options.pool ?? makePool(options);
  if (owned) {
    // Without a listener, an idle connection dropped by the server would crash the process.
    const onError = options.onPoolError ?? ((error: Error) => console.error(`PostgreSQL pool: ${error.message}`));
    pool.on('error', onError);
  }
  try {
    const migration = options.migrate === false ? undefined : await migrate(pool);
    await backfillSearchColumns(pool);
    const db: Database = { pool, now: options.now ?? Date.now };
    const config = await openPostgresConfig(db, options.configName ?? 'default', options.seedConfig);
    const store: CheckStore & DecisionStore & WebhookStore & FileStore = {
      ...createPostgresRequests(db),
      ...createPostgresIdempotency(db, options.idempotencyTtlMs ?? DAY_MS),
      ...createPostgresTokens(db),
      ...createPostgresOutbox(db),
      ...createPostgresWebhooks(db),
      ...createPostgresChecks(db),
      ...createPostgresDecisions(db),
      ...createPostgresFiles(db),
    };
    let closed = false;
    return {
      store,
      config,
      rateLimits: createPostgresRateLimits(db),
      pool,
      migration,
      async ping() {
        await pool.query('SELECT 1');
      },
      async close() {
        if (closed || !owned) return;
        closed = true;
        await pool.end();
      },
    };
  } catch (error) {
    if (owned) await pool.end().catch(() => undefined);
    throw error;
  }
}
