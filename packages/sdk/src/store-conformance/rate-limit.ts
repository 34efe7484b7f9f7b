import { hitRateLimitStore } from '../server/http/rate-limit-store.js';
import { equal, same } from './check.js';
import { part, START, uniqueId, withStore } from './fixtures.js';
import type { StoreConformanceTarget, TestFunctions } from './types.js';

const WINDOW_MS = 60_000;

/** Rate-limit windows: counting, the end of a window, keys apart, the limiter on top. */
export function rateLimitCases({ describe, it }: TestFunctions, target: StoreConformanceTarget): void {
  describe('rate-limit counters', () => {
    it('counts the hits of a key in its window, which starts at its first hit', () =>
      withStore(target, async ({ first }) => {
        const rateLimits = part(first, 'rateLimits');
        const key = uniqueId('203.0.113.7');
        same(await rateLimits.hit(key, WINDOW_MS, START), { count: 1, resetAt: START + WINDOW_MS }, 'first hit');
        same(await rateLimits.hit(key, WINDOW_MS, START + 1_000), { count: 2, resetAt: START + WINDOW_MS }, 'second hit');
        same(await rateLimits.hit(key, WINDOW_MS, START + WINDOW_MS - 1), { count: 3, resetAt: START + WINDOW_MS }, 'last moment of the window');
      }));

    it('starts a new window when the last one has ended', () =>
      withStore(target, async ({ first }) => {
        const rateLimits = part(first, 'rateLimits');
        const key = uniqueId('203.0.113.8');
        await rateLimits.hit(key, WINDOW_MS, START);
        await rateLimits.hit(key, WINDOW_MS, START + 10);
        same(await rateLimits.hit(key, WINDOW_MS, START + WINDOW_MS), { count: 1, resetAt: START + 2 * WINDOW_MS }, 'hit at the end of the window');
        same(await rateLimits.hit(key, WINDOW_MS, START + 5 * WINDOW_MS + 7), { count: 1, resetAt: START + 6 * WINDOW_MS + 7 }, 'hit long after');
      }));

    it('keeps keys apart', () =>
      withStore(target, async ({ first }) => {
        const rateLimits = part(first, 'rateLimits');
        const a = uniqueId('2001:db8::1');
        const b = uniqueId('2001:db8::2');
        await rateLimits.hit(a, WINDOW_MS, START);
        await rateLimits.hit(a, WINDOW_MS, START);
        equal((await rateLimits.hit(b, WINDOW_MS, START)).count, 1, 'first hit of another key');
        equal((await rateLimits.hit(a, WINDOW_MS, START)).count, 3, 'third hit of the first key');
      }));

    it('refuses the hit after max with the seconds left in the window', () =>
      withStore(target, async ({ first }) => {
        const rateLimits = part(first, 'rateLimits');
        const key = uniqueId('198.51.100.4');
        const limit = { max: 5, windowMs: WINDOW_MS };
        for (let i = 0; i < 5; i += 1) same(await hitRateLimitStore(rateLimits, key, limit, START + i), { allowed: true }, `hit ${i + 1} of 5`);
        same(await hitRateLimitStore(rateLimits, key, limit, START + 20_500), { allowed: false, retryAfterSeconds: 40 }, 'hit 6');
        same(await hitRateLimitStore(rateLimits, key, limit, START + WINDOW_MS), { allowed: true }, 'first hit of the next window');
      }));
  });
}
