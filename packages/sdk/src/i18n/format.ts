import { languageOf, normalizeTag, registeredTables } from './registry.js';
import type { Text } from './table.js';

type Params = Readonly<Record<string, string | number>>;

/**
 * The `Intl` locale for a tag, extensions dropped: English's when nothing is registered for its
 * language (its texts are English's); else the tag itself when it names a region or script
 * (`fr-CA`), else the default its language's core table gives (`fr` → `fr-FR`, `en` → `en-GB`),
 * else the tag when `Intl` accepts it (a registered `sv`), else English's.
 */
export function intlLocale(tag?: string): string {
  let canonical: string | undefined;
  try {
    // Without extensions (`-u-nu-arab`, `-x-…`): an Accept-Language header must not choose the
    // digits or the calendar of a sentence written in another language's words.
    canonical = Intl.getCanonicalLocales(normalizeTag(tag) || [])[0]?.split(/-[\da-z](?=-)/i)[0];
  } catch {
    // Not a language tag: English's default below.
  }
  const english = registeredTables('en')?.core?.intl as string;
  const own = registeredTables(languageOf(tag));
  // A language nothing registered is shown in English words: its dates, numbers and country
  // names follow them, not the tag (English text with Chinese numerals and country names).
  if (!own) return english;
  if (canonical?.includes('-')) return canonical;
  return own.core?.intl ?? canonical ?? english;
}

/** Fills `{name}` placeholders; an unknown name stays as it is, a value is never re-scanned. */
export function formatMessage(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : match));
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralRulesOf(tag: string | undefined): Intl.PluralRules {
  const locale = intlLocale(tag);
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/**
 * A registry text with its parameters: a plural picks its form for `params.count` with
 * `Intl.PluralRules` of `tag` (falling back to `other`), then `{name}` placeholders are filled.
 */
export function format(text: Text, params: Params = {}, tag?: string): string {
  if (typeof text === 'string') return formatMessage(text, params);
  const category = pluralRulesOf(tag).select(Number(params['count'] ?? 0));
  return formatMessage(text[category] ?? text.other, params);
}

/**
 * Gets `tag`'s plural rules ready before a plural text needs them: a page's first
 * `Intl.PluralRules` loads the browser's locale data (1 to 5 ms), better spent while the
 * person reads than when they press a button. Optional: `format` does it when needed.
 */
export function preparePlurals(tag?: string): void {
  pluralRulesOf(tag).select(0);
}

/** `value` written for `tag` with `Intl.NumberFormat`. */
export function formatNumber(value: number, tag?: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(tag), options).format(value);
}

/** A wait in words for `tag` ("30 seconds", "2 minutes"): seconds below a minute, whole minutes (rounded up) from one minute. */
export function formatDuration(seconds: number, tag?: string): string {
  const minutes = seconds >= 60;
  return formatNumber(minutes ? Math.ceil(seconds / 60) : seconds, tag, { style: 'unit', unit: minutes ? 'minute' : 'second', unitDisplay: 'long' });
}
