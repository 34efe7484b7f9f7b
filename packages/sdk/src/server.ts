import './zod-setup.js';
// Every built-in language, registered at once: validation messages and e-mails in the submission's language.
import './server/locales.js';

/**
 * `@account-request/sdk/server`: the fetch-style HTTP handler and its stores. Standard
 * Request/Response and WebCrypto only (Node 22+, Deno, Bun, workers); never import it in a browser.
 */
export { createAccountRequestHandler, type AccountRequestHandler, type ExecutionContextLike } from './server/http/handler.js';
export { isRecordId, RECORD_ID } from './server/http/ids.js';
export type { AdminAction, Authorize, AuthorizedActor, AuthorizeResult, DeliveryOptions, HandlerOptions, LoadConfig, RateLimitOptions, SaveConfig, SaveConfigContext } from './server/http/options.js';
export { createMemoryStore } from './server/stores/store.js';
export { isFileStore, createMemoryFiles, type FileInfo, type FileStore, type StoredFile } from './server/stores/file-store.js';
export { safeFileName, attachmentDisposition } from './server/uploads/names.js';
export { detectFileKind } from './server/uploads/detect.js';
export { DEFAULT_MAX_UPLOAD_BYTES } from './server/uploads/submission-files.js';
export type { AccountRequestRecord, CreateOptions, IdempotencyClaim, IdempotentAnswer, MemoryStoreOptions, RequestStore, StoredResponse } from './server/stores/store.js';
export { createMemoryConfigStore, type ConfigStore } from './server/stores/config-store.js';
export { computeConfigEtag, canonicalJson } from './server/http/etag.js';
export { hashPassword, verifyPassword, PBKDF2_ITERATIONS, type HashPasswordOptions } from './server/passwords/password.js';
export { isCommonPassword } from './server/passwords/common-passwords.js';
export { problem, type ProblemDetails, type ProblemFieldError, type ProblemInit } from './server/http/problem.js';
export { toPublicRecord, type PublicRecord } from './server/routes/processing-routes.js';
export { canTransition, isRequestStatus, requestEtag, toProcessedRecord, REQUEST_STATUSES, STATUS_TRANSITIONS } from './server/processing/lifecycle.js';
export type { HistoryChange, HistoryEntry, ProcessedRecord, RequestStatus } from './server/processing/lifecycle.js';
export { isProcessingStore } from './server/stores/processing-store.js';
export type {
  ActivationTokenRecord, DeliveryOutcome, MailMessage, NotificationKind, NotificationRecord, NotificationState,
  ProcessingStore, RequestPage, RequestPatch, RequestQuery, RequestSort, UpdateResult,
} from './server/stores/processing-store.js';
export { MAX_SEARCH_LENGTH } from './server/processing/request-query.js';
export { companyKey, compareRecords, foldText, matchesQuery, searchNeedles, searchText } from './server/processing/query.js';
export type { Notifier } from './server/processing/notifier.js';
export { createOutbox, defaultBackoffMs, type DeliveryReport, type Outbox, type OutboxOptions } from './server/processing/outbox.js';
export { activationState, createActivationToken, hashActivationToken, DEFAULT_ACTIVATION_TTL_MS, type ActivationState } from './server/processing/activation.js';
export { activationMail, alertMail, confirmationMail, escapeHtml, headerLine, type MailContent, type MailContext } from './server/mail/index.js';
export { correctionMail, informationMail, invitationMail, rejectionMail } from './server/mail/index.js';
export { ERASED_WEBHOOK_BODY, isDecisionStore } from './server/stores/decision-store.js';
export type {
  ConsentRecord, CorrectionOptions, CorrectionPatch, DecisionOptions, DecisionStore, EraseOptions, EraseResult, InformationTokenRecord, InvitationRecord, InvitationState, StaleQuery,
} from './server/stores/decision-store.js';
export { MESSAGE_MAX_LENGTH, REJECTION_REASONS, type DecisionInput, type RejectionReason } from './server/processing/decision-input.js';
export { correctionConfig, heldFields, DEFAULT_INFORMATION_TTL_MS } from './server/processing/information.js';
export { DEFAULT_INVITATION_TTL_MS } from './server/processing/invitations.js';
export { INVITATION_STATES, invitationState } from './server/processing/invitation-state.js';
export { CONSENT_FIELDS, consentsOf } from './server/processing/consents.js';
export { personalDataExport, tombstone, type ExportedMail, type PersonalDataExport } from './server/processing/personal-data.js';
export { applyRetention, eraseExpiredRequests, RETENTION_RULES, type RetentionReport } from './server/processing/retention.js';
export { toPublicInvitation, type PublicInvitation } from './server/routes/invitation-routes.js';
export { BULK_MAX_IDS, type BulkItem } from './server/routes/decision-routes.js';
export { csvCell, toCsv, UTF8_BOM } from './server/processing/csv.js';
export { clientKey, createFixedWindowLimiter, forwardedClientAddress, type RateLimiter, type RateLimitResult } from './server/http/rate-limit.js';
export { createMemoryRateLimitStore, hitRateLimitStore, type RateLimitStore, type RateLimitWindow } from './server/http/rate-limit-store.js';
export { isWebhookStore } from './server/stores/webhook-store.js';
export type { ChangeOptions, WebhookAttempt, WebhookDelivery, WebhookDeliveryState, WebhookEndpoint, WebhookRows, WebhookSecret, WebhookStore } from './server/stores/webhook-store.js';
export { deliveryErrors, readDeliveryError, type DeliveryError } from './server/webhooks/delivery-errors.js';
export { createWebhookDispatcher, defaultWebhookBackoffMs, signingSecrets, type WebhookDeliveryOptions, type WebhookDispatcher, type WebhookDispatcherOptions, type WebhookReport } from './server/webhooks/dispatcher.js';
export { addWebhookEndpoint, queueWebhookPing, rotateWebhookSecret, setWebhookEndpointEnabled, DEFAULT_ROTATION_OVERLAP_MS, type NewWebhookEndpoint, type WebhookEndpointProblem } from './server/webhooks/admin.js';
export { checkWebhookUrl, isPrivateAddress, type ResolveHost, type WebhookUrlPolicy, type WebhookUrlProblem } from './server/webhooks/addresses.js';
export * from './webhooks/index.js';
export { BOT_CHECK_HEADER, type BotCheckOptions, type BotCheckRefusal } from './server/http/bot-check.js';
export type { AddressSearch, CompanyDirectory, LookupCallOptions, VatChecker, VatCheckAnswer } from './server/lookups/adapters.js';
export { createRechercheEntreprisesDirectory, companyFromSearch, RECHERCHE_ENTREPRISES_URL, type RechercheEntreprisesOptions } from './server/lookups/recherche-entreprises.js';
export { createViesChecker, viesAnswer, viesRefusedRequester, VIES_URL, type ViesOptions } from './server/lookups/vies.js';
export { createApiAdresseSearch, suggestionsFromSearch, API_ADRESSE_URL, MAX_ADDRESS_SUGGESTIONS, type ApiAdresseOptions } from './server/lookups/api-adresse.js';
export { legalFormOf } from './server/lookups/legal-forms.js';
export type { LookupOptions } from './server/lookups/runtime.js';
export { DEFAULT_LOOKUP_RATE_LIMIT } from './server/lookups/runtime.js';
export type { CheckOptions } from './server/checks/runtime.js';
export { createCheckRunner, defaultCheckBackoffMs, type CheckReport, type CheckRunner, type CheckRunnerOptions } from './server/checks/runner.js';
export { companyNamesMatch, vatNameMismatch } from './server/checks/names.js';
export { isVatCheckState, VAT_CHECK_STATES } from './server/checks/types.js';
export type { CheckJob, CheckJobState, CheckKind, CheckOutcome, CheckResult, SiretCheck, SiretCheckState, VatCheck, VatCheckState } from './server/checks/types.js';
export { isCheckStore, type CheckStore } from './server/stores/check-store.js';
export { createLookupCache, type CacheOptions, type LookupCache } from './server/lookups/cache.js';
export { isLookupServiceError, LookupServiceError, type Fetch, type ServiceFailure } from './server/lookups/service.js';
// A date answer in words, for pages and e-mails a server writes (the form's own bundle leaves it out).
export { formatDay } from './i18n/format-date.js';
