import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELD_CATALOG } from '../catalog.js';
import type { FormConfig } from '../types.js';
import {
  addCustomField,
  ConfigError,
  defaultConfig,
  deriveCustomFieldId,
  isLocked,
  moveField,
  parseConfig,
  removeCustomField,
  setDisplayed,
  setRequired,
  updateCustomField,
  updateSettings,
} from './index.js';

const entry = (config: FormConfig, id: string) => config.fields.find((field) => field.id === id);
const sector = { id: 'sector', type: 'select', label: { fr: 'Secteur', en: 'Sector' }, options: [{ value: 'retail', label: 'Retail' }] } as const;

// Every edit must leave its input untouched.
function frozen(config: FormConfig): FormConfig {
  return structuredClone(config);
}

describe('isLocked', () => {
  it('is true for locked catalog fields only', () => {
    assert.deepEqual(FIELD_CATALOG.filter((f) => isLocked(f.id)).map((f) => f.id), ['companyName', 'email']);
    assert.equal(isLocked('sector'), false);
    assert.equal(isLocked('__proto__'), false);
  });
});

describe('setDisplayed / setRequired', () => {
  it('hiding a field also clears required', () => {
    const before = defaultConfig();
    const copy = frozen(before);
    const after = setDisplayed(before, 'phone', false);
    assert.deepEqual(entry(after, 'phone'), { id: 'phone', displayed: false, required: false });
    assert.deepEqual(before, copy, 'input unchanged');
    assert.deepEqual(entry(setDisplayed(after, 'phone', true), 'phone'), { id: 'phone', displayed: true, required: false });
  });

  it('requiring a field also displays it; optional keeps it displayed', () => {
    const after = setRequired(defaultConfig(), 'fax', true);
    assert.deepEqual(entry(after, 'fax'), { id: 'fax', displayed: true, required: true });
    assert.deepEqual(entry(setRequired(after, 'fax', false), 'fax'), { id: 'fax', displayed: true, required: false });
  });

  it('leaves locked fields displayed and required', () => {
    const config = setRequired(setDisplayed(defaultConfig(), 'email', false), 'companyName', false);
    assert.deepEqual(entry(config, 'email'), { id: 'email', displayed: true, required: true });
    assert.deepEqual(entry(config, 'companyName'), { id: 'companyName', displayed: true, required: true });
  });

  it('throws a ConfigError for an unknown id', () => {
    assert.throws(() => setDisplayed(defaultConfig(), 'nope', true), ConfigError);
    assert.throws(() => setRequired(defaultConfig(), '__proto__', true), ConfigError);
  });
});

describe('moveField', () => {
  it('moves a field from one index to another', () => {
    const before = defaultConfig();
    const after = moveField(before, 0, 3);
    assert.deepEqual(after.fields.slice(0, 4).map((f) => f.id), ['legalForm', 'siret', 'vatNumber', 'companyName']);
    assert.equal(before.fields[0]?.id, 'companyName');
    assert.deepEqual(moveField(after, 3, 0), before);
    const last = moveField(before, 1, before.fields.length - 1);
    assert.equal(last.fields.at(-1)?.id, 'legalForm');
  });

  it('returns the config unchanged for indices out of range or not integers', () => {
    const config = defaultConfig();
    const count = config.fields.length;
    for (const [from, to] of [[-1, 0], [0, -1], [0, count], [count, 0], [0.5, 1], [Number.NaN, 1], [2, 2]] as const) {
      assert.equal(moveField(config, from, to), config);
    }
  });
});

describe('custom fields', () => {
  it('adds a field at the end, displayed and optional by default, or with its flags', () => {
    const before = defaultConfig();
    const after = addCustomField(before, sector);
    assert.deepEqual(after.customFields, [sector]);
    assert.deepEqual(after.fields.at(-1), { id: 'sector', displayed: true, required: false });
    assert.equal(before.customFields.length, 0);
    const hidden = addCustomField(before, { ...sector, displayed: false });
    assert.deepEqual(hidden.fields.at(-1), { id: 'sector', displayed: false, required: false });
    const required = addCustomField(before, { ...sector, displayed: false, required: true });
    assert.deepEqual(required.fields.at(-1), { id: 'sector', displayed: true, required: true });
  });

  it('refuses id collisions and invalid fields', () => {
    const config = addCustomField(defaultConfig(), sector);
    assert.throws(() => addCustomField(config, sector), (error: unknown) => error instanceof ConfigError && /already used/.test(error.message));
    assert.throws(() => addCustomField(config, { ...sector, id: 'email' }), ConfigError);
    assert.throws(() => addCustomField(config, { ...sector, id: 'constructor' }), ConfigError);
    assert.throws(() => addCustomField(config, { ...sector, id: 'other', options: [] }), ConfigError);
    assert.throws(() => addCustomField(config, { id: 'x', type: 'text', label: 'X', minLength: 9, maxLength: 2 }), ConfigError);
  });

  it('updates a field, removing keys patched to undefined', () => {
    const config = addCustomField(defaultConfig(), { id: 'code', type: 'text', label: 'Code', format: 'digits', maxLength: 5 });
    const after = updateCustomField(config, 'code', { label: { fr: 'Code client', en: 'Customer code' }, format: undefined });
    assert.deepEqual(after.customFields[0], { id: 'code', type: 'text', label: { fr: 'Code client', en: 'Customer code' }, maxLength: 5 });
    assert.deepEqual(entry(after, 'code'), entry(config, 'code'));
    assert.throws(() => updateCustomField(config, 'code', { minLength: 10 }), ConfigError);
  });

  it('drops what the new type does not take when the type changes', () => {
    const config = addCustomField(defaultConfig(), sector);
    const text = updateCustomField(config, 'sector', { type: 'text' });
    assert.deepEqual(text.customFields[0], { id: 'sector', type: 'text', label: sector.label });
    const back = updateCustomField(text, 'sector', { type: 'radio', options: [{ value: 'a', label: 'A' }] });
    assert.deepEqual(back.customFields[0]?.options, [{ value: 'a', label: 'A' }]);
    assert.throws(() => updateCustomField(text, 'sector', { type: 'radio' }), ConfigError);
    const checkbox = updateCustomField(addCustomField(defaultConfig(), { id: 'code', type: 'text', label: 'C', format: 'digits', maxLength: 4 }), 'code', { type: 'checkbox' });
    assert.deepEqual(checkbox.customFields[0], { id: 'code', type: 'checkbox', label: 'C' });
  });

  it('cannot change the id and refuses unknown or catalog ids', () => {
    const config = addCustomField(defaultConfig(), sector);
    const patched = updateCustomField(config, 'sector', { id: 'other' } as never);
    assert.equal(patched.customFields[0]?.id, 'sector');
    assert.throws(() => updateCustomField(config, 'nope', { label: 'x' }), ConfigError);
    assert.throws(() => updateCustomField(config, 'email', { label: 'x' }), /catalog field/);
  });

  it('removes a field and its place in fields', () => {
    const config = addCustomField(defaultConfig(), sector);
    const after = removeCustomField(config, 'sector');
    assert.deepEqual(after, defaultConfig());
    assert.equal(config.customFields.length, 1);
    assert.throws(() => removeCustomField(after, 'sector'), ConfigError);
    assert.throws(() => removeCustomField(after, 'city'), /hide it instead/);
  });
});

describe('updateSettings', () => {
  it('changes settings and enabled, validated', () => {
    const before = defaultConfig();
    const after = updateSettings(before, { unvalidatedAccounts: 'block-purchase', alertEmail: 'sales@example.com', enabled: false, confirmation: { redirectUrl: '/merci' } });
    assert.equal(after.enabled, false);
    assert.deepEqual(after.settings, { unvalidatedAccounts: 'block-purchase', alertEmail: 'sales@example.com', quickRegistration: false, defaultAccountState: 'inactive', confirmation: { redirectUrl: '/merci' } });
    assert.equal(before.enabled, true);
    assert.equal(updateSettings(after, { quickRegistration: true }).enabled, false, 'enabled kept');
  });

  it('goes back to defaults for undefined or empty values', () => {
    const set = updateSettings(defaultConfig(), { alertEmail: 'a@example.com', defaultAccountState: 'active' });
    const cleared = updateSettings(set, { alertEmail: '', defaultAccountState: undefined });
    assert.deepEqual(cleared.settings, defaultConfig().settings);
  });

  it('refuses unsafe redirects and bad e-mails', () => {
    assert.throws(() => updateSettings(defaultConfig(), { confirmation: { redirectUrl: 'javascript:alert(1)' } }), ConfigError);
    assert.throws(() => updateSettings(defaultConfig(), { alertEmail: 'nobody' }), ConfigError);
    assert.throws(() => updateSettings(defaultConfig(), { unvalidatedAccounts: 'all' as never }), ConfigError);
  });
});

describe('deriveCustomFieldId', () => {
  const config = defaultConfig();
  it('builds a camelCase id without accents', () => {
    assert.equal(deriveCustomFieldId("Secteur d'activité", config), 'secteurDActivite');
    assert.equal(deriveCustomFieldId('  Numéro client  ', config), 'numeroClient');
    assert.equal(deriveCustomFieldId('Code NAF', config), 'codeNAF');
  });

  it('always starts with a letter and stays within 64 characters', () => {
    assert.equal(deriveCustomFieldId('2e contact', config), 'field2eContact');
    assert.equal(deriveCustomFieldId('', config), 'field');
    assert.equal(deriveCustomFieldId('!!!', config), 'field');
    const long = deriveCustomFieldId('word '.repeat(50), config);
    assert.ok(long.length <= 64);
  });

  it('never returns a taken or reserved id', () => {
    assert.equal(deriveCustomFieldId('Email', config), 'email2');
    assert.equal(deriveCustomFieldId('Constructor', config), 'constructor2');
    assert.equal(deriveCustomFieldId('Nickname', config), 'nickname2');
    assert.equal(deriveCustomFieldId('Locale', config), 'locale2');
    const withSector = addCustomField(config, { id: 'sector', type: 'text', label: 'Sector' });
    assert.equal(deriveCustomFieldId('Sector', withSector), 'sector2');
    const id = deriveCustomFieldId('Sector', addCustomField(withSector, { id: 'sector2', type: 'text', label: 'S' }));
    assert.equal(id, 'sector3');
  });

  it('gives ids that addCustomField accepts', () => {
    for (const label of ["Secteur d'activité", '2e contact', 'Email', '', '日本語', 'a'.repeat(300)]) {
      const id = deriveCustomFieldId(label, config);
      assert.equal(addCustomField(config, { id, type: 'text', label: 'X' }).customFields[0]?.id, id);
    }
  });

  it('keeps every config parseable after edits', () => {
    const config2 = addCustomField(defaultConfig(), sector);
    assert.deepEqual(parseConfig(JSON.parse(JSON.stringify(config2))), config2);
  });
});
