import { isAdmin } from './auth.js';

/**
 * How many wrong admin passwords one client address may send in a window: past it, every admin
 * sign-in from that address is refused until the window ends, the right password included (or
 * the answer would tell a guesser when they found it).
 */
export const ADMIN_FAILURE_LIMIT = { max: 10, windowMs: 15 * 60 * 1000 } as const;

// Addresses remembered at most; the oldest go first (a flood of addresses costs bounded memory).
const MAX_ADDRESSES = 50_000;

/** What the guard says of one admin request. */
export type AdminVerdict = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds?: number };

/** Checks the admin's Basic credentials, counting wrong ones per client address (in this process). */
export function createAdminGuard(password: string, now: () => number = Date.now): (request: Request, address: string | undefined) => AdminVerdict {
  const failures = new Map<string, { count: number; until: number }>();
  return (request, address) => {
    const key = address ?? '';
    const at = now();
    const seen = failures.get(key);
    const current = seen && seen.until > at ? seen : undefined;
    if (current && current.count >= ADMIN_FAILURE_LIMIT.max) return { ok: false, retryAfterSeconds: Math.ceil((current.until - at) / 1000) };
    if (isAdmin(request, password)) return { ok: true };
    // A browser's first request carries no credentials: only a wrong password counts.
    if (request.headers.has('Authorization')) {
      failures.delete(key);
      failures.set(key, { count: (current?.count ?? 0) + 1, until: current?.until ?? at + ADMIN_FAILURE_LIMIT.windowMs });
      if (failures.size > MAX_ADDRESSES) failures.delete(failures.keys().next().value as string);
    }
    return { ok: false };
  };
}
