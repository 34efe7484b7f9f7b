import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { searchNeedles, type ActivationTokenRecord, type ChangeOptions, type HistoryEntry, type ProcessedRecord, type ProcessingStore, type RequestPatch, type RequestQuery, type UpdateResult, type WebhookDelivery } from '@account-request/sdk/server';
import { rowAs, rowsAs } from './database.js';
import { writeQueue } from './write-queue.js';
import type { SqliteOutbox } from './sqlite-outbox.js';
import { REQUEST_COLUMNS, toRecord, type RequestRow } from './sqlite-rows.js';

/** The lifecycle, query and activation-token methods of the SQLite store. */
export type SqliteProcessing = Pick<ProcessingStore, 'query' | 'update' | 'saveActivationToken' | 'findActivationToken' | 'useActivationToken'> & {
  /** `update`'s work without its own unit of the group commit, for a write that adds more to it (a decision). */
  applyUpdate(id: string, patch: RequestPatch, expectedVersion: number, entry: HistoryEntry, options?: ChangeOptions): UpdateResult;
};

interface TokenRow {
  hash: string;
  request_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  replaced_at: string | null;
}

function toToken(row: TokenRow): ActivationTokenRecord {
  return {
    hash: row.hash,
    requestId: row.request_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.used_at !== null ? { usedAt: row.used_at } : {}),
    ...(row.replaced_at !== null ? { replacedAt: row.replaced_at } : {}),
  };
}

// Status order of the lifecycle, for a sort by status.
const STATUS_RANK = "CASE status WHEN 'new' THEN 0 WHEN 'in-progress' THEN 1 WHEN 'info-requested' THEN 2 WHEN 'accepted' THEN 3 ELSE 4 END";

function orderBy(query: RequestQuery): string {
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.sort === 'companyName') return `company_key ${direction}, seq DESC`;
  if (query.sort === 'status') return `${STATUS_RANK} ${direction}, seq DESC`;
  return `created_at ${direction}, seq ${direction}`;
}

function whereOf(query: RequestQuery): { clause: string; params: SQLInputValue[] } {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  if (query.status && query.status.length > 0) {
    where.push(`status IN (${query.status.map(() => '?').join(', ')})`);
    params.push(...query.status);
  }
  if (query.inAccount !== undefined) where.push('in_account = ?'), params.push(query.inAccount ? 1 : 0);
  if (query.vatCheck && query.vatCheck.length > 0) {
    where.push(`json_extract(vat_check_json, '$.state') IN (${query.vatCheck.map(() => '?').join(', ')})`);
    params.push(...query.vatCheck);
  }
  if (query.from !== undefined) where.push('created_at >= ?'), params.push(query.from);
  if (query.to !== undefined) where.push('created_at < ?'), params.push(query.to);
  const needles = searchNeedles(query.q);
  if (needles.length > 0) {
    // instr, not LIKE: the needle is plain text, `%` and `_` included.
    where.push(`(${needles.map(() => 'instr(search_text, ?) > 0').join(' OR ')})`);
    params.push(...needles);
  }
  return { clause: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Builds the processing methods over `db`, writing notifications through `outbox` and webhook deliveries through `insertDeliveries` in the same transactions. */
export function createSqliteProcessing(db: DatabaseSync, outbox: SqliteOutbox, insertDeliveries: (deliveries: readonly WebhookDelivery[]) => void = () => undefined): SqliteProcessing {
  // Each write is one unit of the group commit: done or undone whole, answered once on disk.
  const queue = writeQueue(db);
  const getRow = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests WHERE id = ?`);
  const writeRow = db.prepare(
    'UPDATE requests SET status = ?, in_account = ?, note = ?, history_json = ?, version = ?, activated_at = ?, password_hash = ? WHERE id = ? AND version = ?',
  );
  const replaceTokens = db.prepare('UPDATE activation_tokens SET replaced_at = ? WHERE request_id = ? AND used_at IS NULL AND replaced_at IS NULL');
  const insertToken = db.prepare('INSERT INTO activation_tokens (hash, request_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const getToken = db.prepare('SELECT * FROM activation_tokens WHERE hash = ?');
  const useToken = db.prepare('UPDATE activation_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL AND replaced_at IS NULL AND expires_at > ?');

  const write = (record: ProcessedRecord, expectedVersion: number): boolean =>
    writeRow.run(
      record.status,
      record.inAccount ? 1 : 0,
      record.note,
      JSON.stringify(record.history),
      record.version,
      record.activatedAt ?? null,
      record.passwordHash ?? null,
      record.id,
      expectedVersion,
    ).changes === 1;

  const applyUpdate: SqliteProcessing['applyUpdate'] = (id, patch, expectedVersion, entry, options) => {
    const row = rowAs<RequestRow>(getRow.get(id));
    if (!row) return { state: 'not_found' };
    const current = toRecord(row);
    if (current.version !== expectedVersion) return { state: 'conflict', record: current };
    const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
    write(record, expectedVersion);
    if (options?.webhooks) insertDeliveries(options.webhooks(record));
    return { state: 'updated', record };
  };

  return {
    applyUpdate,
    async query(query) {
      const { clause, params } = whereOf(query);
      const total = rowAs<{ total: number }>(db.prepare(`SELECT COUNT(*) AS total FROM requests ${clause}`).get(...params))?.total ?? 0;
      const rows = db.prepare(`SELECT ${REQUEST_COLUMNS} FROM requests ${clause} ORDER BY ${orderBy(query)} LIMIT ? OFFSET ?`).all(...params, query.limit, query.offset);
      return { items: rowsAs<RequestRow>(rows).map(toRecord), total };
    },
    async update(id, patch, expectedVersion, entry, options) {
      return queue.write(() => applyUpdate(id, patch, expectedVersion, entry, options));
    },
    async saveActivationToken(token, notification) {
      await queue.write(() => {
        // An erased request gets no link and no e-mail (an erasure may have run since it was read).
        const row = rowAs<RequestRow>(getRow.get(token.requestId));
        if (row && row.erased_at !== null) return;
        replaceTokens.run(token.createdAt, token.requestId);
        insertToken.run(token.hash, token.requestId, token.createdAt, token.expiresAt);
        if (notification) outbox.insert([notification]);
      });
    },
    async findActivationToken(hash) {
      const row = rowAs<TokenRow>(getToken.get(hash));
      return row ? toToken(row) : undefined;
    },
    async useActivationToken(hash, at, patch, entry, options) {
      return queue.write(() => {
        if (useToken.run(at, hash, at).changes !== 1) return undefined;
        const token = rowAs<TokenRow>(getToken.get(hash))!;
        const row = rowAs<RequestRow>(getRow.get(token.request_id));
        // A token always points at a request (foreign key); throwing rolls the use back.
        if (!row) throw new Error(`Activation token of a missing request ${token.request_id}`);
        const current = toRecord(row);
        const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
        write(record, current.version);
        if (options?.webhooks) insertDeliveries(options.webhooks(record));
        return record;
      });
    },
  };
}
