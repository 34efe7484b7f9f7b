import type { FormConfig } from '../types.js';
import { fieldRules } from './rules.js';

/**
 * The other field a check reads, by check: a postal code is checked against the chosen country.
 * The validation functions read that field's value; a form re-checks the fields that depend on
 * a field ({@link dependentFields}) when its value changes.
 */
export const CHECK_DEPENDENCIES: Readonly<Record<string, string>> = Object.freeze({ 'postal-code': 'country' });

/**
 * The displayed fields of `config` whose check reads the value of field `id`, in display
 * order: `country` gives `postalCode` and every custom field of format `postal-code`.
 */
export function dependentFields(config: FormConfig, id: string): string[] {
  const reads = (check: string) => Object.hasOwn(CHECK_DEPENDENCIES, check) && CHECK_DEPENDENCIES[check] === id;
  return fieldRules(config)
    .filter((rule) => rule.checks.some(reads))
    .map((rule) => rule.id);
}
