import './zod-setup.js';

/**
 * `@account-request/sdk/server`: the fetch-style HTTP handler and its stores. Standard
 * Request/Response and WebCrypto only (Node 22+, Deno, Bun, workers); never import it in a browser.
 */
export { createAccountRequestHandler } from './server/handler.js';
export type { AdminAction, Authorize, AuthorizedActor, AuthorizeResult, DeliveryOptions, HandlerOptions, LoadConfig, RateLimitOptions, SaveConfig, SaveConfigContext } from './server/options.js';
export { createMemoryStore } from './server/store.js';
export type { AccountRequestRecord, IdempotencyClaim, MemoryStoreOptions, RequestStore, StoredResponse } from './server/store.js';
export { createMemoryConfigStore, type ConfigStore } from './server/config-store.js';
export { computeConfigEtag, canonicalJson } from './server/etag.js';
export { hashPassword, verifyPassword, PBKDF2_ITERATIONS, type HashPasswordOptions } from './server/password.js';
export { isCommonPassword } from './server/common-passwords.js';
export { problem, type ProblemDetails, type ProblemFieldError, type ProblemInit } from './server/problem.js';
export { toPublicRecord, type PublicRecord } from './server/processing-routes.js';
export { canTransition, isRequestStatus, requestEtag, toProcessedRecord, REQUEST_STATUSES, STATUS_TRANSITIONS } from './server/lifecycle.js';
export type { HistoryChange, HistoryEntry, ProcessedRecord, RequestStatus } from './server/lifecycle.js';
export { isProcessingStore } from './server/processing-store.js';
export type {
  ActivationTokenRecord, DeliveryOutcome, MailMessage, NotificationKind, NotificationRecord, NotificationState,
  ProcessingStore, RequestPage, RequestPatch, RequestQuery, RequestSort, UpdateResult,
} from './server/processing-store.js';
export { companyKey, compareRecords, foldText, matchesQuery, searchNeedles, searchText } from './server/query.js';
export type { Notifier } from './server/notifier.js';
export { createOutbox, defaultBackoffMs, type DeliveryReport, type Outbox, type OutboxOptions } from './server/outbox.js';
export { activationState, createActivationToken, hashActivationToken, DEFAULT_ACTIVATION_TTL_MS, type ActivationState } from './server/activation.js';
export { activationMail, alertMail, confirmationMail, escapeHtml, headerLine, type MailContent, type MailContext } from './server/mail/index.js';
export { csvCell, toCsv, UTF8_BOM } from './server/csv.js';
export { createFixedWindowLimiter, type RateLimiter, type RateLimitResult } from './server/rate-limit.js';
