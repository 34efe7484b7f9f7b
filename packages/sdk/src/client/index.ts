export { createClient, type AccountRequestClient, type ClientOptions, type LoadedConfig, type SubmitOptions } from './client.js';
export type { RetryPolicy } from './retry.js';
export { LookupError, isLookupError, type LookupRequestOptions } from './lookups.js';
export type { SubmissionEnctype } from './encode.js';
export { createIdempotencyKey } from './idempotency-key.js';
export { handlerUrl } from './handler-url.js';
export {
  ConfigLoadError,
  ConfigSaveError,
  ConflictError,
  SubmissionError,
  isConfigLoadError,
  isConfigSaveError,
  isConflictError,
  isSubmissionError,
  type SubmissionErrorKind,
  type SubmissionFailureReason,
  type SubmissionRefusal,
  type SubmissionFailure,
  type HttpFailure,
} from './errors.js';
export type { Fetch } from './http.js';
