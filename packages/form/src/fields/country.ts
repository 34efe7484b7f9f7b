import type { TemplateResult } from 'lit';
import { countryCodes, intlLocale } from '@account-request/sdk';
import { renderSelect } from './select.js';
import type { SelectOption } from './select.js';
import type { FieldRenderState } from './shared.js';

const cache = new Map<string, readonly SelectOption[]>();

/**
 * Every country the SDK accepts ({@link countryCodes}), named by the browser in `locale` and
 * sorted for that language; built once per locale, names from the browser's CLDR data.
 */
export function countryOptions(locale: string): readonly SelectOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  // The registry's Intl locale: a valid tag for any `lang` the page has (`fr` → `fr-FR`).
  const tag = intlLocale(locale);
  const names = new Intl.DisplayNames([tag], { type: 'region' });
  const options = countryCodes().map((code): SelectOption => ({ value: code, label: names.of(code) ?? code }));
  const collator = new Intl.Collator(tag);
  options.sort((a, b) => collator.compare(a.label, b.label));
  cache.set(locale, options);
  return options;
}

/** The country `<select>`, names in the form's language. */
export function renderCountry(state: FieldRenderState, locale: string): TemplateResult {
  return renderSelect(state, countryOptions(locale));
}
