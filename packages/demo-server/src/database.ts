import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

// Each step upgrades the schema by one version (PRAGMA user_version); never edit a shipped step.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE config (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     json TEXT NOT NULL,
     etag TEXT NOT NULL,
     revision INTEGER NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE requests (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     locale TEXT NOT NULL,
     access TEXT NOT NULL,
     status TEXT NOT NULL,
     values_json TEXT NOT NULL,
     password_hash TEXT
   );
   CREATE TABLE idempotency_keys (
     key TEXT PRIMARY KEY,
     body_hash TEXT NOT NULL,
     claimed_at INTEGER NOT NULL,
     response_json TEXT
   );`,
];

/**
 * Opens (creating it and its folder if needed) the demo's SQLite database and brings its schema
 * up to date. WAL lets readers run beside the writer; `synchronous = FULL` makes each commit
 * fsync the WAL before it returns, so a row the server has acknowledged survives a crash or a
 * power cut, not only a killed process.
 */
export function openDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  try {
    // Another process (a second server on the same DATA_DIR) may hold the write lock briefly.
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: DatabaseSync): void {
  // BEGIN IMMEDIATE takes the write lock first, so two processes opening a fresh file do not both migrate.
  db.exec('BEGIN IMMEDIATE');
  try {
    const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
    const current = row?.user_version ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`The database schema (version ${current}) is newer than this server knows (${MIGRATIONS.length}).`);
    }
    for (let version = current; version < MIGRATIONS.length; version += 1) db.exec(MIGRATIONS[version]!);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * A row read by `node:sqlite` (a null-prototype record of SQL values) typed as the caller's row
 * shape. The shape is the caller's promise: it matches the columns its own query selects.
 */
export function rowAs<T>(row: unknown): T | undefined {
  return row === undefined ? undefined : (row as T);
}

/** {@link rowAs} for `all()` results. */
export function rowsAs<T>(rows: readonly unknown[]): T[] {
  return rows as T[];
}
