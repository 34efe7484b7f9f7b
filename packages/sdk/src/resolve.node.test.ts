import assert from 'node:assert/strict';
import { registerLocale } from './i18n/registry.js';
import { describe, it } from 'node:test';
import { FIELD_CATALOG } from './catalog.js';
import { addCustomField, defaultConfig, moveField, parseConfig, setDisplayed, setRequired } from './config/index.js';
import { resolveFields } from './resolve.js';

describe('resolveFields', () => {
  it('returns the displayed fields only, in display order', () => {
    const config = defaultConfig();
    const ids = resolveFields(config, { locale: 'en' }).map((f) => f.id);
    assert.deepEqual(ids, config.fields.filter((f) => f.displayed).map((f) => f.id));
    assert.ok(!ids.includes('fax'));
    const moved = moveField(setDisplayed(config, 'fax', true), config.fields.findIndex((f) => f.id === 'fax'), 0);
    assert.equal(resolveFields(moved, { locale: 'en' })[0]?.id, 'fax');
  });

  it('resolves catalog labels, help, options, autocomplete, inputmode and limits', () => {
    const [company, legalForm, siret] = resolveFields(defaultConfig(), { locale: 'fr' });
    assert.deepEqual(company, { id: 'companyName', type: 'text', label: 'Raison sociale', required: true, locked: true, custom: false, autocomplete: 'organization', maxLength: 120 });
    assert.equal(legalForm?.options?.find((o) => o.value === 'other')?.label, 'Autre');
    assert.deepEqual(siret, { id: 'siret', type: 'text', label: 'SIRET', help: '14 chiffres, sans espaces', required: false, locked: false, custom: false, inputmode: 'numeric', maxLength: 17 });
    const en = resolveFields(defaultConfig(), { locale: 'en-GB' });
    assert.equal(en.find((f) => f.id === 'civility')?.options?.map((o) => o.label).join(), 'Mr,Ms');
    assert.equal(resolveFields(defaultConfig(), { locale: 'fr' }).find((f) => f.id === 'civility')?.options?.map((o) => o.label).join(), 'M.,Mme');
    assert.equal(en.find((f) => f.id === 'legalForm')?.options?.find((o) => o.value === 'association')?.label, 'Non-profit association');
  });

  it('falls back to en for other locales', () => {
    const sv = resolveFields(defaultConfig(), { locale: 'sv' });
    assert.equal(sv[0]?.label, 'Company name');
  });

  it('takes catalog words from the registry, so a registered language applies', () => {
    registerLocale('fr-CA', { core: { fields: { companyName: { label: 'Nom de l’entreprise' } } } });
    const fields = resolveFields(defaultConfig(), { locale: 'fr-CA' });
    assert.equal(fields[0]?.label, 'Nom de l’entreprise');
    assert.equal(fields.find((f) => f.id === 'lastName')?.label, 'Nom', 'other words from French');
  });

  it('carries required and locked flags', () => {
    const config = setRequired(defaultConfig(), 'firstName', true);
    const fields = resolveFields(config, { locale: 'en' });
    assert.equal(fields.find((f) => f.id === 'firstName')?.required, true);
    assert.equal(fields.find((f) => f.id === 'email')?.locked, true);
    assert.equal(fields.find((f) => f.id === 'firstName')?.locked, false);
    const password = resolveFields(setDisplayed(config, 'password', true), { locale: 'en' }).find((f) => f.id === 'password');
    assert.equal(password?.minLength, 12);
    assert.equal(password?.autocomplete, 'new-password');
  });

  it('resolves custom fields with their limits, defaults and a custom flag', () => {
    let config = addCustomField(defaultConfig(), { id: 'sector', type: 'select', label: { fr: 'Secteur', en: 'Sector' }, help: { en: 'Main activity' }, options: [{ value: 'retail', label: { fr: 'Commerce', en: 'Retail' } }] });
    config = addCustomField(config, { id: 'code', type: 'text', label: 'Code', format: 'digits', minLength: 3, maxLength: 8 });
    config = addCustomField(config, { id: 'note', type: 'textarea', label: 'Note' });
    config = addCustomField(config, { id: 'ref', type: 'text', label: 'Ref' });
    const fields = resolveFields(config, { locale: 'fr' });
    assert.deepEqual(fields.find((f) => f.id === 'sector'), {
      id: 'sector', type: 'select', label: 'Secteur', help: 'Main activity', required: false, locked: false, custom: true, maxLength: 100,
      options: [{ value: 'retail', label: 'Commerce' }],
    });
    assert.deepEqual(fields.find((f) => f.id === 'code'), { id: 'code', type: 'text', label: 'Code', required: false, locked: false, custom: true, inputmode: 'numeric', minLength: 3, maxLength: 8 });
    assert.equal(fields.find((f) => f.id === 'note')?.maxLength, 2000);
    assert.equal(fields.find((f) => f.id === 'ref')?.maxLength, 255);
  });

  it('covers every catalog field when all are displayed', () => {
    const config = parseConfig({ fields: FIELD_CATALOG.map(({ id }) => ({ id })) });
    const fields = resolveFields(config, { locale: 'fr' });
    assert.equal(fields.length, FIELD_CATALOG.length);
    for (const field of fields) assert.ok(field.label.length > 0 && field.maxLength > 0);
  });
});
