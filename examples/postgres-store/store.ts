/**
 * PostgreSQL stores for `createAccountRequestHandler`, on node-postgres (`pg`):
 * `createPostgresStore` (requests and idempotency keys) and `createPostgresConfigStore`
 * (the config and its ETag). Every write is one statement, so each is atomic; claims use the
 * primary key of `idempotency_keys`, so two processes can never both own one key.
 */
import { readFile } from 'node:fs/promises';
import type { Pool } from 'pg';
import type { FormConfig } from '@account-request/sdk';
import type { AccountRequestRecord, IdempotencyClaim, LoadConfig, RequestStore, SaveConfig, StoredResponse } from '@account-request/sdk/server';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** How long a completed key is replayed; default 24 hours. */
  readonly idempotencyTtlMs?: number;
}

interface RequestRow {
  id: string;
  created_at: Date;
  field_values: AccountRequestRecord['values'];
  password_hash: string | null;
  locale: string;
  access: AccountRequestRecord['access'];
  status: 'pending';
}

interface KeyRow {
  body_hash: string;
  age_ms: number;
  response: StoredResponse | null;
}

/** Creates the tables when they do not exist yet. */
export async function migrate(pool: Pool): Promise<void> {
  await pool.query(await readFile(new URL('schema.sql', import.meta.url), 'utf8'));
}

function toRecord(row: RequestRow): AccountRequestRecord {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    values: row.field_values,
    ...(row.password_hash !== null ? { passwordHash: row.password_hash } : {}),
    locale: row.locale,
    access: row.access,
    status: row.status,
  };
}

/** A {@link RequestStore} on PostgreSQL. Run {@link migrate} once before use. */
export function createPostgresStore(pool: Pool, options: PostgresStoreOptions = {}): RequestStore {
  const ttlMs = options.idempotencyTtlMs ?? 24 * 60 * 60 * 1000;
  const columns = 'id, created_at, field_values, password_hash, locale, access, status';

  return {
    async create(record, { notifications = [], answer } = {}) {
      if (notifications.length > 0) throw new TypeError('This store keeps no e-mail outbox: use a ProcessingStore for a notifier.');
      const values = [record.id, record.createdAt, JSON.stringify(record.values), record.passwordHash ?? null, record.locale, record.access, record.status];
      if (!answer) {
        await pool.query(`INSERT INTO account_requests (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, values);
        return;
      }
      // One statement, so one transaction: the answer is set only while the key waits for it,
      // and the request is inserted only if it was (a duplicate id undoes both).
      const inserted = await pool.query(
        `WITH answer AS (UPDATE idempotency_keys SET response = $9 WHERE key = $8 AND response IS NULL RETURNING key)
         INSERT INTO account_requests (${columns})
         SELECT $1::text, $2::timestamptz, $3::jsonb, $4::text, $5::text, $6::text, $7::text FROM answer`,
        [...values, answer.key, JSON.stringify(answer.response)],
      );
      if (inserted.rowCount !== 1) throw new Error(`The idempotency key ${answer.key} holds no claim waiting for its answer.`);
    },

    async list({ limit = 50, offset = 0 } = {}) {
      const { rows } = await pool.query<RequestRow>(`SELECT ${columns} FROM account_requests ORDER BY seq DESC LIMIT $1 OFFSET $2`, [limit, offset]);
      return rows.map(toRecord);
    },

    async get(id) {
      const { rows } = await pool.query<RequestRow>(`SELECT ${columns} FROM account_requests WHERE id = $1`, [id]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    // `claimed_at` is the claim's last renewal: an unanswered claim older than the lease is dead.
    async claimIdempotencyKey(key, bodyHash, leaseMs): Promise<IdempotencyClaim> {
      const inserted = await pool.query('INSERT INTO idempotency_keys (key, body_hash) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, bodyHash]);
      if (inserted.rowCount === 1) return { state: 'new' };
      const { rows } = await pool.query<KeyRow>(
        'SELECT body_hash, (extract(epoch FROM now() - claimed_at) * 1000)::float8 AS age_ms, response FROM idempotency_keys WHERE key = $1',
        [key],
      );
      const row = rows[0];
      // Released between our insert and our read: claim again.
      if (!row) return this.claimIdempotencyKey(key, bodyHash, leaseMs);
      const expired = row.response !== null ? row.age_ms > ttlMs : row.age_ms > leaseMs;
      if (expired) {
        // Take the key over only if nobody else did meanwhile (same claim time as we read).
        const taken = await pool.query(
          `UPDATE idempotency_keys SET body_hash = $2, claimed_at = now(), response = NULL
           WHERE key = $1 AND (extract(epoch FROM now() - claimed_at) * 1000) > $3`,
          [key, bodyHash, row.response !== null ? ttlMs : leaseMs],
        );
        if (taken.rowCount === 1) return { state: 'new' };
      }
      if (row.body_hash !== bodyHash) return { state: 'conflict' };
      return row.response ? { state: 'replay', response: row.response } : { state: 'in_progress' };
    },

    async renewIdempotencyClaim(key) {
      await pool.query('UPDATE idempotency_keys SET claimed_at = now() WHERE key = $1 AND response IS NULL', [key]);
    },

    async saveIdempotentResponse(key, response) {
      await pool.query('UPDATE idempotency_keys SET response = $2 WHERE key = $1', [key, JSON.stringify(response)]);
    },

    async releaseIdempotencyKey(key) {
      await pool.query('DELETE FROM idempotency_keys WHERE key = $1 AND response IS NULL', [key]);
    },
  };
}

/**
 * The config in one row of `form_config`. `saveConfig` replaces it only while its ETag is still
 * the one the admin loaded (`WHERE etag = $ifMatch`), so of two racing saves one gets a 412.
 */
export function createPostgresConfigStore(pool: Pool, name = 'default'): { readonly loadConfig: LoadConfig; readonly saveConfig: SaveConfig } {
  return {
    async loadConfig() {
      const { rows } = await pool.query<{ config: FormConfig }>('SELECT config FROM form_config WHERE name = $1', [name]);
      // No row yet: `undefined` makes the handler serve the default config.
      return rows[0]?.config;
    },
    async saveConfig(config, { ifMatch, etag }) {
      const json = JSON.stringify(config);
      const updated = await pool.query('UPDATE form_config SET config = $2, etag = $3 WHERE name = $1 AND etag = $4', [name, json, etag, ifMatch]);
      if (updated.rowCount === 1) return true;
      // The first save: there is no row while the default config is served.
      const inserted = await pool.query('INSERT INTO form_config (name, config, etag) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, json, etag]);
      return inserted.rowCount === 1;
    },
  };
}
