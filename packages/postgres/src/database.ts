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

/** What a transaction sets at its start (`SET LOCAL …`), per pool the stores made: see {@link boundTransactions}. */
const transactionSettings = new WeakMap<Pool, string>();

/**
 * Bounds every transaction on `pool` on the server's side too: each statement to `statementMs`
 * (`statement_timeout`), and a transaction left idle (its client gone silent while it held row
 * locks) to `idleMs` (`idle_in_transaction_session_timeout`), after which the server ends the
 * session and frees its locks. Set with `SET LOCAL` after `BEGIN`, in the same round trip: no
 * session state, so it works through PgBouncer in transaction mode too.
 */
export function boundTransactions(pool: Pool, statementMs: number, idleMs: number): void {
  transactionSettings.set(pool, `; SET LOCAL statement_timeout = ${Math.round(statementMs)}; SET LOCAL idle_in_transaction_session_timeout = ${Math.round(idleMs)}`);
}

/**
 * True for the errors after which a connection cannot be trusted for another query: the
 * client's read timeout (`query_timeout`: the query may still be running, or the connection is
 * silent) or a lost connection. A ROLLBACK on it would only wait for the same timeout again.
 */
export function connectionLost(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return message === 'Query read timeout' || message.startsWith('Connection terminated') || message === 'Client has encountered a connection error and is not queryable';
}

/**
 * Runs `work` in one transaction on one connection of the pool: COMMIT when it resolves,
 * ROLLBACK when it throws. A connection on which BEGIN, COMMIT or ROLLBACK failed (lost, or in
 * an unknown state), or a query timed out, is discarded rather than given back to the pool.
 */
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = true;
  try {
    await client.query(`BEGIN${transactionSettings.get(pool) ?? ''}`);
    let result: T;
    try {
      result = await work(client);
    } catch (error) {
      // A silent or lost connection: thrown away (the server rolls back when it notices, or
      // when idle_in_transaction_session_timeout ends the session).
      if (connectionLost(error)) throw error;
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
