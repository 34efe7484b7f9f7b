import { FIELD_CATALOG } from '../catalog.js';

/** Upper bounds of every config, so no config can make a page or a server work without limit. */
export const CONFIG_LIMITS = Object.freeze({
  /** Catalog and custom fields together. */
  maxFields: 200,
  maxCustomFields: 200 - FIELD_CATALOG.length,
  maxOptions: 50,
  /** Locales in one label, help or message map. */
  maxLocales: 20,
  maxIdLength: 64,
  maxLabelLength: 200,
  /** Help texts and the confirmation message. */
  maxTextLength: 2000,
  maxOptionValueLength: 100,
  maxUrlLength: 2048,
  maxEmailLength: 254,
  /** Bound of a custom field's `minLength` / `maxLength`. */
  maxValueLength: 10_000,
  /** Nesting of `all` / `any` in one `visibleWhen`. */
  maxConditionDepth: 4,
  /** Tests (`in`, `notIn`, `filled`) in one `visibleWhen`, and items of one `all` / `any`. */
  maxConditionTerms: 20,
  /** Values of one `in` / `notIn` (every country fits). */
  maxConditionValues: 300,
  maxSteps: 20,
  /** Largest `maxBytes` of a file field: 10 MiB. */
  maxFileBytes: 10 * 1024 * 1024,
  /** `maxBytes` of a file field that sets none: 5 MiB. */
  defaultFileBytes: 5 * 1024 * 1024,
  /** Largest `maxFiles` of a file field. */
  maxFilesPerField: 5,
  /** Longest `settings.retentionDays`: ten years. */
  maxRetentionDays: 3650,
});
