import type { DatabaseSync } from 'node:sqlite';
import type { AccountRequestRecord, IdempotencyClaim, ProcessingStore, StoredResponse } from '@account-request/sdk/server';
import { openDatabase, rowAs, rowsAs, transaction } from './database.js';
import { createSqliteOutbox } from './sqlite-outbox.js';
import { createSqliteProcessing } from './sqlite-processing.js';
import { REQUEST_COLUMNS, searchColumns, toRecord, type RequestRow } from './sqlite-rows.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** How long a completed idempotency key is replayed; default 24 hours. */
  readonly idempotencyTtlMs?: number;
  /**
   * How long a claimed key without a response counts as in progress. Past it the claim is
   * taken as crashed (the process died before answering) and the next retry takes it over.
   * Default 60 seconds.
   */
  readonly claimTimeoutMs?: number;
  /** Clock in milliseconds, for tests. */
  readonly now?: () => number;
}

/** A {@link ProcessingStore} on SQLite that also exposes its database (for the config table) and closes it. */
export interface SqliteStore extends ProcessingStore {
  readonly database: DatabaseSync;
  /** Closes the database; the store must not be used afterwards. */
  close(): void;
}

interface KeyRow {
  body_hash: string;
  claimed_at: number;
  response_json: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY = 500;

// Rows written before the search columns existed (schema 1) get them once, here: SQL cannot
// fold accents the way the SDK does.
function backfillSearchColumns(db: DatabaseSync): void {
  const rows = rowsAs<{ id: string; values_json: string }>(db.prepare('SELECT id, values_json FROM requests WHERE search_text IS NULL').all());
  if (rows.length === 0) return;
  const fill = db.prepare('UPDATE requests SET search_text = ?, company_key = ? WHERE id = ?');
  transaction(db, () => {
    for (const row of rows) fill.run(...searchColumns({ values: JSON.parse(row.values_json) as AccountRequestRecord['values'] }), row.id);
  });
}

/**
 * A {@link ProcessingStore} in a SQLite file (Node's built-in `node:sqlite`), opened in WAL mode
 * with `synchronous = FULL`: `create` returns only once the row is on disk. Every write of the
 * lifecycle, the activation tokens and the outbox is one transaction.
 *
 * Idempotency keys are rows with a unique key: a claim is one `INSERT … ON CONFLICT DO NOTHING`,
 * so of any number of concurrent claims (in this process or in others sharing the file)
 * exactly one wins.
 */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const ttl = options.idempotencyTtlMs ?? DAY_MS;
  const claimTimeout = options.claimTimeoutMs ?? 60_000;
  const now = options.now ?? Date.now;
  const db = openDatabase(path);

  const insertRequest = db.prepare(
    `INSERT INTO requests (id, created_at, locale, access, status, values_json, password_hash, in_account, note, history_json, version, activated_at, search_text, company_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const listRequests = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests ORDER BY seq DESC LIMIT ? OFFSET ?`);
  const getRequest = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = ?`);
  backfillSearchColumns(db);
  const outbox = createSqliteOutbox(db);
  const processing = createSqliteProcessing(db, outbox);
  const insertKey = db.prepare('INSERT INTO idempotency_keys (key, body_hash, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING');
  const readKey = db.prepare('SELECT body_hash, claimed_at, response_json FROM idempotency_keys WHERE key = ?');
  // Guarded by the claim time read just before: if another process took the key over meanwhile, no row changes.
  const takeOverKey = db.prepare(
    'UPDATE idempotency_keys SET body_hash = ?, claimed_at = ?, response_json = NULL WHERE key = ? AND claimed_at = ?',
  );
  const saveResponse = db.prepare('UPDATE idempotency_keys SET response_json = ? WHERE key = ?');
  const releaseKey = db.prepare('DELETE FROM idempotency_keys WHERE key = ? AND response_json IS NULL');
  const sweepKeys = db.prepare('DELETE FROM idempotency_keys WHERE response_json IS NOT NULL AND claimed_at < ?');

  let claimsSinceSweep = 0;
  const sweep = (): void => {
    sweepKeys.run(now() - ttl);
    claimsSinceSweep = 0;
  };
  sweep();

  const claim = (key: string, bodyHash: string): IdempotencyClaim => {
    if (++claimsSinceSweep >= SWEEP_EVERY) sweep();
    const time = now();
    if (insertKey.run(key, bodyHash, time).changes === 1) return { state: 'new' };
    const row = rowAs<KeyRow>(readKey.get(key));
    // Released between our insert and our read: claim again.
    if (!row) return claim(key, bodyHash);
    const expired = row.response_json !== null ? row.claimed_at < time - ttl : row.claimed_at < time - claimTimeout;
    if (expired) {
      return takeOverKey.run(bodyHash, time, key, row.claimed_at).changes === 1 ? { state: 'new' } : claim(key, bodyHash);
    }
    if (row.body_hash !== bodyHash) return { state: 'conflict' };
    if (row.response_json === null) return { state: 'in_progress' };
    return { state: 'replay', response: JSON.parse(row.response_json) as StoredResponse };
  };

  return {
    database: db,
    ...outbox,
    ...processing,
    async create(record, notifications = []) {
      // The request and its first e-mails: both or neither.
      transaction(db, () => {
        insertRequest.run(
          record.id,
          record.createdAt,
          record.locale,
          record.access,
          record.status === 'pending' ? 'new' : record.status,
          JSON.stringify(record.values),
          record.passwordHash ?? null,
          record.inAccount ? 1 : 0,
          record.note ?? '',
          JSON.stringify(record.history ?? []),
          record.version ?? 1,
          record.activatedAt ?? null,
          ...searchColumns(record),
        );
        outbox.insert(notifications);
      });
    },
    async list({ limit = 50, offset = 0 } = {}) {
      return rowsAs<RequestRow>(listRequests.all(limit, offset)).map(toRecord);
    },
    async get(id) {
      const row = rowAs<RequestRow>(getRequest.get(id));
      return row ? toRecord(row) : undefined;
    },
    async claimIdempotencyKey(key, bodyHash) {
      return claim(key, bodyHash);
    },
    async saveIdempotentResponse(key, response) {
      saveResponse.run(JSON.stringify(response), key);
    },
    async releaseIdempotencyKey(key) {
      releaseKey.run(key);
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}
