import type { TemplateResult } from 'lit';
import { countryList } from '@account-request/sdk';
import { renderSelect } from './select.js';
import type { SelectOption } from './select.js';
import type { FieldRenderState } from './shared.js';

const cache = new Map<string, { readonly from: readonly unknown[]; readonly options: readonly SelectOption[] }>();

/**
 * Every country the SDK accepts, named in `locale` and in that language's order: the SDK's
 * country tables (no `Intl` work on the page for the seven UI languages), built once per list.
 */
export function countryOptions(locale: string): readonly SelectOption[] {
  const list = countryList(locale);
  const cached = cache.get(locale);
  // A new list (a language chunk arrived) gives new options.
  if (cached?.from === list) return cached.options;
  const options = list.map(({ code, name }): SelectOption => ({ value: code, label: name }));
  cache.set(locale, { from: list, options });
  return options;
}

/** The country `<select>`, names in the form's language. */
export function renderCountry(state: FieldRenderState, locale: string): TemplateResult {
  return renderSelect(state, countryOptions(locale));
}
