import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELD_CATALOG, HONEYPOT_FIELD } from '../catalog.js';
import { addCustomField, parseConfig, setDisplayed } from '../config/index.js';
import type { FieldError, FormConfig } from '../types.js';
import { validateField, validateSubmission } from './index.js';

// Every catalog field displayed and required where the catalog says so (companies only: no customer type), plus one custom field per rule.
let config: FormConfig = parseConfig({ fields: FIELD_CATALOG.filter((f) => f.id !== 'fax' && f.id !== 'customerType').map(({ id, defaultRequired }) => ({ id, required: defaultRequired })) });
const customs = [
  { id: 'code', type: 'text', label: 'Code', format: 'digits', minLength: 3, maxLength: 6 },
  { id: 'contact', type: 'text', label: 'Contact', format: 'letters' },
  { id: 'depot', type: 'text', label: 'Depot', format: 'postal-code' },
  { id: 'hotline', type: 'text', label: 'Hotline', format: 'phone' },
  { id: 'billing', type: 'email', label: 'Billing' },
  { id: 'shop', type: 'url', label: 'Shop' },
  { id: 'staff', type: 'number', label: 'Staff' },
  { id: 'founded', type: 'date', label: 'Founded' },
  { id: 'sector', type: 'select', label: 'Sector', options: [{ value: 'retail', label: 'Retail' }, { value: 'industry', label: 'Industry' }] },
  { id: 'size', type: 'radio', label: 'Size', options: [{ value: 'small', label: 'Small' }] },
  { id: 'terms', type: 'checkbox', label: 'Terms', required: true },
  { id: 'about', type: 'textarea', label: 'About', minLength: 10 },
  { id: 'fixed', type: 'tel', label: 'Fixed' },
] as const;
for (const field of customs) config = addCustomField(config, field);

const valid = {
  companyName: 'ACME',
  legalForm: 'SAS',
  siret: '732 829 320 00074',
  vatNumber: 'FR 40 303 265 045',
  civility: 'Mme',
  firstName: 'Ana',
  lastName: 'Lopez',
  position: 'Buyer',
  department: 'Purchasing',
  email: 'ana@example.com',
  phone: '+33 1 23 45 67 89',
  mobile: '06 12 34 56 78',
  website: 'https://example.com',
  street: '1 rue de la Paix',
  addressComplement: 'Bât. B',
  poBox: 'BP 12',
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
  remarks: 'Hello',
  password: 'correct horse battery staple',
  newsletter: true,
  partnerOffers: false,
  terms: true,
} as Record<string, unknown>;

const submit = (values: Record<string, unknown>, locale = 'en', extra: Record<string, unknown> = {}) =>
  validateSubmission(config, { values, confirmed: true, locale, ...extra }, { locale });

function errorFor(field: string, value: unknown, locale = 'en', others: Record<string, unknown> = {}): FieldError | undefined {
  const result = submit({ ...valid, ...others, [field]: value }, locale);
  if (result.success) return undefined;
  const errors = result.errors.filter((e) => e.field === field);
  assert.ok(errors.length <= 1, 'at most one error per field');
  assert.deepEqual(result.errors.filter((e) => e.field !== field), [], 'no other error');
  return errors[0];
}

function accepted(field: string, value: unknown, expected?: unknown, others: Record<string, unknown> = {}): void {
  const result = submit({ ...valid, ...others, [field]: value });
  assert.ok(result.success, `${field}=${JSON.stringify(value)}: ${JSON.stringify(!result.success && result.errors)}`);
  if (arguments.length > 2) assert.deepEqual(result.data.values[field], expected);
}

// [field, value, code, English message, French message]; messages are checked literally where the wording is field-specific.
const refused: [string, unknown, FieldError['code'], RegExp, RegExp][] = [
  ['lastName', '', 'required', /^This field is required\.$/, /^Ce champ est obligatoire\.$/],
  ['lastName', '   ', 'required', /required/, /obligatoire/],
  ['lastName', null, 'required', /required/, /obligatoire/],
  // Invisible characters alone are nothing typed: zero-width space, joiners, word joiner, BOM (as NBSP already was).
  ['companyName', '\u200b\u200b', 'required', /required/, /obligatoire/],
  ['companyName', ' \u200c\u200d\u2060\ufeff\u00a0', 'required', /required/, /obligatoire/],
  ['lastName', 42, 'invalid_type', /not valid/, /n'est pas valide/],
  ['lastName', ['Lopez'], 'invalid_type', /not valid/, /n'est pas valide/],
  ['lastName', { a: 1 }, 'invalid_type', /not valid/, /n'est pas valide/],
  ['lastName', true, 'invalid_type', /not valid/, /n'est pas valide/],
  ['lastName', 'Lo\u0000pez', 'invalid_characters', /characters that are not allowed/, /caractères non autorisés/],
  ['lastName', 'Lo\npez', 'invalid_characters', /not allowed/, /non autorisés/],
  ['lastName', 'abc\u202Efed', 'invalid_characters', /not allowed/, /non autorisés/],
  ['companyName', 'ACME\u2028Status: approved', 'invalid_characters', /not allowed/, /non autorisés/],
  ['lastName', '\u3164', 'required', /required/, /obligatoire/],
  ['remarks', 'abc\u2066x', 'invalid_characters', /not allowed/, /non autorisés/],
  ['lastName', 'x'.repeat(81), 'too_long', /^Enter at most 80 characters\.$/, /^Saisissez au plus 80 caractères\.$/],
  ['lastName', '😀'.repeat(81), 'too_long', /80/, /80/],
  ['code', '12', 'too_short', /^Enter at least 3 characters\.$/, /^Saisissez au moins 3 caractères\.$/],
  ['code', '1234567', 'too_long', /6/, /6/],
  ['code', '12a', 'invalid_format', /digits only/, /uniquement des chiffres/],
  ['contact', 'R2D2', 'invalid_format', /letters/, /lettres/],
  ['contact', "'-", 'invalid_format', /letters/, /lettres/],
  ['about', 'short', 'too_short', /10/, /10/],
  ['email', 'not-an-email', 'invalid_format', /e-mail address such as/, /adresse e-mail comme/],
  ['billing', 'a@b', 'invalid_format', /e-mail/, /e-mail/],
  ['phone', 'call me', 'invalid_format', /phone number/, /numéro de téléphone/],
  ['hotline', '12', 'invalid_format', /phone/, /téléphone/],
  ['fixed', 'abc', 'invalid_format', /phone/, /téléphone/],
  ['website', 'javascript:alert(1)', 'invalid_format', /https:\/\//, /https:\/\//],
  ['shop', 'ftp://example.com', 'invalid_format', /web address/, /adresse web/],
  ['siret', '123 456', 'invalid_format', /^A SIRET number has 14 digits\.$/, /^Un numéro SIRET comporte 14 chiffres\.$/],
  ['siret', '732 829 320 00075', 'invalid_checksum', /SIRET number does not exist/, /numéro SIRET n'existe pas/],
  ['siret', '7 3 2 8 2 9 3 2 0 0 0 0 7 4', 'invalid_format', /14 digits/, /14 chiffres/],
  ['vatNumber', 'FR00303265045', 'invalid_checksum', /key of this VAT number/, /clé de ce numéro de TVA/],
  ['vatNumber', 'XX123456789', 'invalid_format', /EU VAT number/, /TVA intracommunautaire/],
  ['postalCode', '7500', 'invalid_format', /^This is not a valid postal code for France\.$/, /^Ce code postal n'est pas valide pour le pays : France\.$/],
  ['postalCode', '00100', 'invalid_format', /France/, /France/],
  ['depot', 'ABCDE', 'invalid_format', /postal code for France/, /pour le pays : France/],
  ['country', 'ZZ', 'invalid_format', /^Choose a country from the list\.$/, /^Choisissez un pays dans la liste\.$/],
  ['country', 'France', 'invalid_format', /country/, /pays/],
  ['country', '', 'required', /required/, /obligatoire/],
  ['password', 'short', 'too_short', /^The password needs at least 12 characters\.$/, /au moins 12 caractères/],
  ['password', 'x'.repeat(129), 'too_long', /at most 128/, /au plus 128/],
  ['password', 'azertyazerty', 'too_common', /too common/, /trop courant/],
  ['legalForm', 'LLC', 'invalid_option', /one of the options/, /une des options/],
  ['civility', 'Dr', 'invalid_option', /options/, /options/],
  ['sector', 'Retail', 'invalid_option', /options/, /options/],
  ['size', 'big', 'invalid_option', /options/, /options/],
  ['staff', 'twelve', 'invalid_format', /^Enter a number\.$/, /^Saisissez un nombre\.$/],
  ['staff', '1e999', 'invalid_format', /number/, /nombre/],
  ['staff', true, 'invalid_type', /not valid/, /pas valide/],
  ['staff', [1], 'invalid_type', /not valid/, /pas valide/],
  ['founded', '2023-02-29', 'invalid_format', /YYYY-MM-DD/, /AAAA-MM-JJ/],
  ['founded', '29/02/2024', 'invalid_format', /date/, /date/],
  ['founded', '2024-13-01', 'invalid_format', /date/, /date/],
  ['terms', false, 'required', /^Tick this box to continue\.$/, /^Cochez cette case pour continuer\.$/],
  ['terms', undefined, 'required', /Tick/, /Cochez/],
  ['newsletter', 'yes please', 'invalid_type', /not valid/, /pas valide/],
  ['newsletter', 1, 'invalid_type', /not valid/, /pas valide/],
];

describe('validateSubmission', () => {
  it('accepts a full valid submission and normalizes it', () => {
    const result = submit(valid, 'fr');
    assert.ok(result.success, JSON.stringify(!result.success && result.errors));
    assert.deepEqual(result.data.values, { ...valid, siret: '73282932000074', vatNumber: 'FR40303265045' });
    assert.equal(result.data.confirmed, true);
    assert.equal(result.data.locale, 'fr');
  });

  for (const [field, value, code, enMessage, frMessage] of refused) {
    it(`refuses ${field} = ${JSON.stringify(value)?.slice(0, 40)} with ${code}, in en and fr`, () => {
      const inEnglish = errorFor(field, value, 'en');
      assert.equal(inEnglish?.code, code);
      assert.match(inEnglish.message, enMessage);
      const inFrench = errorFor(field, value, 'fr');
      assert.equal(inFrench?.code, code);
      assert.match(inFrench.message, frMessage);
      assert.notEqual(inFrench.message, inEnglish.message);
    });
  }

  it('trims, applies NFC and counts code points', () => {
    accepted('lastName', '  Lopez\t', 'Lopez');
    accepted('lastName', 'Jose\u0301', 'José');
    accepted('lastName', '😀'.repeat(80), '😀'.repeat(80));
    accepted('remarks', 'line one\r\nline two\ttabbed', 'line one\r\nline two\ttabbed');
  });

  it('omits an optional field holding only invisible characters, and keeps a joiner inside a text', () => {
    accepted('about', '\u200b\n\u2060\ufeff', undefined);
    accepted('remarks', '\u200b', undefined);
    accepted('lastName', 'Lo\u200dpez', 'Lo\u200dpez');
  });

  it('accepts the catalog formats and keeps their canonical form', () => {
    accepted('email', '  Ana.Lopez@Example.COM ', 'Ana.Lopez@example.com');
    accepted('siret', '356 000 000 00048', '35600000000048');
    accepted('vatNumber', 'de 123456789', 'DE123456789');
    accepted('country', 'be', 'BE', { postalCode: '1000' });
    accepted('postalCode', '20000', '20000');
    accepted('postalCode', '97400', '97400');
    accepted('postalCode', 'sw1a 1aa', 'sw1a 1aa', { country: 'GB' });
    // Invisible characters pasted with an identifier are dropped from its canonical form.
    accepted('siret', '\u200b73282932000074\u200b', '73282932000074');
    accepted('vatNumber', '\u200eFR40303265045\u200f', 'FR40303265045');
    accepted('website', 'http://example.com/path?q=1');
    accepted('password', ' a passphrase with spaces ', ' a passphrase with spaces ');
  });

  it('applies no password blocklist by default (the browser stays small); repeated chunks are still refused', () => {
    accepted('password', 'password1234', 'password1234');
    accepted('password', 'Motdepasse123', 'Motdepasse123');
    assert.equal(errorFor('password', 'abcabcabcabc')?.code, 'too_common');
  });

  it('applies the isCommonPassword option to the NFC-normalized password, after the length rule', () => {
    const asked: string[] = [];
    const isCommonPassword = (password: string) => (asked.push(password), password.toLowerCase() === 'password1234');
    const check = (password: string) => validateSubmission(config, { values: { ...valid, password }, confirmed: true }, { locale: 'fr', isCommonPassword });
    const common = check('Password1234');
    assert.ok(!common.success);
    assert.deepEqual(common.errors, [{ field: 'password', code: 'too_common', message: 'Ce mot de passe est trop courant : choisissez-en un autre.' }]);
    assert.ok(check('correct horse battery staple').success);
    assert.equal(check('court').success, false);
    assert.deepEqual(asked, ['Password1234', 'correct horse battery staple'], 'not asked about a password that is too short');
    assert.ok(check('Cafe\u0301 au lait du matin').success);
    assert.equal(asked.at(-1), 'Café au lait du matin'.normalize('NFC'));
  });

  it('checks postal codes against the submitted country', () => {
    assert.match(errorFor('postalCode', '75002', 'fr', { country: 'BE' })?.message ?? '', /Belgique/);
    assert.match(errorFor('postalCode', '75002', 'en', { country: 'BE' })?.message ?? '', /Belgium/);
    accepted('postalCode', '1000', '1000', { country: 'BE' });
    // "\ufb00" upper-cases to "FF": the ligature is not a postal code letter.
    assert.equal(errorFor('postalCode', 'sw1a 1a\ufb00', 'en', { country: 'GB' })?.code, 'invalid_format');
    accepted('depot', '10115', '10115', { country: 'DE', postalCode: '10115' });
    // Without a displayed country field, France is assumed.
    const noCountry = setDisplayed(parseConfig({ fields: [{ id: 'postalCode', required: true }] }), 'country', false);
    const result = validateSubmission(noCountry, { values: { companyName: 'A', email: 'a@example.com', postalCode: '1000', country: 'BE' }, confirmed: true });
    assert.equal(result.success ? '' : result.errors[0]?.code, 'invalid_format');
  });

  it('reads checkboxes from booleans and from form posts', () => {
    for (const value of [true, 'on', 'true']) accepted('newsletter', value, true);
    for (const value of [false, 'off', 'false', '', undefined]) accepted('newsletter', value, false);
    accepted('terms', 'on', true);
  });

  it('reads numbers from numbers and numeric strings', () => {
    accepted('staff', 12, 12);
    accepted('staff', ' 4.5e2 ', 450);
    accepted('staff', '-3', -3);
    accepted('staff', '', undefined);
  });

  it('accepts real dates, custom formats and options', () => {
    accepted('founded', '2024-02-29', '2024-02-29');
    accepted('contact', "Jean-Pierre O'Neil", "Jean-Pierre O'Neil");
    accepted('contact', 'Zoë Ōtake', 'Zoë Ōtake');
    accepted('code', '0042', '0042');
    accepted('sector', 'industry', 'industry');
    accepted('legalForm', 'association', 'association');
  });

  it('omits empty optional fields and drops hidden and unknown ones', () => {
    const result = submit({ ...valid, position: '', department: '  ', fax: '01 02 03 04 05', unknown: 'x', [HONEYPOT_FIELD]: 'bot' });
    assert.ok(result.success);
    assert.ok(!('position' in result.data.values) && !('department' in result.data.values));
    assert.ok(!('fax' in result.data.values), 'hidden field dropped');
    assert.ok(!('unknown' in result.data.values) && !(HONEYPOT_FIELD in result.data.values));
  });

  it('never lets __proto__ or constructor reach a prototype', () => {
    const values = JSON.parse(`{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, ${JSON.stringify(valid).slice(1)}`) as Record<string, unknown>;
    const body = JSON.parse(`{"__proto__": {"confirmed": true}, "values": ${JSON.stringify(values)}}`) as unknown;
    const result = validateSubmission(config, body, { locale: 'en' });
    assert.ok(!result.success);
    assert.deepEqual(result.errors.map((e) => e.field), ['confirmed'], 'confirmed is not read from a prototype');
    const ok = validateSubmission(config, { values, confirmed: true });
    assert.ok(ok.success);
    assert.equal(Object.getPrototypeOf(ok.data.values), Object.prototype);
    assert.ok(!Object.hasOwn(ok.data.values, '__proto__') && !Object.hasOwn(ok.data.values, 'constructor'));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    // Inherited values are not submitted values.
    const inherited = Object.create({ lastName: 'Inherited' }) as Record<string, unknown>;
    const missing = validateSubmission(config, { values: Object.assign(inherited, { ...valid, lastName: undefined }), confirmed: true });
    assert.deepEqual(missing.success ? [] : missing.errors.map((e) => e.field), ['lastName']);
  });

  it('needs confirmed to be literally true', () => {
    for (const confirmed of [false, 'true', 'on', 1, undefined, null]) {
      const result = validateSubmission(config, { values: valid, confirmed }, { locale: 'en' });
      assert.ok(!result.success);
      assert.deepEqual(result.errors, [{ field: 'confirmed', code: 'not_confirmed', message: 'Tick the box to confirm the information is accurate.' }]);
      const fr = validateSubmission(config, { values: valid, confirmed }, { locale: 'fr' });
      assert.equal(fr.success ? '' : fr.errors[0]?.message, "Cochez la case pour confirmer l'exactitude des informations.");
    }
  });

  it('reports errors in display order, one per field, confirmation last', () => {
    const result = validateSubmission(config, { values: { lastName: 42, email: 'x', country: 'ZZ', postalCode: '1' } }, { locale: 'en' });
    assert.ok(!result.success);
    const order = config.fields.map((f) => f.id);
    const fields = result.errors.map((e) => e.field);
    assert.equal(fields.at(-1), 'confirmed');
    assert.deepEqual(fields.slice(0, -1), [...fields.slice(0, -1)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    assert.equal(new Set(fields).size, fields.length);
    assert.ok(fields.includes('companyName') && fields.includes('terms'));
  });

  it('never throws, whatever the body', () => {
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const throwing = { get values(): never { throw new Error('boom'); }, confirmed: true };
    const throwingValues = { values: { get lastName(): never { throw new Error('boom'); } }, confirmed: true };
    for (const body of [undefined, null, 'x', 42, [], [valid], { values: null }, { values: [] }, { values: 'x' }, revocable.proxy, { values: revocable.proxy }, throwing, throwingValues, { values: valid, confirmed: true, locale: 42 }]) {
      const result = validateSubmission(config, body, { locale: 'fr' });
      assert.equal(typeof result.success, 'boolean');
      if (!result.success) assert.ok(result.errors.every((e) => e.message.length > 0));
    }
    const broken = validateSubmission(config, throwingValues, { locale: 'en' });
    assert.equal(broken.success ? '' : broken.errors.find((e) => e.field === 'lastName')?.code, 'invalid_type');
  });

  it('takes the message locale from the body when no option is given, falling back to en', () => {
    const fr = validateSubmission(config, { values: {}, locale: 'fr-BE' });
    assert.equal(fr.success ? '' : fr.errors[0]?.message, 'Ce champ est obligatoire.');
    const sv = validateSubmission(config, { values: {}, locale: 'sv' });
    assert.equal(sv.success ? '' : sv.errors[0]?.message, 'This field is required.');
    const ok = validateSubmission(config, { values: valid, confirmed: true, locale: 'sv-SE' });
    assert.equal(ok.success && ok.data.locale, 'en');
    const de = validateSubmission(config, { values: valid, confirmed: true, locale: 'de-CH' });
    assert.equal(de.success && de.data.locale, 'de', 'a built-in language is kept');
  });
});

describe('validateField', () => {
  it('checks one field with the same rules', () => {
    assert.equal(validateField(config, 'lastName', 'Lopez', { locale: 'en' }), undefined);
    assert.deepEqual(validateField(config, 'lastName', '', { locale: 'fr' }), { field: 'lastName', code: 'required', message: 'Ce champ est obligatoire.' });
    assert.equal(validateField(config, 'siret', '73282932000075', { locale: 'en' })?.code, 'invalid_checksum');
  });

  it('checks a postal code against the other values', () => {
    assert.equal(validateField(config, 'postalCode', '1000', { locale: 'en', values: { country: 'BE' } }), undefined);
    assert.match(validateField(config, 'postalCode', '1000', { locale: 'en' })?.message ?? '', /France/);
  });

  it('checks a password with the isCommonPassword option only when given', () => {
    assert.equal(validateField(config, 'password', 'password1234', { locale: 'en' }), undefined);
    assert.equal(validateField(config, 'password', 'password1234', { locale: 'en', isCommonPassword: () => true })?.code, 'too_common');
    assert.equal(validateField(config, 'password', 'aaaaaaaaaaaa', { locale: 'en' })?.code, 'too_common');
  });

  it('checks the confirmation and ignores hidden or unknown fields', () => {
    assert.equal(validateField(config, 'confirmed', true), undefined);
    assert.equal(validateField(config, 'confirmed', 'true', { locale: 'en' })?.code, 'not_confirmed');
    assert.equal(validateField(config, 'fax', 'nonsense'), undefined);
    assert.equal(validateField(config, 'nope', 'x'), undefined);
    assert.equal(validateField(config, HONEYPOT_FIELD, 'bot'), undefined);
  });
});

describe('the unreadable option (a date the browser could not read)', () => {
  const incomplete = { field: 'founded', code: 'invalid_format', message: 'This date is incomplete or does not exist: complete it or clear it.' };

  it('refuses a shown field it names, whatever its value, with its own wording', () => {
    const result = validateSubmission(config, { values: { ...valid, founded: '' }, confirmed: true }, { locale: 'en', unreadable: ['founded'] });
    assert.equal(result.success, false);
    assert.deepEqual(!result.success && result.errors, [incomplete]);
    assert.deepEqual(validateField(config, 'founded', '', { locale: 'en', unreadable: ['founded'] }), incomplete);
    assert.equal(validateField(config, 'founded', '', { locale: 'fr', unreadable: ['founded'] })?.message, 'Cette date est incomplète ou n’existe pas : complétez-la ou effacez-la.');
    // Without the option, the same empty optional date is simply left out.
    assert.equal(validateSubmission(config, { values: { ...valid, founded: '' }, confirmed: true }, { locale: 'en' }).success, true);
  });

  it('leaves hidden and unknown fields alone, and the others as they were', () => {
    const hidden = setDisplayed(config, 'founded', false);
    assert.equal(validateSubmission(hidden, { values: valid, confirmed: true }, { locale: 'en', unreadable: ['founded', 'nope'] }).success, true);
    assert.equal(validateField(hidden, 'founded', '', { locale: 'en', unreadable: ['founded'] }), undefined);
    assert.equal(validateField(config, 'lastName', 'Lopez', { locale: 'en', unreadable: ['founded'] }), undefined);
  });

  it('names nothing when it is not a list (a plain JavaScript caller), and never throws', () => {
    for (const option of ['founded', 5, null, { includes: () => true }]) {
      const options = { locale: 'en', unreadable: option as unknown as string[] };
      assert.equal(validateSubmission(config, { values: valid, confirmed: true }, options).success, true, String(option));
      assert.equal(validateField(config, 'founded', '', options), undefined, String(option));
    }
  });
});
