import type { IdempotencyClaim, RequestStore, StoredResponse } from '@account-request/sdk/server';
import { iso, type Database } from './database.js';

/** The idempotency-key methods of the PostgreSQL store. */
export type PostgresIdempotency = Pick<RequestStore, 'claimIdempotencyKey' | 'renewIdempotencyClaim' | 'saveIdempotentResponse' | 'releaseIdempotencyKey'>;

const SWEEP_EVERY = 500;
const MAX_ATTEMPTS = 5;

/**
 * One statement claims a key: a new row, or the take-over of a row whose claim lapsed (no answer
 * and the lease is over: its process died or stalled) or whose answer is older than the replay
 * TTL. `ON CONFLICT … DO UPDATE … WHERE` locks the existing row and re-checks the condition on
 * its latest version, so of any number of concurrent claimers, in any number of processes,
 * exactly one gets a row back.
 */
const CLAIM_SQL = `
  INSERT INTO idempotency_keys AS k (key, body_hash, claimed_at, lease_until, response) VALUES ($1, $2, $3, $4, NULL)
  ON CONFLICT (key) DO UPDATE SET body_hash = excluded.body_hash, claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, response = NULL
  WHERE (k.response IS NULL AND k.lease_until <= $3) OR (k.response IS NOT NULL AND k.claimed_at <= $5)
  RETURNING key`;

/** Builds the idempotency methods over `db`; completed keys are replayed for `ttlMs`. */
export function createPostgresIdempotency({ pool, now }: Database, ttlMs: number): PostgresIdempotency {
  let claims = 0;
  const sweep = async (time: number): Promise<void> => {
    // Answers past their TTL, and claims that lapsed long ago (a crash nobody retried).
    await pool.query('DELETE FROM idempotency_keys WHERE claimed_at <= $1 AND (response IS NOT NULL OR lease_until <= $2)', [iso(time - ttlMs), iso(time)]);
  };

  return {
    async claimIdempotencyKey(key, bodyHash, leaseMs) {
      const time = now();
      if (++claims % SWEEP_EVERY === 0) await sweep(time);
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
        const claimed = await pool.query(CLAIM_SQL, [key, bodyHash, iso(time), iso(time + leaseMs), iso(time - ttlMs)]);
        if (claimed.rowCount === 1) return { state: 'new' };
        const { rows } = await pool.query<{ body_hash: string; response: StoredResponse | null }>('SELECT body_hash, response FROM idempotency_keys WHERE key = $1', [key]);
        const row = rows[0];
        // Released between the two statements: claim again.
        if (!row) continue;
        if (row.body_hash !== bodyHash) return { state: 'conflict' } satisfies IdempotencyClaim;
        return row.response === null ? { state: 'in_progress' } : { state: 'replay', response: row.response };
      }
      // A key released again and again under our feet: the client retries.
      return { state: 'in_progress' };
    },
    async renewIdempotencyClaim(key, leaseMs) {
      await pool.query('UPDATE idempotency_keys SET lease_until = $2 WHERE key = $1 AND response IS NULL', [key, iso(now() + leaseMs)]);
    },
    async saveIdempotentResponse(key, response) {
      await pool.query('UPDATE idempotency_keys SET response = $2::jsonb WHERE key = $1', [key, JSON.stringify(response)]);
    },
    async releaseIdempotencyKey(key) {
      await pool.query('DELETE FROM idempotency_keys WHERE key = $1 AND response IS NULL', [key]);
    },
  };
}
