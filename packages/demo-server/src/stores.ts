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
    const pg = await createPostgresStores({ connectionString: options.databaseUrl, seedConfig: options.seed });
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
