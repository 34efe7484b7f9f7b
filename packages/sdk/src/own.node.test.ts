import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCatalogField } from './catalog.js';
import { defaultConfig } from './config/defaults.js';
import { addCustomField } from './config/edits.js';
import { parseConfig } from './config/parse.js';
import { exactText } from './i18n/resolve.js';
import { resolveConfirmation, resolveFields } from './resolve.js';

const POLLUTION = { help: 'Polluted help', options: [{ value: 'x', label: 'X' }], format: 'digits', minLength: 50, maxLength: 1, redirectUrl: 'https://evil.example/', message: 'Polluted', autocomplete: 'off', inputmode: 'numeric', fr: 'Polluted' };
const proto = Object.prototype as unknown as Record<string, unknown>;

/** Runs `check` with Object.prototype polluted, as a careless page would have it. */
function polluted(check: () => void): void {
  for (const [key, value] of Object.entries(POLLUTION)) Object.defineProperty(proto, key, { value, writable: true, configurable: true });
  try {
    check();
  } finally {
    for (const key of Object.keys(POLLUTION)) delete proto[key];
  }
}

describe('what the SDK hands out reads absent optional keys as absent', () => {
  const config = addCustomField(parseConfig({ fields: [{ id: 'fax' }] }), { id: 'size', type: 'text', label: { en: 'Size' } });

  it('catalog fields, custom fields, the confirmation settings, resolved fields and the confirmation box', () => {
    polluted(() => {
      const [size] = config.customFields;
      assert.deepEqual([size?.help, size?.options, size?.format, size?.minLength, size?.maxLength], [undefined, undefined, undefined, undefined, undefined]);
      for (const { confirmation } of [config.settings, defaultConfig().settings]) assert.deepEqual([confirmation.redirectUrl, confirmation.message], [undefined, undefined]);
      for (const field of [...resolveFields(config, { locale: 'en' }), resolveConfirmation('en')]) {
        for (const key of ['help', 'options', 'minLength', 'autocomplete', 'inputmode'] as const) {
          assert.notEqual(field[key], POLLUTION[key], `${field.id}.${key}`);
        }
      }
      assert.equal(exactText(size?.label, 'fr'), '');
      const company = getCatalogField('companyName');
      assert.deepEqual([company?.help, company?.options, company?.format, company?.minLength], [undefined, undefined, undefined, undefined]);
    });
  });

  it('is invisible to JSON, Object.keys and spreads', () => {
    const [size] = config.customFields;
    assert.deepEqual(Object.keys(size ?? {}), ['id', 'type', 'label']);
    assert.equal(JSON.stringify(config.settings.confirmation), '{}');
    assert.deepEqual({ ...resolveConfirmation('fr') }, { id: 'confirmed', type: 'checkbox', label: "Je confirme l'exactitude des informations ci-dessus", required: true, locked: true, custom: false, maxLength: 5 });
    assert.deepEqual(parseConfig(JSON.parse(JSON.stringify(config))), config);
  });
});

describe('exactText', () => {
  it('gives the text of exactly one locale, own properties only', () => {
    assert.equal(exactText({ fr: 'Taille', 'fr-CA': 'Grandeur' }, 'fr'), 'Taille');
    assert.equal(exactText({ 'fr-CA': 'Grandeur' }, 'fr'), '');
    assert.equal(exactText('Size', 'de'), 'Size');
    assert.equal(exactText(undefined, 'en'), '');
    assert.equal(exactText({ en: 'Size' }, 'toString'), '');
  });
});
