import './zod-setup.js';

/**
 * `@account-request/sdk/server`: the fetch-style HTTP handler and its stores. Standard
 * Request/Response and WebCrypto only (Node 22+, Deno, Bun, workers); never import it in a browser.
 */
export { createAccountRequestHandler } from './server/handler.js';
export type { AdminAction, Authorize, HandlerOptions, LoadConfig, RateLimitOptions, SaveConfig, SaveConfigContext } from './server/options.js';
export { createMemoryStore } from './server/store.js';
export type { AccountRequestRecord, IdempotencyClaim, MemoryStoreOptions, RequestStore, StoredResponse } from './server/store.js';
export { createMemoryConfigStore, type ConfigStore } from './server/config-store.js';
export { computeConfigEtag, canonicalJson } from './server/etag.js';
export { hashPassword, verifyPassword, PBKDF2_ITERATIONS, type HashPasswordOptions } from './server/password.js';
export { problem, type ProblemDetails, type ProblemFieldError, type ProblemInit } from './server/problem.js';
export { toPublicRecord, type PublicRecord } from './server/list-routes.js';
export { createFixedWindowLimiter, type RateLimiter, type RateLimitResult } from './server/rate-limit.js';
