import { DEFAULT_COUNTRY } from '../catalog.js';
import { countryName, errorMessage, resolveLocale } from '../i18n/resolve.js';
import type { FieldError, FileDescription, FormConfig, SubmissionValues } from '../types.js';
import { own } from '../own.js';
import { visibleSet } from '../visibility.js';
import { checkValue, type IsCommonPassword } from './check.js';
import { CHECK_DEPENDENCIES } from './dependencies.js';
import { checkFiles, formatFileKinds, formatFileSize, type FileProblem } from './files.js';
import { fieldRules, type FieldRule } from './rules.js';

/** The files of a valid submission, by field id (only fields shown and given files). */
export type SubmissionFiles = Readonly<Record<string, readonly FileDescription[]>>;

/** The result of {@link validateSubmission}. `data.files` is there only when files were chosen. */
export type ValidationResult =
  | { readonly success: true; readonly data: { readonly values: SubmissionValues; readonly confirmed: true; readonly locale: string; readonly files?: SubmissionFiles } }
  | { readonly success: false; readonly errors: FieldError[] };

/** Options of the validation functions. */
export interface ValidationOptions {
  /** The locale of the error messages (falls back to `en`). */
  readonly locale?: string | undefined;
  /**
   * A password blocklist: `true` refuses the password as `too_common`. Browsers skip it by
   * default to stay small (the length and repeated-chunk rules still apply); the server
   * handler applies its built-in list (`isCommonPassword` from `@account-request/sdk/server`),
   * so a common password is refused by the server's 422 and the form shows it on the field.
   */
  readonly isCommonPassword?: ((password: string) => boolean) | undefined;
  /**
   * Fields whose control holds an entry the browser could not read into a value: a date typed in
   * part, or a day that does not exist, leaves an `<input type="date">` empty with
   * `validity.badInput` set. Each one shown is refused as `invalid_format` (its own wording:
   * "This date is incomplete or does not exist…"), whatever its value, so a half-typed optional
   * date is never sent as no date and a required one is not called missing.
   */
  readonly unreadable?: readonly string[] | undefined;
}

type Bag = Readonly<Record<string, unknown>>;

const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

// The field postal codes are checked against.
const COUNTRY = CHECK_DEPENDENCIES['postal-code'] as string;

// The country postal codes are checked against: the submitted one when it looks like a code.
function submittedCountry(shownFields: ReadonlySet<string>, values: Bag): string {
  const raw = shownFields.has(COUNTRY) ? own(values, COUNTRY) : undefined;
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  return /^[A-Z]{2}$/.test(code) ? code : DEFAULT_COUNTRY;
}

// One field: its error (`invalid_type` if checking it threw), or its checked value.
function checkField(
  rule: FieldRule,
  read: () => unknown,
  country: string,
  locale: string | undefined,
  isCommon: IsCommonPassword | undefined,
): FieldError | { readonly value: unknown } {
  const outcome = safe(() => checkValue(rule, read(), country, isCommon)) ?? { problem: { code: 'invalid_type' } };
  if ('value' in outcome) return outcome;
  const { code, check, params } = outcome.problem;
  // Messages name the country (`Belgique`), not its code.
  const shown = params && 'country' in params ? { country: countryName(String(params['country']), locale) } : params;
  return { field: rule.id, code, message: errorMessage(locale, code, check, shown) };
}

// Whether `id` is among the unreadable controls (a list only: any other option value names none).
const isUnreadable = (options: ValidationOptions, id: string): boolean => Array.isArray(options.unreadable) && options.unreadable.includes(id);

const unreadable = (rule: FieldRule, locale: string | undefined): FieldError => ({
  field: rule.id,
  code: 'invalid_format',
  message: errorMessage(locale, 'invalid_format', 'unreadable'),
});

function fileError(rule: FieldRule, problem: FileProblem, locale: string | undefined): FieldError {
  const params =
    problem.code === 'too_many_files' ? { max: problem.max }
    : problem.code === 'file_too_large' ? { max: formatFileSize(problem.maxBytes, locale) }
    : problem.code === 'invalid_file_type' ? { types: formatFileKinds(problem.accept, locale) }
    : undefined;
  return { field: rule.id, code: problem.code, message: errorMessage(locale, problem.code, 'file', params) };
}

// A file field: its error, or its files.
function checkFileField(rule: FieldRule & { files: NonNullable<FieldRule['files']> }, read: () => unknown, locale: string | undefined): FieldError | { readonly files: FileDescription[] } {
  const outcome = safe(() => checkFiles(rule.files, rule.required, read())) ?? { problem: { code: 'invalid_type' } as const };
  return 'problem' in outcome ? fileError(rule, outcome.problem, locale) : outcome;
}

const hasFiles = (rule: FieldRule): rule is FieldRule & { files: NonNullable<FieldRule['files']> } => rule.files !== undefined;

const notConfirmed = (locale: string | undefined): FieldError => ({
  field: 'confirmed',
  code: 'not_confirmed',
  message: errorMessage(locale, 'not_confirmed'),
});

/**
 * Validates a submission body `{ values, confirmed, locale }` against `config`: strings
 * trimmed and NFC-normalized, every shown field checked (displayed, and its condition holds for
 * these values: see `visibleFields`), at most one error per field in display order, then the
 * confirmation (`confirmed` must be `true`). Hidden and unknown fields are dropped, whatever
 * they hold; empty optional fields are omitted. A file field's value is a list of file
 * descriptions (browser `File`s fit): their count, declared type and size are checked, and they
 * come back in `data.files`, never in `data.values`. Never throws, whatever `body` is.
 */
export function validateSubmission(config: FormConfig, body: unknown, options: ValidationOptions = {}): ValidationResult {
  let bag: Bag = {};
  let values: Bag = {};
  try {
    if (isBag(body)) bag = body;
    const inner = own(bag, 'values');
    if (isBag(inner)) values = inner;
  } catch {
    // A hostile object (throwing getter, revoked proxy): validated as an empty submission.
  }
  const bodyLocale = safe(() => own(bag, 'locale'));
  const locale = options.locale ?? (typeof bodyLocale === 'string' ? bodyLocale : undefined);
  const shown = safe(() => visibleSet(config, values)) ?? new Set<string>();
  const country = safe(() => submittedCountry(shown, values)) ?? DEFAULT_COUNTRY;
  const errors: FieldError[] = [];
  const out: Record<string, string | number | boolean> = {};
  const files: Record<string, readonly FileDescription[]> = {};
  for (const rule of fieldRules(config)) {
    if (!shown.has(rule.id)) continue;
    const read = () => own(values, rule.id);
    const result =
      isUnreadable(options, rule.id) ? unreadable(rule, locale)
      : hasFiles(rule) ? checkFileField(rule, read, locale)
      : checkField(rule, read, country, locale, options.isCommonPassword);
    if ('field' in result) errors.push(result);
    else if ('files' in result) {
      if (result.files.length) files[rule.id] = result.files;
    } else if (result.value !== undefined) out[rule.id] = result.value as string | number | boolean;
  }
  if (safe(() => own(bag, 'confirmed')) !== true) errors.push(notConfirmed(locale));
  if (errors.length) return { success: false, errors };
  const data = { values: out, confirmed: true as const, locale: resolveLocale(typeof bodyLocale === 'string' ? bodyLocale : locale) };
  return { success: true, data: Object.keys(files).length ? { ...data, files } : data };
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Checks one field as a form does on blur: `undefined` when the value is fine (or the field is
 * hidden, by its flags or its condition, or unknown), else its error. `id` may be `confirmed`.
 * Pass the other `values` so a postal code is checked against the chosen country (see
 * `dependentFields`) and conditions are decided.
 */
export function validateField(
  config: FormConfig,
  id: string,
  value: unknown,
  options: ValidationOptions & { readonly values?: Readonly<Record<string, unknown>> } = {},
): FieldError | undefined {
  if (id === 'confirmed') return value === true ? undefined : notConfirmed(options.locale);
  const rule = fieldRules(config).find((candidate) => candidate.id === id);
  if (!rule) return undefined;
  const values = isBag(options.values) ? options.values : {};
  const shown = safe(() => visibleSet(config, values)) ?? new Set<string>();
  if (!shown.has(id)) return undefined;
  const country = safe(() => submittedCountry(shown, id === COUNTRY ? { [COUNTRY]: value } : values)) ?? DEFAULT_COUNTRY;
  if (isUnreadable(options, id)) return unreadable(rule, options.locale);
  const result = hasFiles(rule) ? checkFileField(rule, () => value, options.locale) : checkField(rule, () => value, country, options.locale, options.isCommonPassword);
  return 'field' in result ? result : undefined;
}
