import { createFixedWindowLimiter, type RateLimiter } from '../http/rate-limit.js';
import type { RateLimitStore } from '../http/rate-limit-store.js';
import type { AddressSearch, CompanyDirectory } from './adapters.js';

/** The handler's `lookups` option: public lookups for the form, each off unless given. */
export interface LookupOptions {
  /** Answers `GET {base}/lookup/company?siret=…`: the form's offer to fill in a company. */
  readonly company?: CompanyDirectory;
  /** Answers `GET {base}/lookup/address?q=…`: suggestions for the street field (France). */
  readonly address?: AddressSearch;
  /**
   * Lookups allowed per client address (see `trustProxy`, `clientAddress`) and window; default
   * 60 per minute. Counted in this process unless `store` is given (the same shared store as
   * the submissions' `rateLimit.store`, so the limit holds across instances; its keys start
   * with `lookup:`). `false` turns the limit off.
   */
  readonly rateLimit?: { readonly windowMs: number; readonly max: number; readonly store?: RateLimitStore } | false;
}

/** What the lookup routes use, built once per handler. */
export interface LookupRuntime {
  readonly company: CompanyDirectory | undefined;
  readonly address: AddressSearch | undefined;
  /** The limit counted in this process, when on and without a shared store. */
  readonly limiter: RateLimiter | undefined;
  /** The limit and the shared store counting it, when the option gives one. */
  readonly shared: { readonly store: RateLimitStore; readonly windowMs: number; readonly max: number } | undefined;
}

/** The default limit of lookups: 60 per client address per minute. */
export const DEFAULT_LOOKUP_RATE_LIMIT = { windowMs: 60_000, max: 60 } as const;

/** The lookup runtime of a handler, or `undefined` when no lookup is on. */
export function createLookupRuntime(options: LookupOptions | undefined, now: () => Date): LookupRuntime | undefined {
  if (!options?.company && !options?.address) return undefined;
  const limit: LookupOptions['rateLimit'] = options.rateLimit === undefined ? DEFAULT_LOOKUP_RATE_LIMIT : options.rateLimit;
  if (limit && (!(limit.windowMs > 0) || !(limit.max > 0))) throw new TypeError('createAccountRequestHandler: lookups.rateLimit needs a positive windowMs and max.');
  return {
    company: options.company,
    address: options.address,
    limiter: limit && !limit.store ? createFixedWindowLimiter({ windowMs: limit.windowMs, max: limit.max, now: () => now().getTime() }) : undefined,
    shared: limit && limit.store ? { store: limit.store, windowMs: limit.windowMs, max: limit.max } : undefined,
  };
}
