// The zod schemas are in `@account-request/sdk/zod`, the wording of config issues and conditions
// in `@account-request/sdk/editing`: this entry carries neither zod nor those tables.
export type * from './types.js';
// Data and texts first, then the rules, then the client: modules land in the bundle in this
// order, and like next to like compresses better (~75 bytes of the 18 KB budget).
export { FIELD_CATALOG, getCatalogField, isCatalogFieldId, DEFAULT_COUNTRY, HONEYPOT_FIELD, CUSTOMER_TYPE_FIELD, COMPANY_FIELDS } from './catalog.js';
export { EU_MEMBER_STATES } from './eu.js';
export { resolveLocale, localize, exactText, messages, formatMessage, countryName, countryList, errorMessage, en, fr, type Messages, type CountryEntry } from './i18n/index.js';
export * from './i18n/api.js';
export * from './validation/validators/index.js';
export {
  defaultConfig,
  parseConfig,
  safeParseConfig,
  ConfigError,
  isConfigError,
  CONFIG_LIMITS,
  CUSTOM_FIELD_TYPES,
  CUSTOM_FIELD_FORMATS,
  FILE_KINDS,
  takesValueTests,
  conditionFields,
  takesOptions,
  takesTextRules,
  setDisplayed,
  setRequired,
  moveField,
  addCustomField,
  updateCustomField,
  removeCustomField,
  updateSettings,
  setVisibleWhen,
  isLocked,
  deriveCustomFieldId,
  addStepBreak,
  moveStepBreak,
  removeStepBreak,
  setStepTitle,
  type SafeParseConfigResult,
  type ConfigIssue,
  type ConfigIssueCode,
  type NewCustomField,
  type CustomFieldPatch,
  type SettingsPatch,
} from './config/index.js';
export { resolveFields, resolveConfirmation, fieldLabel, CUSTOM_MAX_LENGTH } from './resolve.js';
export { visibleFields, isFieldVisible, effectiveCondition, isFilled, type FieldValues } from './visibility.js';
export { resolveSteps, type ResolvedStep } from './resolve-steps.js';
export {
  validateSubmission,
  validateField,
  dependentFields,
  CHECK_DEPENDENCIES,
  checkFiles,
  fileLimits,
  fileKindOf,
  formatFileSize,
  formatFileKinds,
  FILE_KIND_TYPES,
  type FileLimits,
  type FileProblem,
  type SubmissionFiles,
  type ValidationResult,
  type ValidationOptions,
  type SubmissionData,
} from './validation/index.js';
export * from './lookups/index.js';
export { AccountRequestError } from './errors.js';
export * from './client/index.js';
