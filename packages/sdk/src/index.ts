export type * from './types.js';
export { FIELD_CATALOG, getCatalogField, isCatalogFieldId, DEFAULT_COUNTRY, HONEYPOT_FIELD } from './catalog.js';
export { AccountRequestError } from './errors.js';
export * from './validation/validators/index.js';
export {
  createClient,
  createIdempotencyKey,
  ConfigLoadError,
  ConfigSaveError,
  ConflictError,
  SubmissionError,
  isConfigLoadError,
  isConfigSaveError,
  isConflictError,
  isSubmissionError,
  type AccountRequestClient,
  type ClientOptions,
  type LoadedConfig,
  type SubmitOptions,
  type RetryPolicy,
  type SubmissionEnctype,
  type SubmissionErrorKind,
  type SubmissionFailure,
} from './client/index.js';
