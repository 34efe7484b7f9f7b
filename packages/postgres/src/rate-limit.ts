import type { RateLimitStore } from '@account-request/sdk/server';
import { iso, type Database } from './database.js';

const SWEEP_EVERY = 1000;

/**
 * One statement per hit: a new window for a new key or one whose window ended, else one more
 * hit in it. The upsert locks the key's row, so concurrent hits from any number of instances
 * are counted one after the other.
 */
const HIT_SQL = `
  INSERT INTO rate_limits AS r (key, count, reset_at) VALUES ($1, 1, $3)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN r.reset_at <= $2 THEN 1 ELSE r.count + 1 END,
    reset_at = CASE WHEN r.reset_at <= $2 THEN excluded.reset_at ELSE r.reset_at END
  RETURNING count, reset_at`;

/**
 * The handler's rate-limit counters in `rate_limits`, shared by every instance on the database
 * (give it as `rateLimit.store`). Ended windows are deleted now and then.
 */
export function createPostgresRateLimits({ pool }: Database): RateLimitStore {
  let hits = 0;
  return {
    async hit(key, windowMs, now) {
      if (++hits % SWEEP_EVERY === 0) await pool.query('DELETE FROM rate_limits WHERE reset_at <= $1', [iso(now)]);
      const { rows } = await pool.query<{ count: number; reset_at: Date }>(HIT_SQL, [key, iso(now), iso(now + windowMs)]);
      const row = rows[0]!;
      return { count: row.count, resetAt: row.reset_at.getTime() };
    },
  };
}
