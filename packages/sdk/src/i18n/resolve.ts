import type { ConfigIssue } from '../config/errors.js';
import type { BuiltInLocale, FieldErrorCode, LocalizedText } from '../types.js';
import { en, enConfigIssues, type Messages } from './en.js';
import { fr, frConfigIssues } from './fr.js';

/** The built-in locale for a BCP 47 tag: `fr` for any French tag (`fr-CA`…), `en` otherwise. */
export function resolveLocale(tag?: string): BuiltInLocale {
  return typeof tag === 'string' && /^fr(?:[-_]|$)/i.test(tag) ? 'fr' : 'en';
}

/**
 * A config text in `locale`: the exact tag, then its language (`fr` for `fr-CA`), then `en`,
 * then the first non-empty text. `''` when there is none.
 */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  const tag = String(locale).toLowerCase();
  const entries = Object.entries(text).filter(([, value]) => typeof value === 'string' && value !== '');
  const find = (want: string) => entries.find(([key]) => key.toLowerCase() === want)?.[1];
  return find(tag) ?? find(tag.split(/[-_]/)[0] ?? '') ?? find('en') ?? entries[0]?.[1] ?? '';
}

/** The built-in UI and error strings for `locale` (any tag; falls back to English). */
export function messages(locale?: string): Messages {
  return resolveLocale(locale) === 'fr' ? fr : en;
}

/** Fills `{name}` placeholders of a message. */
export function formatMessage(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}

/** The name of a country in `locale` (`FR` → `France`), or the code when the runtime does not know it. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames([resolveLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The message of a validation error: the wording for `check` (`siret`, `postal-code`,
 * `checkbox`…) when there is one, else the generic one of `code`.
 */
export function errorMessage(
  locale: string | undefined,
  code: FieldErrorCode,
  check?: string,
  params?: Readonly<Record<string, string | number>>,
): string {
  const table = messages(locale);
  const key = `${check}.${code}`;
  const template = check && Object.hasOwn(table.specific, key) ? (table.specific[key] as string) : table.errors[code];
  return formatMessage(template, params);
}

/**
 * How an admin reads a config issue in `locale`: the wording of its `code` with its `params`
 * (an editor shows this beside the control the issue's path points at).
 */
export function configIssueMessage(issue: Pick<ConfigIssue, 'code' | 'params'>, locale?: string): string {
  const table = resolveLocale(locale) === 'fr' ? frConfigIssues : enConfigIssues;
  return formatMessage(Object.hasOwn(table, issue.code) ? table[issue.code] : table.invalid, issue.params);
}
