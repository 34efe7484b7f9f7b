import type { CatalogFieldId, FieldDefinition } from './types.js';

type Row = Omit<FieldDefinition, 'locked' | 'defaultDisplayed' | 'defaultRequired'>;

const locked = (row: Row): FieldDefinition => ({ ...row, locked: true, defaultDisplayed: true, defaultRequired: true });
const required = (row: Row): FieldDefinition => ({ ...row, locked: false, defaultDisplayed: true, defaultRequired: true });
const displayed = (row: Row): FieldDefinition => ({ ...row, locked: false, defaultDisplayed: true, defaultRequired: false });
const hidden = (row: Row): FieldDefinition => ({ ...row, locked: false, defaultDisplayed: false, defaultRequired: false });

const LEGAL_FORMS = ['SARL', 'SAS', 'SASU', 'SA', 'EURL', 'EI', 'SNC'] as const;

/**
 * Every built-in field, in its default display order. Ids are the submitted JSON keys.
 * Frozen: the table is shared by every config and consumer.
 */
export const FIELD_CATALOG: readonly FieldDefinition[] = Object.freeze(
  [
    locked({ id: 'companyName', type: 'text', label: { fr: 'Raison sociale', en: 'Company name' }, autocomplete: 'organization', maxLength: 120 }),
    displayed({
      id: 'legalForm',
      type: 'select',
      label: { fr: 'Forme juridique', en: 'Legal form' },
      maxLength: 32,
      options: [
        ...LEGAL_FORMS.map((value) => ({ value, label: value })),
        { value: 'association', label: { fr: 'Association', en: 'Non-profit association' } },
        { value: 'other', label: { fr: 'Autre', en: 'Other' } },
      ],
    }),
    displayed({
      id: 'siret',
      type: 'text',
      label: { fr: 'SIRET', en: 'SIRET number' },
      help: { fr: '14 chiffres, sans espaces', en: '14 digits, French companies only' },
      inputmode: 'numeric',
      format: 'siret',
      maxLength: 17,
    }),
    displayed({
      id: 'vatNumber',
      type: 'text',
      label: { fr: 'Numéro de TVA intracommunautaire', en: 'EU VAT number' },
      help: { fr: 'Par exemple FR40303265045', en: 'For example FR40303265045' },
      format: 'vat',
      maxLength: 20,
    }),
    displayed({
      id: 'civility',
      type: 'radio',
      label: { fr: 'Civilité', en: 'Title' },
      autocomplete: 'honorific-prefix',
      maxLength: 8,
      options: [
        { value: 'M.', label: { fr: 'M.', en: 'Mr' } },
        { value: 'Mme', label: { fr: 'Mme', en: 'Ms' } },
      ],
    }),
    displayed({ id: 'firstName', type: 'text', label: { fr: 'Prénom', en: 'First name' }, autocomplete: 'given-name', maxLength: 80 }),
    required({ id: 'lastName', type: 'text', label: { fr: 'Nom', en: 'Last name' }, autocomplete: 'family-name', maxLength: 80 }),
    hidden({ id: 'position', type: 'text', label: { fr: 'Poste', en: 'Job title' }, autocomplete: 'organization-title', maxLength: 100 }),
    hidden({ id: 'department', type: 'text', label: { fr: 'Service', en: 'Department' }, maxLength: 100 }),
    locked({ id: 'email', type: 'email', label: { fr: 'Adresse e-mail', en: 'E-mail address' }, autocomplete: 'email', inputmode: 'email', format: 'email', maxLength: 254 }),
    required({ id: 'phone', type: 'tel', label: { fr: 'Téléphone', en: 'Phone' }, autocomplete: 'tel', inputmode: 'tel', format: 'phone', maxLength: 30 }),
    hidden({ id: 'mobile', type: 'tel', label: { fr: 'Mobile', en: 'Mobile phone' }, autocomplete: 'tel', inputmode: 'tel', format: 'phone', maxLength: 30 }),
    hidden({ id: 'fax', type: 'tel', label: { fr: 'Fax', en: 'Fax' }, inputmode: 'tel', format: 'phone', maxLength: 30 }),
    hidden({ id: 'website', type: 'url', label: { fr: 'Site web', en: 'Website' }, autocomplete: 'url', inputmode: 'url', format: 'url', maxLength: 2048 }),
    required({ id: 'street', type: 'text', label: { fr: 'Adresse', en: 'Street address' }, autocomplete: 'address-line1', maxLength: 200 }),
    hidden({ id: 'addressComplement', type: 'text', label: { fr: "Complément d'adresse", en: 'Address line 2' }, autocomplete: 'address-line2', maxLength: 200 }),
    hidden({ id: 'poBox', type: 'text', label: { fr: 'Boîte postale', en: 'PO box' }, maxLength: 40 }),
    required({ id: 'postalCode', type: 'text', label: { fr: 'Code postal', en: 'Postal code' }, autocomplete: 'postal-code', format: 'postal-code', maxLength: 16 }),
    required({ id: 'city', type: 'text', label: { fr: 'Ville', en: 'City' }, autocomplete: 'address-level2', maxLength: 100 }),
    required({ id: 'country', type: 'country', label: { fr: 'Pays', en: 'Country' }, autocomplete: 'country', format: 'country', maxLength: 2 }),
    hidden({ id: 'remarks', type: 'textarea', label: { fr: 'Remarques', en: 'Remarks' }, maxLength: 2000 }),
    hidden({
      id: 'password',
      type: 'password',
      label: { fr: 'Mot de passe', en: 'Password' },
      help: { fr: 'Au moins 12 caractères', en: 'At least 12 characters' },
      autocomplete: 'new-password',
      format: 'password',
      minLength: 12,
      maxLength: 128,
    }),
    hidden({ id: 'newsletter', type: 'checkbox', label: { fr: "Je souhaite recevoir la lettre d'information", en: 'Send me the newsletter' }, maxLength: 5 }),
    hidden({ id: 'partnerOffers', type: 'checkbox', label: { fr: 'J’accepte de recevoir les offres de nos partenaires', en: 'Send me offers from partners' }, maxLength: 5 }),
  ].map((row) => Object.freeze(row)),
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

/** Name of the hidden anti-spam field: people leave it empty, bots fill it. */
export const HONEYPOT_FIELD = 'nickname';
