import type { DatabaseSync } from 'node:sqlite';
import type { AccountRequestRecord, CheckStore, DecisionStore, FileStore, IdempotencyClaim, StoredResponse, WebhookStore } from '@account-request/sdk/server';
import { openDatabase, rowAs, rowsAs, transaction } from './database.js';
import { NOT_DURABLE, writeQueue } from './write-queue.js';
import { createSqliteChecks } from './sqlite-checks.js';
import { createSqliteOutbox } from './sqlite-outbox.js';
import { createSqliteProcessing } from './sqlite-processing.js';
import { createSqliteDecisions } from './sqlite-decisions.js';
import { createSqliteWebhooks } from './sqlite-webhooks.js';
import { createSqliteFiles } from './sqlite-files.js';
import { REQUEST_COLUMNS, searchColumns, toRecord, type RequestRow } from './sqlite-rows.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** How long a completed idempotency key is replayed; default 24 hours. */
  readonly idempotencyTtlMs?: number;
  /**
   * Set when other processes use the same database file at the same time. By default the store
   * takes its process for the file's only user: when it opens, every idempotency claim still
   * without answer was left by a process that is gone, and is released at once, so the client's
   * retry after a crash and restart is processed straight away. With `sharedFile`, such claims
   * may belong to a live process: they are left to lapse with their lease (the handler's
   * `idempotencyLeaseMs`, 5 s by default).
   */
  readonly sharedFile?: boolean;
  /** Clock in milliseconds, for tests. */
  readonly now?: () => number;
}

/** A {@link ProcessingStore} on SQLite that also exposes its database (for the config table) and closes it. */
export interface SqliteStore extends CheckStore, WebhookStore, DecisionStore, FileStore {
  readonly database: DatabaseSync;
  /** Closes the database; the store must not be used afterwards. */
  close(): void;
}

interface KeyRow {
  body_hash: string;
  claimed_at: number;
  lease_until: number | null;
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
 * lifecycle, the activation tokens and the outbox is one unit (all or nothing); the writes
 * asked for during one event-loop turn are committed together, with one fsync (group commit,
 * see `write-queue.ts`), and each call resolves only after that commit.
 *
 * Idempotency keys are rows with a unique key: a claim is one `INSERT … ON CONFLICT DO NOTHING`,
 * so of any number of concurrent claims (in this process or in others sharing the file)
 * exactly one wins. `create` writes the request, its e-mails and the key's answer in one
 * transaction. Unanswered claims are released when the store opens (see `sharedFile`).
 */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const ttl = options.idempotencyTtlMs ?? DAY_MS;
  const now = options.now ?? Date.now;
  const db = openDatabase(path);
  const queue = writeQueue(db);

  const insertRequest = db.prepare(
    `INSERT INTO requests (id, created_at, locale, access, status, values_json, password_hash, in_account, note, history_json, version, activated_at, search_text, company_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const listRequests = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests ORDER BY seq DESC LIMIT ? OFFSET ?`);
  const getRequest = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = ?`);
  backfillSearchColumns(db);
  const outbox = createSqliteOutbox(db);
  const { insert: insertDeliveries, ...webhooks } = createSqliteWebhooks(db);
  const { insert: insertChecks, ...checks } = createSqliteChecks(db);
  const { insert: insertFiles, ...files } = createSqliteFiles(db);
  const { applyUpdate, ...processing } = createSqliteProcessing(db, outbox, insertDeliveries);
  const { onCreate, ...decisions } = createSqliteDecisions(db, { outbox, processing: { ...processing, applyUpdate }, insertDeliveries, insertChecks });
  const insertKey = db.prepare('INSERT INTO idempotency_keys (key, body_hash, claimed_at, lease_until) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING');
  const readKey = db.prepare('SELECT body_hash, claimed_at, lease_until, response_json FROM idempotency_keys WHERE key = ?');
  // Guarded by the same expiry test as the read just before: if another claimant took the key
  // over or renewed it meanwhile, no row changes.
  const takeOverKey = db.prepare(
    `UPDATE idempotency_keys SET body_hash = ?, claimed_at = ?, lease_until = ?, response_json = NULL
     WHERE key = ? AND CASE WHEN response_json IS NULL THEN coalesce(lease_until, claimed_at) < ? ELSE claimed_at < ? END`,
  );
  const renewKey = db.prepare('UPDATE idempotency_keys SET lease_until = ? WHERE key = ? AND response_json IS NULL');
  const saveResponse = db.prepare('UPDATE idempotency_keys SET response_json = ? WHERE key = ?');
  const answerKey = db.prepare('UPDATE idempotency_keys SET response_json = ? WHERE key = ? AND response_json IS NULL');
  const releaseKey = db.prepare('DELETE FROM idempotency_keys WHERE key = ? AND response_json IS NULL');
  const sweepKeys = db.prepare('DELETE FROM idempotency_keys WHERE response_json IS NOT NULL AND claimed_at < ?');

  let claimsSinceSweep = 0;
  const sweep = (): void => {
    sweepKeys.run(now() - ttl);
    claimsSinceSweep = 0;
  };
  sweep();
  // Alone on the file, a claim without answer is one a dead process left: free it for the retry.
  if (!options.sharedFile) db.exec('DELETE FROM idempotency_keys WHERE response_json IS NULL');

  const claim = (key: string, bodyHash: string, leaseMs: number): IdempotencyClaim => {
    if (++claimsSinceSweep >= SWEEP_EVERY) sweep();
    const time = now();
    if (insertKey.run(key, bodyHash, time, time + leaseMs).changes === 1) return { state: 'new' };
    const row = rowAs<KeyRow>(readKey.get(key));
    // Released between our insert and our read: claim again.
    if (!row) return claim(key, bodyHash, leaseMs);
    const expired = row.response_json !== null ? row.claimed_at < time - ttl : (row.lease_until ?? row.claimed_at) < time;
    if (expired) {
      return takeOverKey.run(bodyHash, time, time + leaseMs, key, time, time - ttl).changes === 1 ? { state: 'new' } : claim(key, bodyHash, leaseMs);
    }
    if (row.body_hash !== bodyHash) return { state: 'conflict' };
    if (row.response_json === null) return { state: 'in_progress' };
    return { state: 'replay', response: JSON.parse(row.response_json) as StoredResponse };
  };

  return {
    database: db,
    ...outbox,
    ...processing,
    ...webhooks,
    ...checks,
    ...decisions,
    ...files,
    async create(record, { notifications = [], answer, checks: jobs = [], webhooks: deliveries = [], invitation, files: uploads = [] } = {}) {
      // The request, its first e-mails and the answer of its key: all or nothing, committed with
      // the other writes of this turn (group commit) before the promise resolves.
      return queue.write(() => {
        insertRequest.run(
          record.id,
          record.createdAt,
          record.locale,
          record.access,
          record.status,
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
        insertDeliveries(deliveries);
        insertChecks(record, jobs);
        insertFiles(record, uploads);
        onCreate(record, invitation);
        if (answer && answerKey.run(JSON.stringify(answer.response), answer.key).changes !== 1) {
          throw new Error(`The idempotency key ${answer.key} holds no claim waiting for its answer.`);
        }
      });
    },
    async list({ limit = 50, offset = 0 } = {}) {
      return rowsAs<RequestRow>(listRequests.all(limit, offset)).map(toRecord);
    },
    async get(id) {
      const row = rowAs<RequestRow>(getRequest.get(id));
      return row ? toRecord(row) : undefined;
    },
    async claimIdempotencyKey(key, bodyHash, leaseMs) {
      // Not durable: a claim lost to a power cut is a key never claimed (nothing was answered
      // on its strength), and a replayed answer was synced with its request.
      return queue.write(() => claim(key, bodyHash, leaseMs), NOT_DURABLE);
    },
    async renewIdempotencyClaim(key, leaseMs) {
      await queue.write(() => renewKey.run(now() + leaseMs, key), NOT_DURABLE);
    },
    async saveIdempotentResponse(key, response) {
      await queue.write(() => saveResponse.run(JSON.stringify(response), key));
    },
    async releaseIdempotencyKey(key) {
      await queue.write(() => releaseKey.run(key), NOT_DURABLE);
    },
    close() {
      if (!db.isOpen) return;
      queue.flush();
      db.close();
    },
  };
}
