import type { DatabaseSync } from 'node:sqlite';
import type { RateLimitStore } from '@account-request/sdk/server';
import { rowAs } from './database.js';

const SWEEP_EVERY = 1000;

/**
 * The handler's rate-limit counters in the `rate_limits` table of `db`: one upsert per hit,
 * which SQLite runs under its write lock, so servers sharing the file count together. Ended
 * windows are deleted now and then.
 */
export function createSqliteRateLimits(db: DatabaseSync): RateLimitStore {
  const hit = db.prepare(
    `INSERT INTO rate_limits AS r (key, count, reset_at) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN r.reset_at <= ? THEN 1 ELSE r.count + 1 END,
       reset_at = CASE WHEN r.reset_at <= ? THEN excluded.reset_at ELSE r.reset_at END
     RETURNING count, reset_at`,
  );
  const sweep = db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?');
  let hits = 0;
  return {
    async hit(key, windowMs, now) {
      if (++hits % SWEEP_EVERY === 0) sweep.run(now);
      const row = rowAs<{ count: number; reset_at: number }>(hit.get(key, now + windowMs, now, now))!;
      return { count: row.count, resetAt: row.reset_at };
    },
  };
}
