/** Outcome of {@link RateLimiter.hit}. */
export type RateLimitResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Counts hits per key. */
export interface RateLimiter {
  hit(key: string): RateLimitResult;
}

interface Window {
  count: number;
  readonly resetAt: number;
}

const SWEEP_THRESHOLD = 10_000;

/** A wait as a `Retry-After` value: whole seconds, rounded up so a client never asks too early, at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * An in-memory fixed-window limiter: at most `max` hits per key in each `windowMs` window,
 * starting at the key's first hit. Per process: several instances each count on their own.
 */
export function createFixedWindowLimiter(options: { windowMs: number; max: number; now?: () => number }): RateLimiter {
  const { windowMs, max } = options;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  // A window is (re)inserted when it starts, so the map is in reset order: expired windows sit
  // at the front, and a sweep stops at the first live one.
  const sweep = (time: number): void => {
    if (windows.size < SWEEP_THRESHOLD) return;
    for (const [key, window] of windows) {
      if (window.resetAt > time) break;
      windows.delete(key);
    }
  };

  return {
    hit(key) {
      const time = now();
      sweep(time);
      let window = windows.get(key);
      if (!window || window.resetAt <= time) {
        window = { count: 0, resetAt: time + windowMs };
        windows.delete(key);
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= max) return { allowed: true };
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(window.resetAt - time) };
    },
  };
}

// Loose on purpose: enough to refuse a header's junk (names, ports, empty parts), with no
// Node-only `isIP` so the handler keeps running on workers.
const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)$/;

/**
 * The client address that `trustedProxies` proxies in front of the server saw, read from
 * `X-Forwarded-For`. Each proxy appends the address it received the request from, so the last
 * N entries were written by our proxies and the Nth from the right is the client; entries
 * further left come from the client and may be forged. `undefined` when the header holds
 * fewer entries than that, or the chosen entry is not an IP address.
 */
export function forwardedClientAddress(forwardedFor: string | null, trustedProxies: number): string | undefined {
  if (trustedProxies < 1 || forwardedFor === null) return undefined;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  const chosen = entries[entries.length - Math.floor(trustedProxies)];
  return chosen !== undefined && IP_ADDRESS.test(chosen) ? chosen : undefined;
}

/**
 * The rate-limit bucket of a request: behind trusted proxies (`trustProxy`: `true` for one, or
 * their number), the client address they saw in `X-Forwarded-For`; else what `clientAddress`
 * says; else one shared bucket.
 */
export function clientKey(request: Request, trustProxy: boolean | number, clientAddress?: (request: Request) => string | undefined): string {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy;
  return forwardedClientAddress(request.headers.get('X-Forwarded-For'), hops) ?? clientAddress?.(request) ?? 'unknown';
}
