import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CustomFieldType, FormConfig } from '../types.js';
import {
  addCustomField,
  ConfigError,
  CUSTOM_FIELD_FORMATS,
  CUSTOM_FIELD_TYPES,
  defaultConfig,
  deriveCustomFieldId,
  moveField,
  parseConfig,
  removeCustomField,
  setDisplayed,
  setRequired,
  updateCustomField,
  updateSettings,
} from './index.js';
import { assertInvariants } from './test-helpers/invariants.js';

// Reproducible runs: a fixed seed, and FC_NUM_RUNS (default 200) to run more in CI or locally,
// e.g. `FC_NUM_RUNS=5000 node --import tsx --test packages/sdk/src/config/config.property.node.test.ts`.
fc.configureGlobal({ seed: 0x5eed, numRuns: Number(process.env['FC_NUM_RUNS']) || 200 });

type Edit = (config: FormConfig) => FormConfig;

const pick = (config: FormConfig, n: number) => config.fields[n % config.fields.length]?.id ?? 'email';
const pickCustom = (config: FormConfig, n: number) => config.customFields[n % Math.max(1, config.customFields.length)]?.id ?? 'none';
const label = fc.oneof(fc.string({ maxLength: 30 }), fc.record({ fr: fc.string({ maxLength: 20 }), en: fc.string({ maxLength: 20 }) }));
const type = fc.constantFrom(...CUSTOM_FIELD_TYPES);
const options = fc.array(fc.record({ value: fc.string({ minLength: 1, maxLength: 8 }), label: fc.string({ maxLength: 10 }) }), { maxLength: 4 });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.boolean()).map(([n, value]): Edit => (c) => setDisplayed(c, pick(c, n), value)),
  fc.tuple(fc.nat(), fc.boolean()).map(([n, value]): Edit => (c) => setRequired(c, pick(c, n), value)),
  fc.tuple(fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 60 })).map(([from, to]): Edit => (c) => moveField(c, from, to)),
  fc
    .record({ label: fc.string({ maxLength: 30 }), type, options, format: fc.option(fc.constantFrom(...CUSTOM_FIELD_FORMATS), { nil: undefined, freq: 2 }), displayed: fc.boolean(), required: fc.boolean() })
    .map(({ label: text, type: kind, options: list, format, displayed, required }): Edit => (c) => {
      const id = deriveCustomFieldId(text, c);
      const choice = kind === 'select' || kind === 'radio';
      const textual = ['text', 'textarea', 'email', 'tel', 'url'].includes(kind);
      return addCustomField(c, { id, type: kind, label: text || 'Field', ...(choice ? { options: list } : {}), ...(format && textual ? { format } : {}), displayed, required });
    }),
  fc
    .record({ n: fc.nat(), label: fc.option(label, { nil: undefined }), type: fc.option(type, { nil: undefined }), maxLength: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) })
    .map(({ n, label: text, type: kind, maxLength }): Edit => (c) =>
      updateCustomField(c, pickCustom(c, n), { ...(text !== undefined ? { label: text } : {}), ...(kind ? { type: kind as CustomFieldType } : {}), ...(maxLength !== undefined ? { maxLength } : {}) }),
    ),
  fc.nat().map((n): Edit => (c) => removeCustomField(c, pickCustom(c, n))),
  fc
    .record(
      {
        enabled: fc.boolean(),
        unvalidatedAccounts: fc.constantFrom('none', 'block-purchase', 'block-login'),
        quickRegistration: fc.boolean(),
        defaultAccountState: fc.constantFrom('active', 'inactive'),
        alertEmail: fc.constantFrom('sales@example.com', '', 'not-an-email', undefined),
        confirmation: fc.record({ redirectUrl: fc.constantFrom('/merci', 'https://example.com/ok', 'javascript:alert(1)', '//evil.example'), message: label }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    )
    .map((patch): Edit => (c) => updateSettings(c, patch as Parameters<typeof updateSettings>[1])),
);

describe('config properties', () => {
  it('any sequence of edits from defaultConfig() keeps every invariant and survives a JSON round trip', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let config = defaultConfig();
        for (const apply of edits) {
          try {
            config = apply(config);
          } catch (error) {
            // An edit may be refused (invalid label, taken id…), only ever with a ConfigError.
            if (!(error instanceof ConfigError)) throw error;
          }
          assertInvariants(config);
        }
        assert.deepStrictEqual(parseConfig(JSON.parse(JSON.stringify(config))), config);
      }),
    );
  });

  it('parseConfig of arbitrary JSON returns a valid config or throws a ConfigError, nothing else', () => {
    const check = (input: unknown) => {
      try {
        assertInvariants(parseConfig(input));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        assert.ok(error.issues.length > 0);
      }
    };
    fc.assert(fc.property(fc.jsonValue(), check));
    // JSON shaped like a config, so the deeper rules are reached too.
    const keys = fc.constantFrom('version', 'enabled', 'fields', 'customFields', 'settings', '__proto__', 'constructor');
    const near = fc.dictionary(keys, fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.dictionary(fc.constantFrom('id', 'type', 'label', 'options', 'displayed', 'required', 'format'), fc.jsonValue({ maxDepth: 2 })))));
    fc.assert(fc.property(near, check));
  });
});
