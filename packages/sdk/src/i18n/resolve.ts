import type { BuiltInLocale, FieldErrorCode, LocalizedText } from '../types.js';
import { formatMessage, intlLocale } from './format.js';
import type { Namespaces } from './namespaces.js';
import { BUILT_IN_LOCALES, languageOf, localeChain, texts } from './registry.js';

export { formatMessage } from './format.js';

/** The built-in UI and error strings of one locale: the `core` namespace of the registry. */
export type Messages = Namespaces['core'];

const BUILT_IN: readonly BuiltInLocale[] = BUILT_IN_LOCALES;

/**
 * The built-in locale for a BCP 47 tag: its language when it is one of {@link BUILT_IN_LOCALES}
 * (`de` for `de-AT`, `fr` for `fr_BE`), `en` otherwise. Elements and pages pass the tag itself
 * to `texts()`, so a language a page registered at run time is used too.
 */
export function resolveLocale(tag?: string): BuiltInLocale {
  const language = languageOf(tag);
  return (BUILT_IN as readonly string[]).includes(language) ? (language as BuiltInLocale) : 'en';
}

/**
 * A config text in `locale`: the exact tag, then its language (`fr` for `fr-CA`), then `en`,
 * then the first non-empty text. `''` when there is none.
 */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  const entries = Object.entries(text).filter(([, value]) => typeof value === 'string' && value !== '');
  for (const want of localeChain(locale)) {
    const found = entries.find(([key]) => key.toLowerCase() === want)?.[1];
    if (found !== undefined) return found;
  }
  return entries[0]?.[1] ?? '';
}

/**
 * The text `text` holds for exactly `locale` (a plain string holds every locale's), `''` when
 * none: what an editor's box for that language shows. Own properties only.
 */
export function exactText(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined || typeof text === 'string') return text ?? '';
  return Object.hasOwn(text, locale) ? (text[locale] ?? '') : '';
}

/** The built-in UI and error strings for `locale` (any tag; the registry's fallback applies). */
export function messages(locale?: string): Messages {
  return texts('core', locale);
}

/** The name of a country in `locale` (`FR` → `France`), or the code when the runtime does not know it. */
export function countryName(code: string, locale?: string): string {
  try {
    const tag = intlLocale(locale);
    let names = regionNames.get(tag);
    // Built once per locale: a DisplayNames costs far more than a name looked up in it.
    if (!names) regionNames.set(tag, (names = new Intl.DisplayNames([tag], { type: 'region' })));
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const regionNames = new Map<string, Intl.DisplayNames>();

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
  const specific: Readonly<Record<string, string>> = table.specific;
  const key = `${check}.${code}`;
  const template = check && Object.hasOwn(specific, key) ? (specific[key] as string) : table.errors[code];
  return formatMessage(template, params);
}
