import { DEFAULT_COUNTRY } from '../catalog.js';
import { countryName, errorMessage, resolveLocale } from '../i18n/resolve.js';
import type { FieldError, FormConfig, SubmissionValues } from '../types.js';
import { own } from '../own.js';
import { checkValue, type IsCommonPassword } from './check.js';
import { CHECK_DEPENDENCIES } from './dependencies.js';
import { fieldRules, type FieldRule } from './rules.js';

/** The result of {@link validateSubmission}. */
export type ValidationResult =
  | { readonly success: true; readonly data: { readonly values: SubmissionValues; readonly confirmed: true; readonly locale: string } }
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
}

type Bag = Readonly<Record<string, unknown>>;

const isBag = (value: unknown): value is Bag => typeof value === 'object' && value !== null && !Array.isArray(value);

// The field postal codes are checked against.
const COUNTRY = CHECK_DEPENDENCIES['postal-code'] as string;

// The country postal codes are checked against: the submitted one when it looks like a code.
function submittedCountry(config: FormConfig, values: Bag): string {
  const shown = config.fields.some((entry) => entry.id === COUNTRY && entry.displayed);
  const raw = shown ? own(values, COUNTRY) : undefined;
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

const notConfirmed = (locale: string | undefined): FieldError => ({
  field: 'confirmed',
  code: 'not_confirmed',
  message: errorMessage(locale, 'not_confirmed'),
});

/**
 * Validates a submission body `{ values, confirmed, locale }` against `config`: strings
 * trimmed and NFC-normalized, every displayed field checked, at most one error per field in
 * display order, then the confirmation (`confirmed` must be `true`). Hidden and unknown fields
 * are dropped; empty optional fields are omitted. Never throws, whatever `body` is.
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
  const country = safe(() => submittedCountry(config, values)) ?? DEFAULT_COUNTRY;
  const errors: FieldError[] = [];
  const out: Record<string, string | number | boolean> = {};
  for (const rule of fieldRules(config)) {
    const result = checkField(rule, () => own(values, rule.id), country, locale, options.isCommonPassword);
    if ('field' in result) errors.push(result);
    else if (result.value !== undefined) out[rule.id] = result.value as string | number | boolean;
  }
  if (safe(() => own(bag, 'confirmed')) !== true) errors.push(notConfirmed(locale));
  if (errors.length) return { success: false, errors };
  return { success: true, data: { values: out, confirmed: true, locale: resolveLocale(typeof bodyLocale === 'string' ? bodyLocale : locale) } };
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
 * hidden or unknown), else its error. `id` may be `confirmed`. Pass the other `values` so a
 * postal code is checked against the chosen country (see `dependentFields`).
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
  const country = safe(() => submittedCountry(config, id === COUNTRY ? { [COUNTRY]: value } : values)) ?? DEFAULT_COUNTRY;
  const result = checkField(rule, () => value, country, options.locale, options.isCommonPassword);
  return 'field' in result ? result : undefined;
}
