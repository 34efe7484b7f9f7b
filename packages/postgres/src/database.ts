import type { Pool, PoolClient } from 'pg';

/** What every part of the store shares: the pool and the clock. */
export interface Database {
  readonly pool: Pool;
  /** Milliseconds since the epoch: the clock of leases, TTLs and rate-limit windows. */
  readonly now: () => number;
}

/** An ISO 8601 instant for a timestamptz parameter. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Runs `work` in one transaction on one connection of the pool: COMMIT when it resolves,
 * ROLLBACK when it throws. A connection on which BEGIN, COMMIT or ROLLBACK failed (lost, or in
 * an unknown state) is discarded rather than given back to the pool.
 */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = true;
  try {
    await client.query('BEGIN');
    let result: T;
    try {
      result = await work(client);
    } catch (error) {
      await client.query('ROLLBACK');
      broken = false;
      throw error;
    }
    await client.query('COMMIT');
    broken = false;
    return result;
  } finally {
    client.release(broken);
  }
}
