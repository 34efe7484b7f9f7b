import { retryAfterSeconds, type RateLimitResult } from './rate-limit.js';

/** The hits of one key in its current window, as a {@link RateLimitStore} counted them. */
export interface RateLimitWindow {
  /** Hits in the window, the one just counted included. */
  readonly count: number;
  /** When the window ends, in milliseconds since the epoch. */
  readonly resetAt: number;
}

/**
 * Counts hits per key in fixed windows, kept where several server processes see the same
 * counts (a database table), so a limit holds across instances. Give one as
 * `rateLimit.store`; without it the handler counts in memory, per process.
 */
export interface RateLimitStore {
  /**
   * Counts one hit of `key` at `now` (ms since the epoch). A key without a window, or whose
   * window ended at or before `now`, starts a new one: count 1, ending at `now + windowMs`;
   * otherwise its count rises by one. Atomic: N concurrent hits of one key get the counts 1 to N.
   */
  hit(key: string, windowMs: number, now: number): Promise<RateLimitWindow>;
}

const SWEEP_THRESHOLD = 10_000;

/**
 * A {@link RateLimitStore} in memory (one process; for tests and as a model for other stores).
 * No await inside `hit`, so each hit is atomic.
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, windowMs, now) {
      // Windows are (re)inserted when they start, so ended ones are at the front.
      if (windows.size >= SWEEP_THRESHOLD) {
        for (const [other, window] of windows) {
          if (window.resetAt > now) break;
          windows.delete(other);
        }
      }
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.delete(key);
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetAt: window.resetAt };
    },
  };
}

/** Counts a hit in `store` and says whether it is within `max` per window, as the in-memory limiter does. */
export async function hitRateLimitStore(
  store: RateLimitStore,
  key: string,
  limit: { readonly max: number; readonly windowMs: number },
  now: number,
): Promise<RateLimitResult> {
  const window = await store.hit(key, limit.windowMs, now);
  if (window.count <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfterSeconds(window.resetAt - now) };
}
