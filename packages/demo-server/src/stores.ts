import { join } from 'node:path';
import type { FormConfig } from '@account-request/sdk';
import type { LoadConfig, ProcessingStore, RateLimitStore, SaveConfig } from '@account-request/sdk/server';
import { createPostgresStores } from '@account-request/postgres';
import { openSqliteConfigStore } from './config-store.js';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';

/** Name of the SQLite file inside the data folder. */
export const DATABASE_FILE = 'account-requests.sqlite';

/** Where the demo keeps its data, as {@link openDemoStores} opened it. */
export interface DemoStores<S extends ProcessingStore = ProcessingStore> {
  readonly kind: 'sqlite' | 'postgres';
  readonly store: S;
  readonly config: { readonly loadConfig: LoadConfig; readonly saveConfig: SaveConfig };
  /**
   * The rate-limit counters every instance shares (PostgreSQL). Absent on SQLite, where the
   * handler counts in memory: one process, and no write (no fsync) per submission.
   */
  readonly rateLimits?: RateLimitStore;
  close(): Promise<void>;
}

/** The database of `DATABASE_URL` could not be opened at start-up: its message is one line naming it and why. */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

/** `host:port/database` of a connection string: never its password. */
export function databaseLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
  } catch {
    return 'DATABASE_URL';
  }
}

const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (is the server running, and on this port?)',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
};

/** Why the database could not be opened, in one line (node-postgres's and Node's errors vary in shape). */
export function databaseReason(error: unknown): string {
  const value = error as { code?: unknown; message?: unknown; errors?: unknown } | undefined;
  const code = typeof value?.code === 'string' ? value.code : undefined;
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code]!;
  // Node reports an address tried over IPv4 and IPv6 as an AggregateError with an empty message.
  if (Array.isArray(value?.errors) && value.errors.length > 0) return databaseReason(value.errors[0]);
  const message = typeof value?.message === 'string' && value.message !== '' ? value.message : String(error);
  if (/timeout/i.test(message) && /connect/i.test(message)) return 'no answer: the connection timed out (does this address lead to a PostgreSQL server?)';
  if (message === 'Query read timeout') return 'no answer to a query in time';
  return message.split('\n')[0]!;
}

/** Options of {@link openDemoStores}. */
export interface DemoStoresOptions {
  /** The SQLite folder, used without `databaseUrl`. */
  readonly dataDir: string;
  /** `postgres://…`: every store on that PostgreSQL database instead of SQLite. */
  readonly databaseUrl?: string;
  /** The config stored on first start. */
  readonly seed: FormConfig;
  /** Wraps the SQLite store (fault-injection tests); not applied on PostgreSQL. */
  readonly wrapStore?: (store: SqliteStore) => SqliteStore;
}

/**
 * Opens the demo's stores: PostgreSQL when `databaseUrl` is given (migrated at start-up, shared
 * safely by several server instances), else the SQLite file under `dataDir`.
 */
export async function openDemoStores(options: DemoStoresOptions & { readonly databaseUrl?: undefined }): Promise<DemoStores<SqliteStore>>;
export async function openDemoStores(options: DemoStoresOptions): Promise<DemoStores>;
export async function openDemoStores(options: DemoStoresOptions): Promise<DemoStores> {
  if (options.databaseUrl !== undefined) {
    let pg: Awaited<ReturnType<typeof createPostgresStores>>;
    try {
      pg = await createPostgresStores({ connectionString: options.databaseUrl, seedConfig: options.seed });
    } catch (error) {
      throw new DatabaseStartError(`PostgreSQL at ${databaseLabel(options.databaseUrl)}: ${databaseReason(error)}`, { cause: error });
    }
    return { kind: 'postgres', store: pg.store, config: pg.config, rateLimits: pg.rateLimits, close: () => pg.close() };
  }
  const opened = createSqliteStore(join(options.dataDir, DATABASE_FILE));
  const store = options.wrapStore ? options.wrapStore(opened) : opened;
  try {
    const config = await openSqliteConfigStore(store.database, options.seed);
    return { kind: 'sqlite', store, config, close: async () => store.close() };
  } catch (error) {
    store.close();
    throw error;
  }
}
