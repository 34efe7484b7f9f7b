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
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - time) / 1000)) };
    },
  };
}

/**
 * The rate-limit bucket of a request: the first `X-Forwarded-For` entry when the proxy is
 * trusted (any client can forge that header otherwise), else what `clientAddress` says, else
 * one shared bucket.
 */
export function clientKey(request: Request, trustProxy: boolean, clientAddress?: (request: Request) => string | undefined): string {
  if (trustProxy) {
    const first = request.headers.get('X-Forwarded-For')?.split(',', 1)[0]?.trim();
    if (first) return first;
  }
  return clientAddress?.(request) ?? 'unknown';
}
