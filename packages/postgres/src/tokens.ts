import type { ProcessedRecord, ProcessingStore } from '@account-request/sdk/server';
import { transaction, type Database } from './database.js';
import { deliveriesParam, insertDeliveriesSql } from './webhooks.js';
import { insertNotificationsSql, notificationsParam, REQUEST_COLUMNS, toRecord, toToken, type RequestRow, type TokenRow } from './rows.js';

/** The activation-token methods of the PostgreSQL store. */
export type PostgresTokens = Pick<ProcessingStore, 'saveActivationToken' | 'findActivationToken' | 'useActivationToken'>;

// One statement: the older unused tokens of the request are marked replaced, the new one is
// stored, and its e-mail queued, all or nothing; nothing for an erased request (its row locked
// first, as an erasure takes it, and read again once an erasure holding it commits).
const SAVE_SQL = `
  WITH target AS (
    SELECT id FROM account_requests WHERE id = $2 AND erased_at IS NULL FOR UPDATE
  ), replaced AS (
    UPDATE activation_tokens SET replaced_at = $3 WHERE request_id IN (SELECT id FROM target) AND used_at IS NULL AND replaced_at IS NULL
  ), saved AS (
    INSERT INTO activation_tokens (hash, request_id, created_at, expires_at) SELECT $1, id, $3, $4 FROM target RETURNING hash
  )`;

/** Builds the activation-token methods over `db`. */
export function createPostgresTokens({ pool }: Database): PostgresTokens {
  return {
    async saveActivationToken(token, notification) {
      const params: unknown[] = [token.hash, token.requestId, token.createdAt, token.expiresAt];
      if (notification) {
        params.push(notificationsParam([notification]));
        await pool.query(`${SAVE_SQL}, outbox AS (${insertNotificationsSql('$5', 'EXISTS (SELECT 1 FROM saved)')}) SELECT 1`, params);
      } else {
        await pool.query(`${SAVE_SQL} SELECT 1`, params);
      }
    },
    async findActivationToken(hash) {
      const { rows } = await pool.query<TokenRow>('SELECT hash, request_id, created_at, expires_at, used_at, replaced_at FROM activation_tokens WHERE hash = $1', [hash]);
      return rows[0] ? toToken(rows[0]) : undefined;
    },
    async useActivationToken(hash, at, patch, entry, options) {
      return transaction(pool, async (client) => {
        // Locks in the order every write takes them: the request row first, then its tokens (as
        // `erase` does when it deletes them), so an activation and an erasure never deadlock.
        // A token never moves to another request: reading its request unlocked is safe.
        const token = await client.query<{ request_id: string }>('SELECT request_id FROM activation_tokens WHERE hash = $1', [hash]);
        const requestId = token.rows[0]?.request_id;
        if (requestId === undefined) return undefined;
        const { rows } = await client.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM account_requests WHERE id = $1 FOR UPDATE`, [requestId]);
        if (!rows[0]) return undefined;
        // Of two concurrent uses, the second waits for the first's request lock, then finds the token used
        // (or gone, after an erasure).
        const used = await client.query(
          'UPDATE activation_tokens SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND replaced_at IS NULL AND expires_at > $2',
          [hash, at],
        );
        if (used.rowCount !== 1) return undefined;
        const current = toRecord(rows[0]);
        const record: ProcessedRecord = { ...current, ...patch, history: [...current.history, entry], version: current.version + 1 };
        await client.query(
          'UPDATE account_requests SET status = $2, in_account = $3, note = $4, history = $5::json, version = $6, activated_at = $7, password_hash = $8 WHERE id = $1',
          [requestId, record.status, record.inAccount, record.note, JSON.stringify(record.history), record.version, record.activatedAt ?? null, record.passwordHash ?? null],
        );
        const webhooks = options?.webhooks?.(record) ?? [];
        if (webhooks.length > 0) await client.query(insertDeliveriesSql('$1'), [deliveriesParam(webhooks)]);
        return record;
      });
    },
  };
}
