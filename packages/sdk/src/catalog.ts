import { core as en } from './i18n/locales/en/core.js';
import { core as fr } from './i18n/locales/fr/core.js';
import { own, shadowAbsent } from './own.js';
import type { CatalogFieldId, FieldDefinition, OptionDefinition } from './types.js';

type Row = Omit<FieldDefinition, 'locked' | 'defaultDisplayed' | 'defaultRequired' | 'label' | 'help'>;
type Words = { readonly label: string; readonly help?: string; readonly options?: Readonly<Record<string, string>> };

// Labels and help live in the translation registry's core tables; the catalog carries the two
// inline languages' copies for consumers that read FIELD_CATALOG directly (docs, exports).
function words(row: Row): Pick<FieldDefinition, 'label' | 'help' | 'options'> {
  // Own keys only: the catalog is built as the module loads, maybe on a page that polluted Object.prototype.
  const [e, f] = [en.fields[row.id] as Words, fr.fields[row.id] as Words];
  const [eOptions, fOptions] = [own(e, 'options'), own(f, 'options')];
  const option = (o: OptionDefinition): OptionDefinition => {
    const label = own(eOptions, o.value);
    return label ? { value: o.value, label: { fr: own(fOptions, o.value) ?? '', en: label } } : o;
  };
  const [help, options] = [own(e, 'help'), own(row, 'options')];
  return {
    label: { fr: f.label, en: e.label },
    ...(help ? { help: { fr: own(f, 'help') ?? '', en: help } } : {}),
    ...(options ? { options: options.map(option) } : {}),
  };
}
const locked = (row: Row): FieldDefinition => ({ ...row, ...words(row), locked: true, defaultDisplayed: true, defaultRequired: true });
const required = (row: Row): FieldDefinition => ({ ...row, ...words(row), locked: false, defaultDisplayed: true, defaultRequired: true });
const displayed = (row: Row): FieldDefinition => ({ ...row, ...words(row), locked: false, defaultDisplayed: true, defaultRequired: false });
const hidden = (row: Row): FieldDefinition => ({ ...row, ...words(row), locked: false, defaultDisplayed: false, defaultRequired: false });

const LEGAL_FORMS = ['SARL', 'SAS', 'SASU', 'SA', 'EURL', 'EI', 'SNC'] as const;
// Options labelled by their value; the values the core tables word (association, M.…) get those words.
const choices = (...values: string[]): OptionDefinition[] => values.map((value) => ({ value, label: value }));

/**
 * Every built-in field, in its default display order. Ids are the submitted JSON keys.
 * Frozen: the table is shared by every config and consumer.
 */
export const FIELD_CATALOG: readonly FieldDefinition[] = Object.freeze(
  [
    locked({ id: 'companyName', type: 'text', autocomplete: 'organization', maxLength: 120 }),
    displayed({ id: 'legalForm', type: 'select', maxLength: 32, options: choices(...LEGAL_FORMS, 'association', 'other') }),
    displayed({ id: 'siret', type: 'text', inputmode: 'numeric', format: 'siret', maxLength: 17 }),
    displayed({ id: 'vatNumber', type: 'text', format: 'vat', maxLength: 20 }),
    displayed({ id: 'civility', type: 'radio', autocomplete: 'honorific-prefix', maxLength: 8, options: choices('M.', 'Mme') }),
    displayed({ id: 'firstName', type: 'text', autocomplete: 'given-name', maxLength: 80 }),
    required({ id: 'lastName', type: 'text', autocomplete: 'family-name', maxLength: 80 }),
    hidden({ id: 'position', type: 'text', autocomplete: 'organization-title', maxLength: 100 }),
    hidden({ id: 'department', type: 'text', maxLength: 100 }),
    locked({ id: 'email', type: 'email', autocomplete: 'email', inputmode: 'email', format: 'email', maxLength: 254 }),
    required({ id: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', format: 'phone', maxLength: 30 }),
    hidden({ id: 'mobile', type: 'tel', autocomplete: 'tel', inputmode: 'tel', format: 'phone', maxLength: 30 }),
    hidden({ id: 'fax', type: 'tel', inputmode: 'tel', format: 'phone', maxLength: 30 }),
    hidden({ id: 'website', type: 'url', autocomplete: 'url', inputmode: 'url', format: 'url', maxLength: 2048 }),
    required({ id: 'street', type: 'text', autocomplete: 'address-line1', maxLength: 200 }),
    hidden({ id: 'addressComplement', type: 'text', autocomplete: 'address-line2', maxLength: 200 }),
    hidden({ id: 'poBox', type: 'text', maxLength: 40 }),
    required({ id: 'postalCode', type: 'text', autocomplete: 'postal-code', format: 'postal-code', maxLength: 16 }),
    required({ id: 'city', type: 'text', autocomplete: 'address-level2', maxLength: 100 }),
    required({ id: 'country', type: 'country', autocomplete: 'country', format: 'country', maxLength: 2 }),
    hidden({ id: 'remarks', type: 'textarea', maxLength: 2000 }),
    hidden({ id: 'password', type: 'password', autocomplete: 'new-password', format: 'password', minLength: 12, maxLength: 128 }),
    hidden({ id: 'newsletter', type: 'checkbox', maxLength: 5 }),
    hidden({ id: 'partnerOffers', type: 'checkbox', maxLength: 5 }),
    // Last, so a config from before it keeps its order; the config's rules move it first when shown.
    hidden({ id: 'customerType', type: 'radio', maxLength: 10, options: choices('company', 'individual') }),
  ].map((row) => Object.freeze(shadowAbsent(row, ['help', 'autocomplete', 'inputmode', 'format', 'options', 'minLength']))),
);

const BY_ID: ReadonlyMap<string, FieldDefinition> = new Map(FIELD_CATALOG.map((field) => [field.id, field]));

/** The catalog entry of `id`, or `undefined` for a custom or unknown id. Safe for any string (`__proto__` included). */
export function getCatalogField(id: string): FieldDefinition | undefined {
  return BY_ID.get(id);
}

/** True when `id` names a catalog field. */
export function isCatalogFieldId(id: string): id is CatalogFieldId {
  return BY_ID.has(id);
}

/** Default country of the `country` field. */
export const DEFAULT_COUNTRY = 'FR';

/** The field that asks whether a company or an individual applies (hidden by default). */
export const CUSTOMER_TYPE_FIELD = 'customerType';

/**
 * The fields that describe a company: when `customerType` is displayed they are shown (and
 * required as configured) only when `company` is chosen, and an individual's request has none.
 */
export const COMPANY_FIELDS: readonly CatalogFieldId[] = Object.freeze(['companyName', 'legalForm', 'siret', 'vatNumber', 'position', 'department']);

/** Name of the hidden anti-spam field: people leave it empty, bots fill it. */
export const HONEYPOT_FIELD = 'nickname';
