import type { FormConfig } from '../types.js';
import type { RequestStore } from './store.js';

/** What an admin route asks `authorize` for. */
export type AdminAction = 'config:write' | 'requests:read';

/**
 * Decides whether `request` may perform `action`. `true` lets it through; `false` answers a
 * 401 problem; a `Response` is sent as is (to add `WWW-Authenticate`, or answer 403).
 */
export type Authorize = (request: Request, action: AdminAction) => boolean | Response | Promise<boolean | Response>;

/**
 * Returns the stored config (sync or as a promise; normalized again by the handler), or
 * `undefined` for the default config. The handler caches the parsed config and its ETag per
 * returned object: return the same object until the config changes, and a new one after.
 */
export type LoadConfig = () => unknown;

/** What the handler tells `saveConfig` so a store can refuse a lost race atomically. */
export interface SaveConfigContext {
  /** The ETag the client had, already checked against the config `loadConfig` returned. */
  readonly ifMatch: string;
  /** The ETag of the config being saved. */
  readonly etag: string;
}

/**
 * Persists a normalized config. Resolve `false` when the stored config no longer has the ETag
 * `context.ifMatch` (another writer won): the handler answers 412. Compute ETags with
 * `computeConfigEtag`.
 */
export type SaveConfig = (config: FormConfig, context: SaveConfigContext) => Promise<boolean | void>;

/** Fixed-window rate limit of public submissions. */
export interface RateLimitOptions {
  readonly windowMs: number;
  /** Submissions allowed per key and window. */
  readonly max: number;
  /** The bucket of a request; defaults to the client address (see `trustProxy`, `clientAddress`). */
  readonly key?: (request: Request) => string;
}

/** Options of `createAccountRequestHandler`. */
export interface HandlerOptions {
  readonly loadConfig: LoadConfig;
  /** Without it, `PUT {base}/config` answers 405. */
  readonly saveConfig?: SaveConfig;
  readonly store: RequestStore;
  /** Without it every admin route is refused (403). */
  readonly authorize?: Authorize;
  /** Mount path, e.g. `/api/account-requests`; default `''`. */
  readonly basePath?: string;
  /** Largest accepted request body, counted while reading; default 64 KiB. */
  readonly maxBodyBytes?: number;
  /**
   * Origins (`https://shop.example`) allowed to post submissions and read the config from a
   * browser, besides the handler's own origin. They also get CORS headers.
   */
  readonly allowedOrigins?: readonly string[];
  /** Off by default. */
  readonly rateLimit?: RateLimitOptions;
  /** Read the client address from the first `X-Forwarded-For` entry: only behind a proxy that sets it. */
  readonly trustProxy?: boolean;
  /** The client address when not behind a trusted proxy (e.g. from the server adapter's socket). */
  readonly clientAddress?: (request: Request) => string | undefined;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /** Replaces the default PBKDF2 hashing (e.g. with argon2 where available). */
  readonly hashPassword?: (password: string) => Promise<string>;
}
