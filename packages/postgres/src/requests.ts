import { searchNeedles, type AccountRequestRecord, type CreateOptions, type ProcessedRecord, type ProcessingStore, type RequestQuery } from '@account-request/sdk/server';
import type { Database } from './database.js';
import { runCreation } from './decisions.js';
import { deliveriesParam, insertDeliveriesSql } from './webhooks.js';
import { checksParam, insertChecksSql } from './checks.js';
import { filesColumn, filesParam, insertFilesSql } from './files.js';
import { insertNotificationsSql, notificationsParam, REQUEST_COLUMNS, REQUEST_INSERT_COLUMNS, requestParams, toRecord, type RequestRow } from './rows.js';

/** The request methods of the PostgreSQL store. */
export type PostgresRequests = Pick<ProcessingStore, 'create' | 'list' | 'get' | 'query' | 'update'>;

/** The create of a key whose answer another process saved first: nothing was written. */
export class IdempotencyAnswerTaken extends Error {
  constructor(key: string) {
    super(`The Idempotency-Key ${key.slice(0, 64)} already has an answer (another process finished it): the request was not stored twice.`);
    this.name = 'IdempotencyAnswerTaken';
  }
}

// Explicit types: in `INSERT … SELECT` PostgreSQL cannot infer a parameter's type from its column.
const REQUEST_VALUES = '$1::text, $2::timestamptz, $3::text, $4::text, $5::text, $6::json, $7::text, $8::boolean, $9::text, $10::json, $11::integer, $12::timestamptz, $13::text, $14::text';

/**
 * The one statement of a creation: the request row, its outbox rows (only if the request row
 * was written) and, with an answer, the answer of its claimed key. With an answer the request is
 * written only if the key still had none: two processes that both believe they own a key (one
 * stalled past its lease, the other took over) serialize on the key's row, and the second
 * writes nothing. With checks, the request row holds their states and their jobs are written
 * beside it (parameters after every other one: the states, then the jobs). With files, the row
 * lists them and their bytes go to request_files (two more parameters: the list, the files).
 */
function creationSql(withNotifications: boolean, withAnswer: boolean, withWebhooks = false, withChecks = false, withFiles = false): string {
  const parts: string[] = [];
  let next = withAnswer ? 17 : 15;
  const outboxAt = withNotifications ? next++ : 0;
  const hooksAt = withWebhooks ? next++ : 0;
  const checksAt = next;
  const filesAt = withChecks ? next + 3 : next;
  if (withAnswer) parts.push('answer AS (UPDATE idempotency_keys SET response = $16::jsonb WHERE key = $15 AND response IS NULL RETURNING key)');
  const [checkColumns, checkValues] = withChecks ? [', vat_check, siret_check', `, $${checksAt}::json, $${checksAt + 1}::json`] : ['', ''];
  const [fileColumn, fileValue] = withFiles ? [', files', `, $${filesAt}::json`] : ['', ''];
  parts.push(
    `created AS (INSERT INTO account_requests (${REQUEST_INSERT_COLUMNS}${checkColumns}${fileColumn}) SELECT ${REQUEST_VALUES}${checkValues}${fileValue}${withAnswer ? ' WHERE EXISTS (SELECT 1 FROM answer)' : ''} RETURNING id)`,
  );
  if (withNotifications) parts.push(`outbox AS (${insertNotificationsSql(`$${outboxAt}`, 'EXISTS (SELECT 1 FROM created)')})`);
  if (withWebhooks) parts.push(`hooks AS (${insertDeliveriesSql(`$${hooksAt}`, 'EXISTS (SELECT 1 FROM created)')})`);
  if (withChecks) parts.push(`checks AS (${insertChecksSql(`$${checksAt + 2}`, 'EXISTS (SELECT 1 FROM created)')})`);
  if (withFiles) parts.push(`stored_files AS (${insertFilesSql(`$${filesAt + 1}`, 'EXISTS (SELECT 1 FROM created)')})`);
  return `WITH ${parts.join(',\n')} SELECT count(*)::integer AS created FROM created`;
}

// Status order of the lifecycle, for a sort by status.
const STATUS_RANK = "CASE status WHEN 'new' THEN 0 WHEN 'in-progress' THEN 1 WHEN 'info-requested' THEN 2 WHEN 'accepted' THEN 3 ELSE 4 END";

function orderBy(query: RequestQuery): string {
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  // COLLATE "C": code-point order, the same on every server whatever its locale.
  if (query.sort === 'companyName') return `company_key COLLATE "C" ${direction}, seq DESC`;
  if (query.sort === 'status') return `${STATUS_RANK} ${direction}, seq DESC`;
  return `created_at ${direction}, seq ${direction}`;
}

function whereOf(query: RequestQuery): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status && query.status.length > 0) where.push(`status = ANY(${param([...query.status])}::text[])`);
  if (query.inAccount !== undefined) where.push(`in_account = ${param(query.inAccount)}`);
  if (query.vatCheck && query.vatCheck.length > 0) where.push(`(vat_check->>'state') = ANY(${param([...query.vatCheck])}::text[])`);
  if (query.from !== undefined) where.push(`created_at >= ${param(query.from)}::timestamptz`);
  if (query.to !== undefined) where.push(`created_at < ${param(query.to)}::timestamptz`);
  const needles = searchNeedles(query.q);
  // strpos, not LIKE: the needle is plain text, `%` and `_` included.
  if (needles.length > 0) where.push(`(${needles.map((needle) => `strpos(search_text, ${param(needle)}) > 0`).join(' OR ')})`);
  return { clause: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Builds the request methods over `db`. */
export function createPostgresRequests({ pool }: Database): PostgresRequests {
  const read = async (id: string): Promise<ProcessedRecord | undefined> => {
    const { rows } = await pool.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM account_requests WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  };

  return {
    async create(record: AccountRequestRecord, options: CreateOptions = {}) {
      const notifications = options.notifications ?? [];
      const webhooks = options.webhooks ?? [];
      const params = requestParams(record);
      if (options.answer) params.push(options.answer.key, JSON.stringify(options.answer.response));
      if (notifications.length > 0) params.push(notificationsParam(notifications));
      if (webhooks.length > 0) params.push(deliveriesParam(webhooks));
      const jobs = options.checks ?? [];
      const withChecks = jobs.length > 0 || record.vatCheck !== undefined || record.siretCheck !== undefined;
      if (withChecks) params.push(record.vatCheck ? JSON.stringify(record.vatCheck) : null, record.siretCheck ? JSON.stringify(record.siretCheck) : null, checksParam(jobs));
      const files = options.files ?? [];
      const withFiles = files.length > 0 || (record.files?.length ?? 0) > 0;
      if (withFiles) params.push(filesColumn(record.files), filesParam(files));
      const { rows } = await runCreation(pool, record, options, creationSql(notifications.length > 0, options.answer !== undefined, webhooks.length > 0, withChecks, withFiles), params);
      if (options.answer && rows[0]?.created !== 1) throw new IdempotencyAnswerTaken(options.answer.key);
    },
    async list({ limit = 50, offset = 0 } = {}) {
      const { rows } = await pool.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM account_requests ORDER BY seq DESC LIMIT $1 OFFSET $2`, [limit, offset]);
      return rows.map(toRecord);
    },
    get: read,
    async query(query) {
      const { clause, params } = whereOf(query);
      const count = pool.query<{ total: number }>(`SELECT count(*)::integer AS total FROM account_requests ${clause}`, params);
      const page = pool.query<RequestRow>(
        `SELECT ${REQUEST_COLUMNS} FROM account_requests ${clause} ORDER BY ${orderBy(query)} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      );
      const [total, items] = await Promise.all([count, page]);
      return { items: items.rows.map(toRecord), total: total.rows[0]?.total ?? 0 };
    },
    async update(id, patch, expectedVersion, entry, options) {
      const current = await read(id);
      if (!current) return { state: 'not_found' };
      if (current.version !== expectedVersion) return { state: 'conflict', record: current };
      const next: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
      // The version in the WHERE makes read-then-write atomic: a change that landed in between
      // leaves no row to update, and the caller gets the conflict with the fresh record.
      const update = `UPDATE account_requests SET status = $3, in_account = $4, note = $5, history = $6::json, version = $7, activated_at = $8, password_hash = $9
         WHERE id = $1 AND version = $2 RETURNING ${REQUEST_COLUMNS}`;
      const params: unknown[] = [id, expectedVersion, next.status, next.inAccount, next.note, JSON.stringify(next.history), next.version, next.activatedAt ?? null, next.passwordHash ?? null];
      // The change's webhook deliveries ride in the same statement, written only if the row was.
      const webhooks = options?.webhooks?.(next) ?? [];
      if (webhooks.length > 0) params.push(deliveriesParam(webhooks));
      const { rows } = await pool.query<RequestRow>(
        webhooks.length > 0 ? `WITH updated AS (${update}), hooks AS (${insertDeliveriesSql('$10', 'EXISTS (SELECT 1 FROM updated)')}) SELECT * FROM updated` : update,
        params,
      );
      if (rows[0]) return { state: 'updated', record: toRecord(rows[0]) };
      const fresh = await read(id);
      return fresh ? { state: 'conflict', record: fresh } : { state: 'not_found' };
    },
  };
}
