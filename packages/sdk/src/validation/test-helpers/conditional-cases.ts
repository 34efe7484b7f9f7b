// Data only, shared by the Node suite (validateSubmission and the real handler) and the browser
// suite (validateSubmission in Chromium): both sides must accept and refuse exactly these.

/** A config with every kind of condition: the customer type, the country, a sector's "other". */
export const CONDITIONAL_CONFIG = {
  fields: [
    { id: 'customerType', displayed: true },
    { id: 'companyName' },
    { id: 'legalForm', required: true },
    { id: 'siret', required: true, visibleWhen: { field: 'country', in: ['FR'] } },
    // Every EU member state but France.
    { id: 'vatNumber', required: true, visibleWhen: { field: 'country', in: ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'] } },
    { id: 'sector', required: true },
    { id: 'otherSector', required: true, visibleWhen: { field: 'sector', in: ['other'] } },
    { id: 'lastName', required: true },
    { id: 'email' },
    { id: 'phone', required: true },
    { id: 'street', required: true },
    { id: 'postalCode', required: true },
    { id: 'city', required: true },
    { id: 'country', required: true },
    { id: 'newsletter', displayed: true },
    { id: 'remarks', visibleWhen: { any: [{ field: 'newsletter', filled: true }, { all: [{ field: 'customerType', in: ['individual'] }, { field: 'country', notIn: ['FR'] }] }] } },
  ],
  customFields: [
    { id: 'sector', type: 'select', label: { en: 'Sector', fr: 'Secteur' }, options: [{ value: 'retail', label: 'Retail' }, { value: 'other', label: 'Other' }] },
    { id: 'otherSector', type: 'text', label: { en: 'Other sector', fr: 'Autre secteur' } },
  ],
} as const;

const person = { email: 'zoe@morel.example', lastName: 'Morel', phone: '+33 4 78 00 00 00', street: '2 rue Neuve', postalCode: '69002', city: 'Lyon', country: 'FR', sector: 'retail' };
const company = { ...person, customerType: 'company', companyName: 'Quincaillerie Morel', legalForm: 'SARL', siret: '732 829 320 00074' };
const belgian = { ...company, siret: undefined, country: 'BE', postalCode: '1000', city: 'Bruxelles' };

/** One submission and what both sides must answer. */
export interface ConditionalCase {
  readonly name: string;
  readonly values: Readonly<Record<string, unknown>>;
  /** The errors, in order, when refused. */
  readonly errors?: readonly (readonly [field: string, code: string])[];
  /** When accepted: the stored values (hidden fields dropped, values normalized). */
  readonly stored?: Readonly<Record<string, unknown>>;
  /** The fields shown for these values, in display order. */
  readonly shown?: readonly string[];
}

const storedPerson = { email: 'zoe@morel.example', lastName: 'Morel', phone: '+33 4 78 00 00 00', street: '2 rue Neuve', postalCode: '69002', city: 'Lyon', country: 'FR', sector: 'retail', newsletter: false };
const storedCompany = { ...storedPerson, customerType: 'company', companyName: 'Quincaillerie Morel', legalForm: 'SARL', siret: '73282932000074' };

export const CONDITIONAL_CASES: readonly ConditionalCase[] = [
  {
    name: 'a French company gives its SIRET, no VAT number',
    values: company,
    stored: storedCompany,
    shown: ['customerType', 'companyName', 'legalForm', 'siret', 'sector', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'country', 'newsletter'],
  },
  { name: 'a VAT number sent for France is dropped, not checked', values: { ...company, vatNumber: 'not a number' }, stored: storedCompany },
  { name: 'the country is compared as validation stores it', values: { ...company, country: ' fr ' }, stored: storedCompany },
  { name: 'a French company without its SIRET is refused', values: { ...company, siret: '' }, errors: [['siret', 'required']] },
  { name: 'a Belgian company needs its VAT number; a bad SIRET it sends is dropped', values: { ...belgian, siret: 'abc' }, errors: [['vatNumber', 'required']] },
  {
    name: 'a Belgian company with its VAT number',
    values: { ...belgian, vatNumber: 'BE 0123 456 789' },
    stored: { ...storedCompany, siret: undefined, country: 'BE', postalCode: '1000', city: 'Bruxelles', vatNumber: 'BE0123456789' },
  },
  { name: 'a Swiss company gives neither', values: { ...company, siret: 'x', vatNumber: 'y', country: 'CH', postalCode: '8001', city: 'Zürich' }, stored: { ...storedCompany, siret: undefined, country: 'CH', postalCode: '8001', city: 'Zürich' } },
  {
    name: 'an individual carries no company value, even when sent, invalid or not',
    values: { ...company, customerType: 'individual', legalForm: 'nope', siret: '123' },
    stored: { ...storedPerson, customerType: 'individual' },
    shown: ['customerType', 'sector', 'lastName', 'email', 'phone', 'street', 'postalCode', 'city', 'country', 'newsletter'],
  },
  { name: 'nobody said who applies: customer type required, company fields not asked', values: { ...company, customerType: undefined, companyName: '' }, errors: [['customerType', 'required']] },
  { name: 'a customer type that is not offered', values: { ...company, customerType: 'alien' }, errors: [['customerType', 'invalid_option']] },
  { name: 'a company without its name', values: { ...company, companyName: ' ' }, errors: [['companyName', 'required']] },
  { name: 'sector "other" asks which one', values: { ...company, sector: 'other' }, errors: [['otherSector', 'required']] },
  { name: 'sector "other" with its text', values: { ...company, sector: 'other', otherSector: ' Ferronnerie ' }, stored: { ...storedCompany, sector: 'other', otherSector: 'Ferronnerie' } },
  { name: 'another sector drops the "other" text', values: { ...company, otherSector: 'Ferronnerie' }, stored: storedCompany },
  { name: 'remarks appear with the newsletter (any of two)', values: { ...company, newsletter: true, remarks: 'Hello' }, stored: { ...storedCompany, newsletter: true, remarks: 'Hello' } },
  { name: 'remarks appear for an individual abroad (all of two)', values: { ...person, customerType: 'individual', country: 'CH', postalCode: '8001', remarks: 'Grüezi' }, stored: { ...storedPerson, customerType: 'individual', country: 'CH', postalCode: '8001', remarks: 'Grüezi' } },
  { name: 'remarks stay hidden otherwise, their value dropped', values: { ...company, remarks: 'Hello' }, stored: storedCompany },
  { name: 'a hidden field is never required, and several errors come in display order', values: { ...company, legalForm: '', siret: '1', email: 'x' }, errors: [['legalForm', 'required'], ['siret', 'invalid_format'], ['email', 'invalid_format']] },
];

/** The stored values of a case, without the keys set to `undefined` (left out). */
export function expectedValues(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined));
}

/** The values of a case as a body would carry them (keys set to `undefined` left out). */
export const submittedValues = expectedValues;
