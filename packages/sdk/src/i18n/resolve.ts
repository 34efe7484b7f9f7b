import type { BuiltInLocale, FieldErrorCode, LocalizedText } from '../types.js';
import { formatMessage, intlLocale } from './format.js';
import type { Namespaces } from './namespaces.js';
import { countryCodes, isValidCountryCode } from '../validation/validators/country.js';
import { BUILT_IN_LOCALES, chainOf, languageOf, normalizeTag, onLocalesChange, registeredTables, texts } from './registry.js';

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
  for (const want of chainOf(locale)) {
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

/** A country as a form lists it: its code and its name in some language. */
export interface CountryEntry {
  readonly code: string;
  readonly name: string;
}

const countryLists = new Map<string, readonly CountryEntry[]>();
const regionNames = new Map<string, Intl.DisplayNames>();
onLocalesChange(() => countryLists.clear());

// The `countries` table registered for the tag or its language (not English's: a language
// without one is better named by Intl, in that language).
// Its order: the accepted codes among its keys, when they are all there (a table registered at
// run time may hold anything).
function ownCountryOrder(locale: string | undefined): readonly string[] | undefined {
  const chain = chainOf(locale);
  const own = chain.length > 1 && chain.at(-1) === 'en' && languageOf(locale) !== 'en' ? chain.slice(0, -1) : chain;
  for (const tag of own) {
    const table = registeredTables(tag)?.countries;
    if (!table) continue;
    const order = Object.keys(table).filter(isValidCountryCode);
    if (order.length === countryCodes().length) return order;
  }
  return undefined;
}

// The merged table's name for `code`, when it is a text.
function tableName(table: Readonly<Record<string, unknown>>, code: string): string | undefined {
  const name = table[code];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

const countriesTable = (locale: string | undefined) => texts('countries', locale) as unknown as Readonly<Record<string, unknown>>;

function intlNames(locale: string | undefined): Intl.DisplayNames | undefined {
  try {
    const tag = intlLocale(locale);
    let names = regionNames.get(tag);
    // Built once per locale: a DisplayNames costs far more than a name looked up in it.
    if (!names) regionNames.set(tag, (names = new Intl.DisplayNames([tag], { type: 'region' })));
    return names;
  } catch {
    return undefined;
  }
}

/**
 * Every country {@link isValidCountryCode} accepts, named in `locale` and in that language's
 * alphabetical order: from the registry's `countries` tables (built in for the seven UI
 * languages), else from the runtime's `Intl` (names and collation), else English's table.
 * Computed once per locale.
 */
export function countryList(locale?: string): readonly CountryEntry[] {
  const key = normalizeTag(locale);
  let list = countryLists.get(key);
  if (list) return list;
  const order = ownCountryOrder(locale);
  if (order) {
    const table = countriesTable(locale);
    list = order.map((code) => ({ code, name: tableName(table, code) ?? intlNames(locale)?.of(code) ?? code }));
  } else {
    const intl = intlNames(locale);
    const fallback = registeredTables('en')?.countries as Readonly<Record<string, string>> | undefined;
    const named = countryCodes().map((code) => ({ code, name: intl?.of(code) ?? fallback?.[code] ?? code }));
    try {
      const collator = new Intl.Collator(intlLocale(locale));
      list = named.sort((a, b) => collator.compare(a.name, b.name));
    } catch {
      list = named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
  }
  Object.freeze(list);
  countryLists.set(key, list);
  return list;
}

/** The name of a country in `locale` (`FR` → `France`), or the code when it has none. */
export function countryName(code: string, locale?: string): string {
  const own = isValidCountryCode(code) && ownCountryOrder(locale) ? tableName(countriesTable(locale), code) : undefined;
  if (own) return own;
  try {
    return intlNames(locale)?.of(code) ?? code;
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
  const specific: Readonly<Record<string, string>> = table.specific;
  const key = `${check}.${code}`;
  const template = check && Object.hasOwn(specific, key) ? (specific[key] as string) : table.errors[code];
  return formatMessage(template, params);
}
