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
  // 2: processing (issue 7): lifecycle columns, folded search and sort keys (filled by the
  // store, which folds text the way the SDK does), activation tokens, the e-mail outbox.
  `ALTER TABLE requests ADD COLUMN in_account INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE requests ADD COLUMN note TEXT NOT NULL DEFAULT '';
   ALTER TABLE requests ADD COLUMN history_json TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
   ALTER TABLE requests ADD COLUMN activated_at TEXT;
   ALTER TABLE requests ADD COLUMN search_text TEXT;
   ALTER TABLE requests ADD COLUMN company_key TEXT;
   UPDATE requests SET status = 'new' WHERE status = 'pending';
   CREATE INDEX requests_created_at ON requests (created_at);
   CREATE INDEX requests_status ON requests (status, created_at);
   CREATE TABLE activation_tokens (
     hash TEXT PRIMARY KEY,
     request_id TEXT NOT NULL REFERENCES requests (id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT,
     replaced_at TEXT
   );
   CREATE INDEX activation_tokens_request ON activation_tokens (request_id);
   CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     dedupe_key TEXT NOT NULL UNIQUE,
     request_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     recipient TEXT NOT NULL,
     subject TEXT NOT NULL,
     text_body TEXT NOT NULL,
     html_body TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     last_error TEXT,
     created_at TEXT NOT NULL,
     next_attempt_at TEXT NOT NULL,
     locked_until TEXT,
     sent_at TEXT
   );
   CREATE INDEX notifications_due ON notifications (state, next_attempt_at);
   CREATE INDEX notifications_request ON notifications (request_id);`,
  // 3: leases on idempotency claims (issue 10): a claim without answer belongs to its process
  // until lease_until (epoch ms), renewed while it works; past it, a retry takes the key over.
  // Claims from before this step have none and count as expired.
  `ALTER TABLE idempotency_keys ADD COLUMN lease_until INTEGER;`,
  // 4: rate-limit counters (issue 12), so servers sharing the file count submissions together:
  // one row per key, its hits in the window ending at reset_at (epoch ms).
  `CREATE TABLE rate_limits (
     key TEXT PRIMARY KEY,
     count INTEGER NOT NULL,
     reset_at INTEGER NOT NULL
   );
   CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);`,
  // 5: webhooks (issue 16): endpoints with their secrets (JSON, newest first) and the outbox of
  // deliveries, one row per message and endpoint, its id the webhook-id of every attempt.
  `CREATE TABLE webhook_endpoints (
     id TEXT PRIMARY KEY,
     url TEXT NOT NULL,
     secrets_json TEXT NOT NULL,
     created_at TEXT NOT NULL,
     disabled_at TEXT,
     disabled_reason TEXT
   );
   CREATE TABLE webhook_deliveries (
     id TEXT PRIMARY KEY,
     endpoint_id TEXT NOT NULL,
     type TEXT NOT NULL,
     request_id TEXT,
     body TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     next_attempt_at TEXT NOT NULL,
     locked_until TEXT,
     last_attempt_at TEXT,
     last_status INTEGER,
     last_response TEXT,
     last_error TEXT,
     delivered_at TEXT
   );
   CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
   CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
   CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at);`,
  // 6: checks of stored requests (issue 14): the VIES and register results on the request (JSON,
  // filtered by json_extract), and one job per request and kind, claimed with a lock and retried.
  `ALTER TABLE requests ADD COLUMN vat_check_json TEXT;
   ALTER TABLE requests ADD COLUMN siret_check_json TEXT;
   CREATE TABLE check_jobs (
     request_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     next_attempt_at TEXT NOT NULL,
     locked_until TEXT,
     last_error TEXT,
     PRIMARY KEY (request_id, kind)
   );
   CREATE INDEX check_jobs_due ON check_jobs (state, next_attempt_at);`,
  // 7: the decision step (issue 15): consents (JSON, with their wording), the invitation a request
  // came from and when its personal data was erased; links to correct a request (hashed, single
  // use, replaced by a newer one) and invitations (their link's hash, replaced on a resend).
  `ALTER TABLE requests ADD COLUMN consents_json TEXT;
   ALTER TABLE requests ADD COLUMN invitation_id TEXT;
   ALTER TABLE requests ADD COLUMN erased_at TEXT;
   CREATE TABLE information_tokens (
     hash TEXT PRIMARY KEY,
     request_id TEXT NOT NULL REFERENCES requests (id),
     message TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT,
     replaced_at TEXT
   );
   CREATE INDEX information_tokens_request ON information_tokens (request_id);
   CREATE TABLE invitations (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     hash TEXT NOT NULL UNIQUE,
     email TEXT NOT NULL,
     company_name TEXT,
     values_json TEXT NOT NULL,
     locale TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     used_at TEXT,
     request_id TEXT,
     revoked_at TEXT
   );
   CREATE INDEX invitations_created ON invitations (created_at, seq);
   CREATE INDEX invitations_request ON invitations (request_id);`,
  // 8: files sent with requests (issue 13): the list on the request (JSON, no bytes) and the
  // bytes beside it, written in the request's transaction.
  `ALTER TABLE requests ADD COLUMN files_json TEXT;
   CREATE TABLE request_files (
     request_id TEXT NOT NULL REFERENCES requests (id),
     id TEXT NOT NULL,
     position INTEGER NOT NULL,
     field TEXT NOT NULL,
     name TEXT NOT NULL,
     type TEXT NOT NULL,
     size INTEGER NOT NULL,
     bytes BLOB NOT NULL,
     PRIMARY KEY (request_id, id)
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
    // Deleted and overwritten content is zeroed on disk, so an erased applicant's data does not
    // linger in free pages of the file (see the store's erase, which also checkpoints the WAL).
    db.exec('PRAGMA secure_delete = ON');
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

/**
 * Runs `work` in one write transaction (BEGIN IMMEDIATE takes the lock first, so another
 * process cannot slip a write between our read and our write), rolling back when it throws.
 */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
