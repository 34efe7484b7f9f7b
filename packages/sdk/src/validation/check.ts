import type { FieldErrorCode } from '../types.js';
import type { FieldRule } from './rules.js';
import {
  checkPassword,
  checkPostalCode,
  checkVatNumber,
  codePointLength,
  compactIdentifier,
  hasForbiddenCharacters,
  isValidCountryCode,
  isValidEmail,
  isValidHttpUrl,
  isValidPhone,
  isValidSiret,
  normalizeEmail,
  normalizeText,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from './validators/index.js';
// Not exported with the validators: one rule for the SDK's checks, not an API of its own.
import { isBlank } from './validators/text.js';
import { isCalendarDay } from './validators/date.js';

/** Why a value was refused: the code, the check whose wording applies, message parameters. */
export interface Problem {
  readonly code: FieldErrorCode;
  readonly check?: string | undefined;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
}

/** A checked value (`undefined` when empty), or a problem. */
export type Outcome = { readonly value: string | number | boolean | undefined } | { readonly problem: Problem };

const fail = (code: FieldErrorCode, check?: string, params?: Problem['params']): Outcome => ({ problem: { code, check, params } });

// Checkbox values from JSON (booleans) and from classic form posts (`on`, `true`).
const CHECKED = new Set<unknown>([true, 'on', 'true']);
const UNCHECKED = new Set<unknown>([false, undefined, null, '', 'off', 'false']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const LETTERS = /^[\p{L}\p{M} '’-]+$/u;
const IDENTIFIERS = new Set(['siret', 'vat', 'country']);

// One format check: a problem code, or the value to keep (possibly in canonical form).
function format(check: string, v: string, country: string): FieldErrorCode | { value: string } {
  const ok = (test: boolean, value = v) => (test ? { value } : 'invalid_format');
  switch (check) {
    case 'email': {
      const email = normalizeEmail(v);
      return ok(isValidEmail(email), email);
    }
    case 'phone':
      return ok(isValidPhone(v));
    case 'url':
      return ok(isValidHttpUrl(v));
    case 'siret': {
      const siret = compactIdentifier(v);
      if (!/^\d{14}$/.test(siret)) return 'invalid_format';
      return isValidSiret(siret) ? { value: siret } : 'invalid_checksum';
    }
    case 'vat': {
      const result = checkVatNumber(v);
      return result === 'ok' ? { value: compactIdentifier(v) } : result;
    }
    case 'postal-code':
      return ok(checkPostalCode(v, country) === 'ok');
    case 'country':
      return ok(isValidCountryCode(v.toUpperCase()), v.toUpperCase());
    case 'digits':
      return ok(/^\d+$/.test(v));
    case 'letters':
      return ok(LETTERS.test(v) && /\p{L}/u.test(v));
    case 'date':
      return ok(isCalendarDay(v));
    default:
      return { value: v };
  }
}

function checkText(rule: FieldRule, raw: string, country: string, isCommon: IsCommonPassword | undefined): Outcome {
  // A password keeps its spaces: trimming would silently change the secret.
  let v = rule.type === 'password' ? raw.normalize('NFC') : normalizeText(raw);
  // Nothing visible is nothing given, whatever invisible characters it holds (a password of spaces is a password).
  if (rule.type === 'password' ? v === '' : isBlank(v)) return { value: undefined };
  // Checked after trimming, so a tab or line break pasted at an end is forgiven, not refused.
  if (hasForbiddenCharacters(v, { multiline: rule.type === 'textarea' })) return fail('invalid_characters');
  if (rule.type === 'password') {
    const result = checkPassword(v, { isCommon });
    return result === 'ok' ? { value: v } : fail(result, 'password', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  }
  if (rule.options) return rule.options.has(v) ? { value: v } : fail('invalid_option');
  const length = codePointLength(v);
  if (length > rule.maxLength) {
    // "At most 17 characters" says little about a SIRET: identifiers get their format's wording.
    const id = rule.checks.find((check) => IDENTIFIERS.has(check));
    return id ? fail('invalid_format', id) : fail('too_long', undefined, { max: rule.maxLength });
  }
  if (rule.minLength !== undefined && length < rule.minLength) return fail('too_short', undefined, { min: rule.minLength });
  for (const check of rule.checks) {
    const result = format(check, v, country);
    if (typeof result === 'string') return fail(result, check, check === 'postal-code' ? { country } : undefined);
    v = result.value;
  }
  return { value: v };
}

function checkNumber(raw: unknown): Outcome {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  if (text === '') return { value: undefined };
  const n = text === undefined ? raw : NUMBER.test(text) ? Number(text) : NaN;
  if (typeof n !== 'number') return fail('invalid_type');
  return Number.isFinite(n) ? { value: n } : fail('invalid_format', 'number');
}

/** A password blocklist: `true` when the password is too common. */
export type IsCommonPassword = (password: string) => boolean;

/**
 * Checks one submitted value against its rule. `country` is the submitted country (ISO code)
 * that postal codes are checked against; `isCommon`, when given, is the password blocklist.
 * Never throws for any `raw` (a throwing `isCommon` aside).
 */
export function checkValue(rule: FieldRule, raw: unknown, country: string, isCommon?: IsCommonPassword): Outcome {
  if (rule.type === 'checkbox') {
    if (CHECKED.has(raw)) return { value: true };
    if (!UNCHECKED.has(raw)) return fail('invalid_type');
    return rule.required ? fail('required', 'checkbox') : { value: false };
  }
  const outcome =
    raw === undefined || raw === null
      ? { value: undefined }
      : rule.type === 'number'
        ? checkNumber(raw)
        : typeof raw === 'string'
          ? checkText(rule, raw, country, isCommon)
          : fail('invalid_type');
  return 'value' in outcome && outcome.value === undefined && rule.required ? fail('required', rule.type) : outcome;
}
