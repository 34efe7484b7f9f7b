import { createMemoryRateLimitStore, type RateLimitStore } from '@account-request/sdk/server';
import { isAdmin } from './auth.js';

/**
 * How many wrong admin passwords one client address may send in a window: past it, every admin
 * sign-in from that address is refused until the window ends, the right password included (or
 * the answer would tell a guesser when they found it).
 */
export const ADMIN_FAILURE_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 } as const;

// Held addresses this instance remembers at most; the oldest go first (bounded memory).
const MAX_HELD = 50_000;

/** What the guard says of one admin request. */
export type AdminVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds?: number };

export interface AdminGuardOptions {
  /**
   * Where wrong passwords are counted: the database's rate-limit counters, so that instances
   * sharing it count together (without it, this process counts alone).
   */
  readonly counts?: RateLimitStore;
  readonly now?: () => number;
}

/**
 * Checks the admin's Basic credentials, counting wrong ones per client address in `counts`.
 * An instance learns that an address is held from the count its own wrong password got, so with
 * N instances an address gets at most N - 1 answers past the limit, not N times the limit.
 */
export function createAdminGuard(password: string, options: AdminGuardOptions = {}): (request: Request, address: string | undefined) => Promise<AdminVerdict> {
  const now = options.now ?? Date.now;
  const counts = options.counts ?? createMemoryRateLimitStore();
  const held = new Map<string, number>();
  return async (request, address) => {
    const key = address ?? '';
    const at = now();
    const until = held.get(key);
    if (until !== undefined && until > at) return { ok: false, retryAfterSeconds: Math.ceil((until - at) / 1000) };
    if (until !== undefined) held.delete(key);
    if (isAdmin(request, password)) return { ok: true };
    // A browser's first request carries no credentials: only a wrong password counts. A count
    // that cannot be written (the database is down) leaves the answer a plain 401.
    if (request.headers.has('Authorization')) {
      const window = await counts.hit(`admin-password:${key}`, ADMIN_FAILURE_LIMIT.windowMs, at).catch(() => undefined);
      if (window && window.count >= ADMIN_FAILURE_LIMIT.max) {
        held.set(key, window.resetAt);
        if (held.size > MAX_HELD) held.delete(held.keys().next().value as string);
      }
    }
    return { ok: false };
  };
}
