import type { TemplateResult } from 'lit';
import { intlLocale, isValidCountryCode } from '@account-request/sdk';
import { renderSelect } from './select.js';
import type { SelectOption } from './select.js';
import type { FieldRenderState } from './shared.js';

const cache = new Map<string, readonly SelectOption[]>();

/**
 * Every region the browser can name in `locale` and the SDK accepts as an ISO 3166-1
 * code, sorted for that language. Built from the 676 two-letter candidates rather than
 * a bundled table, so the bundle stays small and names follow the browser's CLDR data.
 */
export function countryOptions(locale: string): readonly SelectOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  // The registry's Intl locale: a valid tag for any `lang` the page has (`fr` → `fr-FR`).
  const tag = intlLocale(locale);
  const names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });
  const options: SelectOption[] = [];
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      if (!isValidCountryCode(code)) continue;
      const label = names.of(code);
      if (label) options.push({ value: code, label });
    }
  }
  const collator = new Intl.Collator(tag);
  options.sort((a, b) => collator.compare(a.label, b.label));
  cache.set(locale, options);
  return options;
}

/** The country `<select>`, names in the form's language. */
export function renderCountry(state: FieldRenderState, locale: string): TemplateResult {
  return renderSelect(state, countryOptions(locale));
}
