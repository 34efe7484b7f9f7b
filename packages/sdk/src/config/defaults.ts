import { FIELD_CATALOG } from '../catalog.js';
import type { FormConfig } from '../types.js';
import { shadowAbsent } from '../own.js';
import { CONFIRMATION_OPTIONAL } from './normalize.js';

/**
 * The config of a fresh install: every catalog field in catalog order with its default
 * flags, no custom field, default settings. A new object on each call.
 */
export function defaultConfig(): FormConfig {
  return {
    version: 1,
    enabled: true,
    fields: FIELD_CATALOG.map(({ id, defaultDisplayed, defaultRequired }) => ({ id, displayed: defaultDisplayed, required: defaultRequired })),
    customFields: [],
    settings: { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: shadowAbsent({}, CONFIRMATION_OPTIONAL) },
  };
}
