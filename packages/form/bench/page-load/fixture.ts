// The form both pages of the page-load bench show: the same config for the element and for the
// hand-written page, and what an empty submit must show. Read through the SDK sources, so the
// hand-written page carries the very messages the element shows.
import { CONFIG_LIMITS, CUSTOMER_TYPE_FIELD, DEFAULT_COUNTRY, FIELD_CATALOG, parseConfig, resolveFields, validateSubmission } from '../../../sdk/src/index.js';
import type { FieldError, ResolvedField } from '../../../sdk/src/index.js';

/** Locale of both pages. */
export const LOCALE = 'en';

/** Types the custom fields cycle through to reach 199 fields (every control kind a config offers). */
const CUSTOM_TYPES = ['text', 'email', 'tel', 'number', 'date', 'textarea', 'select', 'url', 'radio', 'checkbox'] as const;

/** One bench case: `count` displayed fields. */
export interface Fixture {
  readonly count: number;
  /** The raw config, as inlined in the element's JSON child. */
  readonly config: Record<string, unknown>;
  /** The displayed fields, resolved in {@link LOCALE}. */
  readonly fields: readonly ResolvedField[];
  /** Control names each page must render: every field and the confirmation box. */
  readonly names: readonly string[];
  /** What an empty submit must show, in display order: the first gets the focus. */
  readonly errors: readonly FieldError[];
}

/**
 * The first `count` catalog fields with the catalog's required flags (at 20: company to
 * country, 8 required), then custom fields of every kind, one in three required, up to the cap.
 */
export function fixture(count: number): Fixture {
  // The customer-type question stays off: it hides the company fields until it is answered, and
  // both pages show the same fields from the start (the 20-field B2B form). So at most
  // 199 fields show: the cap of 200 counts that question among the catalog's.
  const catalog = FIELD_CATALOG.filter((field) => field.id !== CUSTOMER_TYPE_FIELD);
  const most = catalog.length + CONFIG_LIMITS.maxCustomFields;
  if (count > most) throw new RangeError(`the bench's form shows at most ${most} fields`);
  const customCount = Math.max(0, count - catalog.length);
  const custom = Array.from({ length: customCount }, (_, i) => {
    const type = CUSTOM_TYPES[i % CUSTOM_TYPES.length] ?? 'text';
    const options = type === 'select' || type === 'radio' ? { options: ['a', 'b', 'c'].map((value) => ({ value, label: { fr: `Choix ${value}`, en: `Choice ${value}` } })) } : {};
    return { id: `custom${i}`, type, label: { fr: `Champ ${i + 1}`, en: `Field ${i + 1}` }, ...options };
  });
  const config = {
    version: 1,
    enabled: true,
    fields: [
      ...catalog.map((field, i) => ({ id: field.id, displayed: i < count, required: i < count && field.defaultRequired })),
      ...custom.map((field, i) => ({ id: field.id, displayed: true, required: i % 3 === 0 })),
    ],
    customFields: custom,
    settings: { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: {} },
  };
  const parsed = parseConfig(config);
  const fields = resolveFields(parsed, { locale: LOCALE });
  if (fields.length !== count) throw new Error(`the config displays ${fields.length} fields, not ${count}`);
  // The element starts every field empty but the country (the default one): so does the page.
  const values = Object.fromEntries(fields.map((field) => [field.id, field.type === 'checkbox' ? false : field.type === 'country' ? DEFAULT_COUNTRY : '']));
  const result = validateSubmission(parsed, { values, confirmed: false, locale: LOCALE }, { locale: LOCALE });
  if (result.success) throw new Error('an empty submission passed validation: nothing to measure');
  const order = [...fields.map((field) => field.id), 'confirmed'];
  const errors = [...result.errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { count, config, fields, names: order, errors };
}
